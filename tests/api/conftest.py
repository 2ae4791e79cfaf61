"""The API on a real server on 127.0.0.1 (uvicorn in a thread), over SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from eventdesk.api.server import serving
from eventdesk.store import Store, open_store, synthetic, users

__all__ = ["auth", "serving"]


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
