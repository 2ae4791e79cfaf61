"""Running the app on a free loopback port: in a thread of this process (tests), or as an
`eventdesk serve` process of its own (`eventdesk bench api`, so client and server do not share
one interpreter)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from eventdesk.api import create_app
from eventdesk.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving_process(db_url: str) -> Iterator[tuple[str, int]]:
    """`eventdesk serve` on `db_url` in a child process; yield its base URL and pid; stop it."""
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "eventdesk.cli", "serve", "--db", db_url, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"eventdesk serve did not start: {err[-2000:]}")
            time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def serving(store: Store, **options: Any) -> Iterator[str]:
    """Serve `store` on 127.0.0.1 at a free port in a thread; yield the base URL; stop."""
    port = free_port()
    config = uvicorn.Config(create_app(store, **options), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
