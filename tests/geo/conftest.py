"""The gazetteer for tests: the installed one if it was built from the current inputs (code,
curated files, source versions), else one built once and cached between sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo import Gazetteer, build, default_path
from eventdesk.geo.build import built_from, inputs_digest


@pytest.fixture(scope="session")
def gazetteer_path(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    digest = inputs_digest()
    installed = default_path()
    if installed.exists() and built_from(installed) == digest:
        return installed
    cache = getattr(request.config, "cache", None)
    folder = Path(cache.mkdir("eventdesk-gazetteer")) if cache else tmp_path_factory.mktemp("gaz")
    path = folder / f"gazetteer-{digest}.sqlite"
    if not path.exists() or built_from(path) != digest:
        for old in folder.glob("gazetteer-*.sqlite"):
            old.unlink()
        report = build(str(path))
        assert not report.unresolved, report.unresolved
    return path


@pytest.fixture(scope="session")
def gaz(gazetteer_path: Path) -> Gazetteer:
    return Gazetteer.open(gazetteer_path)
