"""Build-time choices, on hand-built rows: the point a country is answered with, and which
names of a place count as its main names."""

from __future__ import annotations

import pytest

from eventdesk.geo.build import _name_rows
from eventdesk.geo.centers import (
    GeoNamesArea,
    _PlainUnpickler,
    geonames_points,
    midpoint,
    published_province_centers,
    set_country_centers,
    set_geonames_centers,
    set_named_area_centers,
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


def test_an_area_geonames_knows_is_answered_at_geonames_own_point() -> None:
    land = Row(name="Northland", country_iso2="CA", feature="country", geonameid=101)
    land.clat, land.clon = 60.0, -95.0  # the atlas point
    shire = Row(name="Hillshire", country_iso2="CA", feature="admin1", geonameid=102)
    shire.clat, shire.clon = 54.5, -114.9  # the middle of its towns
    town = Row(name="Hillshire", country_iso2="CA", feature="city", lat=53.5, lon=-113.5,
               geonameid=103)  # fmt: skip
    unknown = Row(name="Lakeland", country_iso2="CA", feature="admin2", geonameid=104)
    unknown.clat, unknown.clon = 49.0, -97.0
    points = {101: (60.1, -113.6), 102: (52.3, -117.5), 103: (0.0, 0.0)}
    assert set_geonames_centers([land, shire, town, unknown], points) == 2
    assert (land.clat, land.clon) == (60.1, -113.6)
    assert (shire.clat, shire.clon) == (52.3, -117.5)
    assert (town.clat, town.clon) == (None, None)  # a town keeps its own point
    assert (unknown.clat, unknown.clon) == (49.0, -97.0)  # not in the table: its estimate


def test_geonames_points_of_areas_are_read_from_the_shipped_table() -> None:
    points = geonames_points()
    assert len(points) > 10_000  # countries, provinces, districts, regions
    lat, lon = points[6251999]  # Canada: GeoNames' point, west of the atlases' 95 W
    assert abs(lat - 60.1) < 0.1 and abs(lon + 113.6) < 0.1
    assert 2643743 not in points  # London, a town: not an area


def test_the_data_table_reader_refuses_a_pickle_that_names_a_class() -> None:
    import io
    import pickle
    from collections import OrderedDict

    with pytest.raises(pickle.UnpicklingError):
        _PlainUnpickler(io.BytesIO(pickle.dumps(OrderedDict(a=1)))).load()
    assert _PlainUnpickler(io.BytesIO(pickle.dumps([["Canada", 1.5, 2]]))).load() == [
        ["Canada", 1.5, 2]
    ]


def test_a_curated_area_takes_the_point_of_the_one_geonames_area_of_its_name() -> None:
    areas = [
        GeoNamesArea("near north", "", 1, "region", (33.1, 35.9)),
        GeoNamesArea("lakeshore province", "KE", 2, "admin1", (-0.5, 34.5)),
        GeoNamesArea("twin coast", "", 3, "region", (10.0, 10.0)),
        GeoNamesArea("twin coast", "", 4, "region", (20.0, 20.0)),
        GeoNamesArea("lakeshore province", "UG", 5, "place", (1.0, 32.0)),
    ]
    region = Row(name="Near North", country_iso2="", feature="area", lat=27.0, lon=45.0)
    former = Row(name="Lakeshore Province", country_iso2="KE", feature="region", lat=-0.6,
                 lon=34.6)  # fmt: skip
    twin = Row(name="Twin Coast", country_iso2="", feature="area", lat=15.0, lon=15.0)
    elsewhere = Row(name="Lakeshore Province", country_iso2="TZ", feature="region", lat=-2.0,
                    lon=33.0)  # fmt: skip
    town = Row(name="Near North", country_iso2="", feature="city", lat=1.0, lon=1.0)
    assert set_named_area_centers([region, former, twin, elsewhere, town], areas) == 2
    assert (region.clat, region.clon) == (33.1, 35.9)
    assert (former.clat, former.clon) == (-0.5, 34.5)
    assert twin.clat is None  # two GeoNames areas of that name: the curated point stays
    assert elsewhere.clat is None and town.clat is None  # another country; a town
