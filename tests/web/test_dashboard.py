"""The dashboard in headless Chromium: load, filter, open an event, accept, edit, resolve a
conflict, work the queue from the keyboard; article text is shown as text, never run."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from eventdesk import config, pipeline
from eventdesk.records import Source
from eventdesk.store import Store, open_store, synthetic, users
from tests.api.conftest import auth, serving

HOSTILE = ("Gunmen attacked a checkpoint near the market on Monday, killing two soldiers. "
           "<script>window.__pwned = 1;</script><img src=x onerror=\"window.__pwned = 2\"> "
           "Residents said the attackers fled north.")  # fmt: skip
EVIDENCE = "Gunmen attacked a checkpoint near the market on Monday, killing two soldiers."


@dataclasses.dataclass
class Site:
    url: str
    store: Store
    reviewer: str
    hostile_id: str


@pytest.fixture
def site(tmp_path_factory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("site")
    store = open_store(str(folder / "site.db"))
    article = folder / "hostile-article.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    pipeline.ingest([str(article)], store, config.load(None, published="2024-03-04"))
    events = list(synthetic.events(120, seed=11))
    start = HOSTILE.index(EVIDENCE)
    hostile = dataclasses.replace(events[0], sources=(Source(
        doc_id=article.name, evidence=EVIDENCE, start=start, end=start + len(EVIDENCE),
        source="Example Wire"),), confidence=0.21)  # fmt: skip
    store.save_events([hostile, *events[1:]])
    with store.engine.begin() as conn:
        token = users.add(conn, "rita", "reviewer")
    with serving(store) as url:
        yield Site(url, store, token, hostile.id)
    store.close()


def wait(driver, condition, timeout: float = 20):  # type: ignore[no-untyped-def]
    return WebDriverWait(
        driver, timeout, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException]
    ).until(condition)


def css(driver, selector: str):  # type: ignore[no-untyped-def]
    return driver.find_elements(By.CSS_SELECTOR, selector)


def sign_in(browser, token: str) -> None:
    browser.find_element(By.ID, "token").send_keys(token)
    browser.find_element(By.ID, "signin-btn").click()
    wait(browser, lambda d: d.find_element(By.ID, "who").text.startswith("rita"))


def open_event(browser, site: Site, event_id: str) -> None:
    browser.get(f"{site.url}/?event={event_id}")
    wait(browser, lambda d: css(d, "#event-fields"))


def test_load_filter_and_open_an_event(browser, site, screenshots: Path):
    browser.get(site.url + "/")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.mapReady") == "120")
    wait(browser, lambda d: d.find_element(By.ID, "count").text == "120 events")
    assert css(browser, ".leaflet-interactive, .cluster")  # the map drew the events
    browser.save_screenshot(str(screenshots / "01-dashboard.png"))

    Select(browser.find_element(By.NAME, "country")).select_by_value("IRQ")
    wait(browser, lambda d: "country=IRQ" in d.current_url)
    expected = sum(1 for e in synthetic.events(120, seed=11) if e.country_iso3 == "IRQ")
    wait(browser, lambda d: d.find_element(By.ID, "count").text == f"{expected} events")
    wait(
        browser,
        lambda d: d.execute_script("return document.body.dataset.mapReady") == str(expected),
    )
    places = [r.text for r in css(browser, "#event-list .place")]
    assert places and all(p.endswith("Iraq") for p in places)
    browser.save_screenshot(str(screenshots / "02-filtered.png"))

    browser.refresh()  # the filters come back from the URL
    wait(browser, lambda d: d.find_element(By.ID, "count").text == f"{expected} events")
    assert (
        Select(browser.find_element(By.NAME, "country")).first_selected_option.get_attribute(
            "value"
        )
        == "IRQ"
    )

    css(browser, "#event-list li a")[0].click()
    wait(browser, lambda d: css(d, "#event-fields") and "event=" in d.current_url)
    assert (
        css(browser, "mark.evidence")
        and "Sign in" in browser.find_element(By.ID, "signin-hint").text
    )
    browser.save_screenshot(str(screenshots / "03-event.png"))


def test_article_markup_is_shown_as_text(browser, site, screenshots: Path):
    open_event(browser, site, site.hostile_id)
    article = css(browser, ".article")[0]
    assert "<script>window.__pwned = 1;</script>" in article.text
    assert "<img src=x onerror=" in article.text
    assert not article.find_elements(By.CSS_SELECTOR, "script, img")
    assert browser.execute_script("return window.__pwned") is None
    assert css(browser, "mark.evidence")[0].text == EVIDENCE
    browser.save_screenshot(str(screenshots / "04-article-as-text.png"))


def test_accept_and_edit_then_resolve_a_conflict(browser, site, screenshots: Path):
    ids = [e.id for e in synthetic.events(120, seed=11)][1:3]
    open_event(browser, site, ids[0])
    sign_in(browser, site.reviewer)
    wait(browser, lambda d: css(d, "#accept")).pop().click()
    wait(browser, lambda d: "Review: accepted" in d.find_element(By.ID, "review-status").text)
    browser.save_screenshot(str(screenshots / "05-accepted.png"))

    open_event(browser, site, ids[1])
    wait(browser, lambda d: css(d, "#edit")).pop().click()
    toll = wait(
        browser, lambda d: d.find_element(By.CSS_SELECTOR, "#editor input[name=fatalities]")
    )
    toll.clear()
    toll.send_keys("17")
    browser.find_element(By.ID, "save").click()
    wait(
        browser,
        lambda d: "Review: edited · version 2" in d.find_element(By.ID, "review-status").text,
    )
    assert "17" in browser.find_element(By.CSS_SELECTOR, "dd[data-field=Fatalities]").text
    browser.save_screenshot(str(screenshots / "06-edited.png"))

    # Someone else edits the notes while this page still shows version 2.
    wait(browser, lambda d: css(d, "#edit")).pop().click()
    r = httpx.post(f"{site.url}/events/{ids[1]}/edit", headers=auth(site.reviewer),
                   json={"fields": {"notes": "Checked against a second outlet."}, "version": 2})  # fmt: skip
    assert r.status_code == 200
    actor = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#editor input[name=actor2]"))
    actor.clear()
    actor.send_keys("Civilians (Iraq)")
    browser.find_element(By.ID, "save").click()
    box = wait(browser, lambda d: d.find_element(By.ID, "conflict"))
    assert "version 3" in box.text
    browser.save_screenshot(str(screenshots / "07-conflict.png"))
    browser.find_element(By.ID, "apply-mine").click()
    wait(browser, lambda d: "version 4" in d.find_element(By.ID, "review-status").text)
    final = httpx.get(f"{site.url}/events/{ids[1]}").json()
    assert (
        final["notes"] == "Checked against a second outlet."
        and final["actor2"] == "Civilians (Iraq)"
    )
    assert final["fatalities"] == 17
    assert [h["action"] for h in final["history"]] == ["edit", "edit", "edit"]


def test_review_queue_from_the_keyboard(browser, site, screenshots: Path):
    browser.get(site.url + "/")
    sign_in(browser, site.reviewer)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("q")
    wait(browser, lambda d: css(d, "#queue-list li.row.selected"))
    rows = css(browser, "#queue-list li.row")
    first = rows[0].get_attribute("data-id")
    shown = [int(r.find_element(By.CSS_SELECTOR, ".priority").text.split()[1]) for r in rows]
    assert len(rows) == 100 and shown == sorted(shown, reverse=True) and shown[0] > shown[-1]
    body.send_keys("j")
    second = css(browser, "#queue-list li.row.selected")[0].get_attribute("data-id")
    assert second != first
    body.send_keys("a")
    wait(browser, lambda d: d.find_element(By.ID, "queue-count").text == "119 to review")
    assert httpx.get(f"{site.url}/events/{second}").json()["review"]["status"] == "accepted"
    browser.save_screenshot(str(screenshots / "08-queue.png"))
    body.send_keys(Keys.ENTER)
    wait(browser, lambda d: css(d, "#event-fields"))
