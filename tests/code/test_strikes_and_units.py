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


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the strikes a subject carries out are no target: the civilians they hit are
        (
            "On Monday, Russian jets launched airstrikes against Xqzville in Idlib, killing two"
            " women and a child.",
            "Military Forces of Russia",
            "Civilians (Syria)",
        ),
        (
            "On Monday, coalition jets launched air raids on a market in Saada city, injuring"
            " four civilians.",
            "Operation Restoring Hope",
            "Civilians (Yemen)",
        ),
        # the doer of another act told with the trigger's is no target either ...
        (
            "On Monday, the Syrian army shelled Xqz, east of Damascus, in conjunction with"
            " Russian air raids, killing two civilians.",
            "Military Forces of Syria",
            "Civilians (Syria)",
        ),
        # ... and an operation of the air and of the ground is the ground forces'
        (
            "On Monday, Syrian helicopters hit Xqz, north of Homs, with barrel bombs in"
            " conjunction with artillery fire from the Syrian army, killing three people.",
            "Military Forces of Syria",
            "Civilians (Syria)",
        ),
    ],
)
def test_strikes_and_the_acts_told_with_the_trigger_are_no_target(
    text: str, actor1: str, actor2: str
) -> None:
    (event,) = coded(text, "en")
    assert (event.actor1 or "").startswith(actor1), event.actor1
    assert "Air Force" not in (event.actor1 or "")
    assert event.actor2 == actor2


def test_the_doer_of_an_act_told_with_the_trigger_is_no_target_in_french() -> None:
    (event,) = coded(
        "Lundi, l'armée syrienne a bombardé la ville de Xqz, dans la province de Homs, en même"
        " temps que des frappes aériennes russes, tuant trois civils.",
        "fr",
    )
    assert (event.actor1 or "").startswith("Military Forces of Syria")
    assert event.actor2 == "Civilians (Syria)"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, warplanes, likely regime or Russian, struck Xqz village in Hama countryside,"
        " killing a shepherd.",
        "On Monday, warplanes, probably of the regime, struck Xqz village in Hama countryside,"
        " killing a shepherd.",
    ],
)
def test_a_guess_at_whose_the_doer_is_is_no_target(text: str) -> None:
    (event,) = coded(text, "en")
    assert event.actor2 == "Civilians (Syria)", event.actor2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the subject of another clause told beside the trigger's
        (
            "On Monday, Russian jets bombed Xqz in Hama while regime soldiers fired mortars at the"
            " town, causing damage.",
            "en",
        ),
        (
            "On Monday, regime artillery hit Xqz in Hama as Russian jets conducted strikes nearby.",
            "en",
        ),
        # who holds the place
        (
            "On Monday, mortar rounds landed in Xqz, a village north of Homs under regime control.",
            "en",
        ),
        ("On Monday, Turkish artillery shelled regime-held areas near Xqz in Aleppo.", "en"),
    ],
)
def test_another_clause_s_subject_and_who_holds_the_place_are_no_target(
    text: str, lang: str
) -> None:
    (event,) = coded(text, lang)
    assert event.actor2 is None, event.actor2


def test_an_air_strike_joined_to_another_from_the_air_stays_the_air_force_s() -> None:
    (event,) = coded(
        "On Monday, Syrian helicopters hit Xqz, north of Homs, with barrel bombs in"
        " conjunction with airstrikes by regime or Russian jets.",
        "en",
    )
    assert event.actor1 == "Military Forces of Syria (2000-) Syrian Arab Air Force"
