"""Headless Chromium (Debian's chromium + chromium-driver, driven by Selenium) for the dashboard.

Screenshots go to $EVENTDESK_SCREENSHOTS or .screenshots/ at the top of the repository. The tests
skip, saying why, only where Chromium is not installed (.ci/run installs it with apt-get)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-sync", "--disable-quic", "--disable-extensions", "--window-size=1400,900"]  # fmt: skip


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def new_driver():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        pytest.skip("Chromium is not installed here (apt-get install chromium chromium-driver); "
                    ".ci/run installs it")  # fmt: skip
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    profile = tempfile.mkdtemp(prefix="eventdesk-chrome-")
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
    driver.set_page_load_timeout(60)
    driver.profile_dir = profile
    return driver


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("EVENTDESK_SCREENSHOTS") or REPO / ".screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser() -> Iterator[object]:
    driver = new_driver()
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(driver.profile_dir, ignore_errors=True)
