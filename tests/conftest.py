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
