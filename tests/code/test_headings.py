"""A note's opening label names the strategic development it reports ("Movement of forces:",
"Detonation:"), as ACLED's notes label them (sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.code import code_document, lexicon
from eventdesk.geo import Gazetteer
from eventdesk.records import Document, SubEventType

pytestmark = pytest.mark.slow


def _events(text: str):  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    return code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6)).events


def test_the_label_is_read_only_at_the_start_before_a_colon() -> None:
    lex = lexicon.load("en")
    assert lexicon.heading("Movement of forces: troops arrived.", lex) == (20, SubEventType.OTHER)
    assert lexicon.heading("Detonations: engineers blew up a car.", lex)[1] == (  # type: ignore[index]
        SubEventType.DISRUPTED_WEAPONS_USE
    )
    assert lexicon.heading("Troops arrived after the movement of forces: none.", lex) is None
    assert lexicon.heading("Arrests were made in Mosul.", lex) is None
    assert lexicon.heading("Curfew: shops closed early.", lex)[1] == (  # type: ignore[index]
        SubEventType.CHANGE_TO_GROUP
    )


def test_a_labelled_note_without_a_trigger_is_a_strategic_development() -> None:
    events = _events(
        "Movement of forces: On 4 March 2024, Iraqi army units arrived in Baiji to reinforce the "
        "checkpoints on the highway."
    )
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in events] == [
        ("Strategic developments", "Other", "Military Forces of Iraq (2022-)")
    ]


def test_the_label_names_the_type_over_the_words_of_the_note() -> None:
    text = (
        "Detonation: On 4 March 2024, Iraqi army engineers blew up a roadside bomb in a "
        "controlled explosion near Baiji."
    )
    assert [e.sub_event_type for e in _events(text)] == ["Disrupted weapons use"]
    bare = text.removeprefix("Detonation: ")
    assert [e.sub_event_type for e in _events(bare)] != ["Disrupted weapons use"]
