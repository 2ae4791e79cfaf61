"""Everyday words that name a province with the unit's word after them ("the East region"),
Burkina Faso's regions in English, and a paragraph's province that does not hold the town of
a sentence opening with a day of its own (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.geo import Gazetteer
from tests.code.coding import events

pytestmark = pytest.mark.slow


def _provinces(text: str) -> list[tuple[str, str | None]]:
    return [
        (text[m.start : m.end], m.place.admin1_code)
        for m in Gazetteer.open().toponyms(text)
        if m.place.feature != "country"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cameroon: separatists burned a school in the East region.", [("East", "CM-ES")]),
        ("Cameroon: separatists burned a school in the North West region.",
         [("North West", "CM-NW")]),
        ("Burkina Faso: gunmen raided a market in the East region.", [("East", "BF-08")]),
        ("Burkina Faso: gunmen raided a market in the North region.", [("North", "BF-10")]),
        ("Burkina Faso: gunmen raided a market in the Centre-North region.",
         [("Centre-North", "BF-05")]),
        ("Burkina Faso: gunmen raided a market in the South-West region.",
         [("South-West", "BF-13")]),
    ],
)  # fmt: skip
def test_a_province_named_by_everyday_words_and_its_unit(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _provinces(text) == expected


def test_a_bodys_name_with_a_capital_unit_word_is_no_place() -> None:
    assert _provinces("The Popular Front of the Western Region claimed the attack.") == []


def test_a_sentence_with_its_own_day_is_not_held_to_the_province_before() -> None:
    found = events(
        "On Sunday, gunmen shot dead four herders in a hamlet of the East region of Burkina "
        "Faso, officials said. Two days earlier, a roadside bomb struck a bus near Djibo, "
        "wounding nine passengers.",
        "en",
    )
    assert sorted((e.admin1_code, e.event_date) for e in found) == [
        ("BF-08", "2024-03-03"),
        ("BF-12", "2024-03-01"),
    ]
