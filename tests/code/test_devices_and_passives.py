"""A device described by what it is made of tells no shelling; "arrested by the gendarmerie":
the gendarmes arrested (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.code.facts import _triggers
from eventdesk.code.lexicon import load
from eventdesk.records import SubEventType
from tests.code.coding import events as coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("L'engin, composé d'un obus d'artillerie relié à une batterie, était enfoui.", "fr"),
        ("The device, made from an artillery shell wired to a battery, was buried.", "en"),
    ],
)
def test_what_a_device_is_made_of_is_no_shelling(sentence: str, lang: str) -> None:
    kept, _ = _triggers(sentence, load(lang), frozenset())
    assert [h.label for h in kept] == []
    # the same shell fired is one
    fired = sentence.split(",")[0] + " was hit by an artillery shell."
    if lang == "fr":
        fired = "Le poste a été frappé par un obus d'artillerie."
    assert "Shelling/artillery/missile attack" in [
        h.label for h in _triggers(fired, load(lang), frozenset())[0]
    ]


def test_arrested_by_the_gendarmerie_the_gendarmes_arrest() -> None:
    events = coded(
        "Mardi soir, deux hommes soupçonnés d'appartenir à un groupe jihadiste ont été arrêtés "
        "par la gendarmerie à Mopti.",
        "fr",
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        (SubEventType.ARRESTS, "Police Forces of Mali (2021-) Gendarmerie")
    ]


def test_a_roadside_bomb_is_an_ied_whatever_the_words_around_it() -> None:
    # the type model read the closing "local sources said" like the notes on shelling
    (event,) = coded(
        "On Saturday, a roadside bomb killed three civilians near Ouallam, local sources said.",
        "en",
    )
    assert event.sub_event_type == SubEventType.REMOTE_EXPLOSIVE.value
    # a bomb, then a fight in the same paragraph, is an ambush: a battle, as ACLED codes it
    ambush = coded(
        "On Saturday, a roadside bomb hit a police truck near Ouallam, killing two officers. "
        "Another officer died in clashes with the attackers after the blast.",
        "en",
    )
    assert [e.sub_event_type for e in ambush] == [SubEventType.ARMED_CLASH.value]
