"""Air strikes with no doer named, a drone named with its owner, a plural unit after a list of
names (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.geo.cues import AFTER
from eventdesk.records import SubEventType
from tests.code.coding import events as coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("after", "kind"),
    [
        (" and Yobe states", "admin1"),
        (", Kano and Yobe states on Monday", "admin1"),
        (" provinces", "admin1"),
        (" and Biu districts", "admin2"),
        (" and Yobe on Monday", None),
    ],
)
def test_a_plural_unit_names_each_item_of_its_list(after: str, kind: str | None) -> None:
    assert [k for k, rx in AFTER.items() if rx.search(after)][:1] == ([kind] if kind else [])


def test_states_listed_before_their_plural_are_states() -> None:
    events = coded("Jets bombed insurgent camps in Borno and Yobe states on Monday.", "en")
    assert sorted((e.admin1_code, e.geo_precision) for e in events) == [("NG-BO", 3), ("NG-YO", 3)]


@pytest.mark.parametrize(
    ("text", "lang", "doer"),
    [
        ("Des frappes ont visé des positions jihadistes près de Djibo samedi.", "fr",
         "Military Forces of Burkina Faso"),
        ("Air strikes hit a hideout near Diffa on Monday.", "en", "Military Forces of Niger"),
    ],
)  # fmt: skip
def test_an_air_strike_no_one_is_named_for_is_the_air_force_s(
    text: str, lang: str, doer: str
) -> None:
    [event] = coded(text, lang)
    assert event.sub_event_type == SubEventType.AIR_DRONE_STRIKE
    assert event.actor1 is not None and event.actor1.startswith(doer)


@pytest.mark.parametrize(
    "text",
    [
        "Two civilians were killed when a drone launched by Boko Haram struck a market in "
        "Maiduguri on Monday.",
        "A Boko Haram drone struck a market in Maiduguri on Monday, killing two civilians.",
    ],
)
def test_a_drone_named_with_its_owner(text: str) -> None:
    [event] = coded(text, "en")
    assert event.sub_event_type == SubEventType.AIR_DRONE_STRIKE
    assert event.actor1 is not None and "Boko Haram" in event.actor1
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Forces cracked down on a protest in the capital.", "en"),
        ("The crackdown on demonstrators left two dead.", "en"),
        ("La police a réprimé une manifestation dans la capitale.", "fr"),
    ],
)
def test_a_crackdown_on_a_protest_is_an_intervention(sentence: str, lang: str) -> None:
    from eventdesk.code.lexicon import load

    assert load(lang).cues["intervention"].search(sentence)
