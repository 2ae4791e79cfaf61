"""Build-time choices, on hand-built rows: the point a country is answered with, and which
names of a place count as its main names."""

from __future__ import annotations

from eventdesk.geo.build import _name_rows
from eventdesk.geo.centers import (
    midpoint,
    published_province_centers,
    set_country_centers,
    set_unit_centers,
)
from eventdesk.geo.curated import country_centers
from eventdesk.geo.sources import Row


def test_a_country_is_answered_at_its_surveyed_centre_else_at_the_atlas_point() -> None:
    usa = Row(name="United States", country_iso2="US", feature="country", lat=38.9, lon=-77.0)
    france = Row(name="France", country_iso2="FR", feature="country", lat=48.86, lon=2.35)
    set_country_centers([usa, france], [])
    assert (usa.clat, usa.clon) == country_centers()["US"]  # Lebanon, Kansas
    assert abs(usa.clat - 39.8) < 0.1 and abs(usa.clon + 98.6) < 0.1
    assert (france.clat, france.clon) == (46.0, 2.0)  # the atlas point, not a landmass mean


def test_a_province_is_answered_halfway_between_its_towns_and_its_published_point() -> None:
    # towns crowd the south of a northern province: their extent's middle is far south
    towns = [
        Row(name=n, country_iso2="CA", feature="city", lat=lat, lon=lon, admin1_code="CA-ON")
        for n, lat, lon in (("Southtown", 42.0, -82.0), ("Easttown", 45.0, -75.0),
                            ("Northpost", 51.0, -90.0))
    ]  # fmt: skip
    province = Row(name="Ontario", country_iso2="CA", feature="admin1", admin1_code="CA-ON")
    district = Row(name="Some District", country_iso2="CA", feature="admin2", admin1_code="CA-ON")
    district.admin2_key = "CA.08.X"
    published = {"CA-ON": (50.0, -86.0)}
    set_unit_centers([province, district], towns, {}, published)
    assert (province.clat, province.clon) == (48.25, -84.25)  # (46.5, -82.5) and (50, -86)
    set_unit_centers([province], towns, {}, {})
    assert (province.clat, province.clon) == (46.5, -82.5)  # no published point: the towns'
    lonely = Row(name="Empty", country_iso2="CA", feature="admin1", admin1_code="CA-NU")
    set_unit_centers([lonely], [], {}, {"CA-NU": (65.0, -92.0)})
    assert (lonely.clat, lonely.clon) == (65.0, -92.0)  # no towns: the published point


def test_midpoint_goes_the_short_way_round_the_antimeridian() -> None:
    assert midpoint((60.0, 178.0), (62.0, -172.0)) == (61.0, -177.0)
    assert midpoint((0.0, -10.0), (10.0, 30.0)) == (5.0, 10.0)


def test_published_province_points_are_read_by_iso_code() -> None:
    points = published_province_centers()
    assert len(points) > 3000
    lat, lon = points["CA-ON"]
    assert 45 < lat < 56 and -95 < lon < -75  # Ontario, by its ISO 3166-2 code


def test_leading_words_of_a_place_s_name_are_a_main_name() -> None:
    city = Row(name="New York City", country_iso2="US", feature="city")
    city.names = [
        ("New York City", "", True), ("New York", "", False), ("Big Apple", "", False),
        ("York", "", False),
    ]  # fmt: skip
    main = {name: bool(flag) for name, _, _, _, flag in _name_rows([city])}
    assert main == {"New York City": True, "New York": True, "Big Apple": False, "York": False}
