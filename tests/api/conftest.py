"""The API on a real server on 127.0.0.1 (uvicorn in a thread), over SQLite and PostgreSQL."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from eventdesk.api import create_app
from eventdesk.store import Store, open_store, synthetic, users


@contextmanager
def serving(store: Store, **options) -> Iterator[str]:
    """Run the app on a free loopback port; yield its base URL; stop it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store, **options), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    s = open_store(db_url)
    s.save_events(list(synthetic.events(300, seed=3)))
    yield s
    s.close()


@pytest.fixture
def tokens(store) -> dict[str, str]:
    with store.engine.begin() as conn:
        return {role: users.add(conn, f"{role}-user", role) for role in users.ROLES}


@pytest.fixture
def api(store) -> Iterator[httpx.Client]:
    with serving(store) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
