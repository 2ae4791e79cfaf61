"""Lethal force against demonstrators is ACLED's "Excessive force against protesters", a
Protests event whose initiators are the protesters and whose other side is the force that fired
(sentences written for the tests)."""

from __future__ import annotations

import pytest

from tests.code.coding import events as coded


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        # the cue names it; the type model alone read an attack on civilians
        ("KANO, Nigeria (Reuters) - Security forces opened fire on protesters in the northern "
         "Nigerian city of Kano on Tuesday, killing four people, witnesses said.", "Military"),
        # "fired live rounds at" is the shooting; the demonstrators after it are still a
        # demonstration (the trigger "fired ... at" ran on to "on Monday" and swallowed them)
        ("Police fired live rounds at demonstrators in Khartoum on Monday, killing two, a "
         "doctors' committee said.", "Police"),
        # no cue, but the police or the army killed demonstrators
        ("Soldiers shot dead three demonstrators in Conakry on Tuesday.", "Military"),
    ],
)  # fmt: skip
def test_forces_killing_demonstrators_is_excessive_force(text: str, forces: str) -> None:
    (event,) = coded(text, "en")
    assert (event.event_type, event.sub_event_type) == (
        "Protests",
        "Excessive force against protesters",
    )
    assert event.actor1 is not None and event.actor1.startswith("Protesters")
    assert event.actor2 is not None and event.actor2.startswith(forces)


def test_live_fire_in_a_raid_is_no_protest() -> None:
    # tear gas and live ammunition without a word that people demonstrated: a raid
    (event,) = coded(
        "Soldiers fired live ammunition and tear gas during a raid on a farm near Kaduna on "
        "Monday, killing two men.",
        "en",
    )
    assert event.event_type != "Protests"


def test_live_ammunition_at_a_demonstration_is_excessive_force_even_without_deaths() -> None:
    (event,) = coded(
        "Police used live ammunition to disperse a crowd of protesters in Nairobi on Monday, "
        "wounding five.",
        "en",
    )
    assert event.sub_event_type == "Excessive force against protesters"


def test_a_protest_over_killings_by_the_forces_is_no_excessive_force() -> None:
    # the deaths are what the demonstration is about, not what happened at it (the outcome is
    # guarded here; which of the rules and the type model decides it depends on the model)
    events = coded(
        "Families of miners protested in Kisumu on Monday after police killed four miners the "
        "day before.",
        "en",
    )
    assert events and all(e.sub_event_type != "Excessive force against protesters" for e in events)


def test_a_crowd_shot_at_a_market_is_civilians_not_protesters() -> None:
    # "crowd" alone says who was there, not that they demonstrated
    (event,) = coded("Gunmen opened fire on a crowd at a market in Maiduguri, killing six.", "en")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Riot police fired tear gas at demonstrators outside the court in Dakar on Tuesday.",
            "en",
        ),
        ("Police used water cannon to break up a rally of students in Nairobi on Tuesday.", "en"),
        ("La police a dispersé mardi à coups de gaz lacrymogène des manifestants à Niamey.", "fr"),
    ],
)
def test_forces_dispersing_demonstrators_is_a_protest_with_intervention(
    text: str, language: str
) -> None:
    # the type model reads forces firing at people as an attack on civilians; the cue of a
    # dispersed demonstration stands
    (event,) = coded(text, language)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.actor1 is not None and event.actor1.startswith("Protesters")
    assert event.actor2 is not None and event.actor2.startswith("Police")
