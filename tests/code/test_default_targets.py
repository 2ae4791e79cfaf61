"""ACLED's other side when a telling names none, and none where ACLED codes none (sentences
written for the tests)."""

from __future__ import annotations

import pytest

from tests.code.coding import events as coded

pytestmark = pytest.mark.slow


def test_violence_against_civilians_targets_civilians() -> None:
    # no word names the victims
    (event,) = coded("Unknown assailants killed two near Titao on Tuesday.", "en")
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Burkina Faso)")
    (taken,) = coded("Gunmen abducted two near Titao on Tuesday.", "en")
    assert taken.actor2 == "Civilians (Burkina Faso)"


def test_the_force_that_steps_in_at_a_protest_is_the_police() -> None:
    (event,) = coded(
        "Hundreds of traders protested in Kisumu on Tuesday; the demonstration was dispersed "
        "with tear gas.",
        "en",
    )
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of Kenya")


def test_a_peaceful_protest_has_no_other_side() -> None:
    # what the protest is against is no actor
    (event,) = coded(
        "Des milliers de personnes ont manifesté samedi à Zinder pour réclamer le départ des "
        "troupes étrangères et des soldats français.",
        "fr",
    )
    assert (event.sub_event_type, event.actor2) == ("Peaceful protest", None)


def test_a_clash_has_two_sides() -> None:
    (named,) = coded("JNIM fighters clashed near Titao on Tuesday.", "en")
    assert named.actor2 is not None and named.actor2.startswith("Military Forces of Burkina")
    (army,) = coded("Soldiers clashed near Titao on Tuesday.", "en")
    assert army.actor2 == "Unidentified Armed Group (Burkina Faso)"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rebels fired mortars at the government positions near Titao on Tuesday.", "en"),
        ("Les rebelles ont bombardé mardi les positions de l'armée près de Titao.", "fr"),
    ],
)
def test_government_positions_are_the_state_s_forces(text: str, lang: str) -> None:
    (event,) = coded(text, lang)
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Burkina")


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        # the sentence after a strike says civilians were hurt: they are its target
        (
            "On Monday, Saudi artillery shelled several villages of Xqz district in Saada"
            " governorate. Two citizens were reported injured.",
            "en",
            "Civilians (Yemen)",
        ),
        (
            "Lundi, l'armée a bombardé le village de Xqz, dans la province d'Idleb. Deux enfants"
            " ont été tués.",
            "fr",
            "Civilians (Syria)",
        ),
        # a lone person is a civilian as well as people are
        (
            "On Monday, a mine blew up near Xqz in Aleppo province, killing a person.",
            "en",
            "Civilians (Syria)",
        ),
    ],
)
def test_civilians_told_hurt_after_a_strike_are_its_target(
    text: str, lang: str, target: str
) -> None:
    (event,) = coded(text, lang)
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 == target


def test_civilians_are_no_side_of_a_battle() -> None:
    # ACLED: a battle is between armed sides; civilians killed in it are none of them
    (event,) = coded(
        "On Monday, two civilians were killed in clashes with soldiers near Xqz in Kaduna state.",
        "en",
    )
    assert event.event_type == "Battles"
    assert not (event.actor2 or "").startswith("Civilians"), event.actor2
