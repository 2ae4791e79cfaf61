"""Towns the gazetteer spells otherwise, found where the words say a place is (sentences and
spellings written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk import pipeline
from eventdesk.code import code_document
from eventdesk.code.cued import cued_towns
from eventdesk.geo import Gazetteer
from eventdesk.geo.focus import MIN_DOCS
from eventdesk.records import Document

pytestmark = pytest.mark.slow


def _doc(n: int, text: str) -> Document:
    return Document(
        id=f"d{n}", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash=f"h{n}",
        published="2024-03-05", language="en",
    )  # fmt: skip


def test_a_place_word_or_a_preposition_marks_a_town_spelt_otherwise() -> None:
    gaz = Gazetteer.open()
    text = "Shells fell on the town of Maarat Noman, then near Jisr Shoghour and in Bennish."
    found = cued_towns(gaz, text, "SYR")
    # a preposition asks for a closer spelling than a place word ("Bennish" is too far)
    assert [(m.text, m.place.admin1_code) for m in found] == [
        ("Maarat Noman", "SY-ID"),
        ("Jisr Shoghour", "SY-ID"),
    ]
    assert all(m.score <= 0.5 for m in found)  # a last resort, scored as such
    assert cued_towns(gaz, "Shells fell on the town of Maarat Noman.", "IRQ") == []


def test_an_incident_in_a_town_spelt_otherwise_is_placed_there() -> None:
    text = "On 4 March 2024, the Syrian army shelled the town of Maarat Noman."
    events = code_document(_doc(0, text), Gazetteer.open(), dt.date(2024, 3, 6)).events
    assert [(e.country_iso3, e.admin1_code) for e in events] == [("SYR", "SY-ID")]


def test_a_note_that_says_no_country_takes_its_collection_s() -> None:
    gaz = Gazetteer.open()
    doubt = _doc(0, "On 4 March 2024, regime forces shelled the town of Maarat Noman.")
    assert code_document(doubt, gaz, dt.date(2024, 3, 6)).events == []  # where? nothing says
    towns = ["Idlib", "Aleppo", "Homs", "Hama", "Latakia", "Raqqa"]
    docs = [doubt] + [
        _doc(n + 1, f"On 4 March 2024, shelling was reported in {towns[n % len(towns)]}, Syria.")
        for n in range(MIN_DOCS + 5)
    ]
    coded = dict(pipeline.code_collection(docs, gaz, dt.date(2024, 3, 6)))
    assert [(e.country_iso3, e.admin1_code) for e in coded[doubt].events] == [("SYR", "SY-ID")]
