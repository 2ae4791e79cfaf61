"""A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a
server on 127.0.0.1 at a free port, removed on exit. Uses Debian's postgresql binaries."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from eventdesk.errors import StoreError


def binaries() -> Path | None:
    """The folder with initdb and pg_ctl (newest Debian postgresql first), or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


@contextlib.contextmanager
def temporary_cluster() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh, empty database; stop and delete it afterwards."""
    bin_dir = binaries()
    if bin_dir is None:
        raise StoreError("PostgreSQL is not installed (initdb, pg_ctl): "
                         "apt-get install postgresql")  # fmt: skip
    as_user = _runner()
    tmp = Path(tempfile.mkdtemp(prefix="eventdesk-pg-"))
    data, port = tmp / "data", _free_port()
    if as_user:
        shutil.chown(tmp, as_user, as_user)
    os.chmod(tmp, 0o700)
    try:
        _run(as_user, [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                       "-E", "UTF8", "--no-locale"])  # fmt: skip
        opts = (f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")  # fmt: skip
        _run(as_user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                       str(tmp / "log"), "-w", "-t", "60", "start"])  # fmt: skip
        try:
            _run(as_user, [str(bin_dir.parent / "bin" / "createdb"), "-h", "127.0.0.1", "-p",
                           str(port), "-U", "postgres", "eventdesk"])  # fmt: skip
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/eventdesk"
        finally:
            _run(as_user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _runner() -> str | None:
    """PostgreSQL refuses to run as root: run it as the 'postgres' (or 'nobody') user then."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise StoreError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")


def _run(as_user: str | None, cmd: list[str]) -> None:
    full = ["runuser", "-u", as_user, "--", *cmd] if as_user else cmd
    proc = subprocess.run(full, capture_output=True, text=True, timeout=120, cwd="/")
    if proc.returncode != 0:
        raise StoreError(
            f"{Path(cmd[0]).name} failed: {proc.stderr.strip() or proc.stdout.strip()}"
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
