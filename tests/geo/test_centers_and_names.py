"""Build-time choices, on hand-built rows: the point a country is answered with, and which
names of a place count as its main names."""

from __future__ import annotations

from eventdesk.geo.build import _name_rows
from eventdesk.geo.centers import set_country_centers
from eventdesk.geo.curated import country_centers
from eventdesk.geo.sources import Row


def test_a_country_is_answered_at_its_surveyed_centre_else_at_the_atlas_point() -> None:
    usa = Row(name="United States", country_iso2="US", feature="country", lat=38.9, lon=-77.0)
    france = Row(name="France", country_iso2="FR", feature="country", lat=48.86, lon=2.35)
    set_country_centers([usa, france], [])
    assert (usa.clat, usa.clon) == country_centers()["US"]  # Lebanon, Kansas
    assert abs(usa.clat - 39.8) < 0.1 and abs(usa.clon + 98.6) < 0.1
    assert (france.clat, france.clon) == (46.0, 2.0)  # the atlas point, not a landmass mean


def test_leading_words_of_a_place_s_name_are_a_main_name() -> None:
    city = Row(name="New York City", country_iso2="US", feature="city")
    city.names = [
        ("New York City", "", True), ("New York", "", False), ("Big Apple", "", False),
        ("York", "", False),
    ]  # fmt: skip
    main = {name: bool(flag) for name, _, _, _, flag in _name_rows([city])}
    assert main == {"New York City": True, "New York": True, "Big Apple": False, "York": False}
