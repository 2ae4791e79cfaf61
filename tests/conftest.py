"""Shared fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"needs {path} (the project's shared/ folder beside the repository); not present"
        )
    return path


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file outside the test's tmp_path (which tests use as a corpus folder)."""
    return str(tmp_path_factory.mktemp("store") / "test.db")


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL cluster on 127.0.0.1 (Debian's postgresql), for the session.

    Skips, saying why, only where PostgreSQL is not installed or cannot start; `.ci/run`
    installs it with apt-get so CI always runs these tests."""
    from eventdesk.errors import StoreError
    from eventdesk.store.pgcluster import binaries, temporary_cluster

    if binaries() is None:
        pytest.skip(
            "PostgreSQL is not installed here (apt-get install postgresql); .ci/run installs it"
        )
    try:
        with temporary_cluster() as url:
            yield url
    except StoreError as exc:
        pytest.skip(f"PostgreSQL could not be started here: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory) -> str:
    """An empty database on each engine: a SQLite file, and a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("store") / "test.db")
    import uuid

    import sqlalchemy as sa

    server = request.getfixturevalue("pg_server")
    name = "t_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name
