"""A country's name made of common words ("West Bank"), a people named in the plural
("Palestinians", "Israéliens"), and a place just across the border of a small country the
text names (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.geo import Gazetteer

pytestmark = pytest.mark.slow


def _places(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(p.text, p.place.country_iso3, p.place.feature) for p in gaz.find_places(text)]


def test_a_country_named_in_common_words_is_found(gaz: Gazetteer) -> None:
    assert _places(gaz, "Farmers protested in the West Bank on Friday.") == [
        ("West Bank", "PSE", "country")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Palestinians marched through Gaza on Friday.",  # the people, in the plural
        "Israeli drones struck Gaza on Friday.",  # a small country's neighbour
        "Les Israéliens ont bombardé Gaza vendredi.",
    ],
)
def test_gaza_beside_the_countries_the_text_names_is_not_in_mozambique(
    gaz: Gazetteer, text: str
) -> None:
    assert [iso for _, iso, _ in _places(gaz, text)] == ["PSE"]


def test_a_text_that_names_mozambique_keeps_its_gaza(gaz: Gazetteer) -> None:
    # "Gaza" with Mozambique named stays in Mozambique
    assert [iso for _, iso, _ in _places(gaz, "Mozambican troops deployed to Gaza.")] == ["MOZ"]
