"""Country adjectives and French names added to countries.tsv resolve to their country."""

from __future__ import annotations

import pytest

from eventdesk.geo import Gazetteer

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("finlandaise", "FIN"), ("finlandais", "FIN"), ("Finlande", "FIN"),
        ("Belize", "BLZ"), ("Belizean", "BLZ"), ("Suisse", "CHE"),
        ("norvégiens", "NOR"), ("autrichienne", "AUT"), ("sahraouis", "ESH"),
        ("Sahara occidental", "ESH"), ("timoraise", "TLS"), ("Timor oriental", "TLS"),
        ("néo-zélandais", "NZL"), ("grecque", "GRC"), ("trinidadienne", "TTO"),
    ],
)  # fmt: skip
def test_added_adjectives_and_names_give_their_country(
    gaz: Gazetteer, text: str, iso3: str
) -> None:
    found = gaz.country(text)
    assert found is not None and found[0] == iso3, (text, found)


def test_acled_names_of_added_countries(gaz: Gazetteer) -> None:
    assert gaz.country("finlandaise") == ("FIN", "Finland")
    assert gaz.country("TLS") == ("TLS", "East Timor")
    assert gaz.country("Brunei") == ("BRN", "Brunei")
