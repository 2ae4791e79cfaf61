"""Headless Chromium (Debian's chromium + chromium-driver, driven by Selenium) for the dashboard.

Screenshots go to $EVENTDESK_SCREENSHOTS or .screenshots/ at the top of the repository. The tests
skip, saying why, only where Chromium is not installed (.ci/run installs it with apt-get)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventdesk.web import browser as chrome

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("EVENTDESK_SCREENSHOTS") or REPO / ".screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser() -> Iterator[object]:
    why = chrome.missing()
    if why:
        pytest.skip(f"{why}; .ci/run installs it")
    with chrome.chromium() as driver:
        yield driver
