"""Who later found the means of an attack did not use them; police who find and defuse a bomb
disrupted its use (sentences written for the tests)."""

from __future__ import annotations

import pytest

from tests.code.coding import events

pytestmark = pytest.mark.slow


def test_who_found_the_launcher_later_is_not_who_fired() -> None:
    (event,) = events(
        "Two rockets hit Balad air base in Salahuddin province, Iraq, late on Monday, causing "
        "no damage, the army said.\nA police officer said the rockets were fired from a lorry "
        "parked near Dujail. Security forces later found the burnt-out lorry with one unused "
        "rocket still inside.",
        "en",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == "Unidentified Armed Group (Iraq)"


def test_police_who_find_and_defuse_a_bomb_disrupt_its_use() -> None:
    (event,) = events(
        "On Monday, police found and defused two roadside bombs on a road near Kirkuk, Iraq.",
        "en",
    )
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of Iraq")
