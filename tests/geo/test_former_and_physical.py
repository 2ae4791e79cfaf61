"""Former first-level units and physical features (supplement.tsv): a former unit is answered at
its own central point and places an event in the province that holds that point today; a lake,
sea or island is context; the everyday words a qualified name contains stay no place."""

from __future__ import annotations

import math

from eventdesk.code import code_document
from eventdesk.geo import Gazetteer
from eventdesk.geo.geoparse import geoparse
from eventdesk.records import Document


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _answer(gaz: Gazetteer, text: str, names: list[str]) -> list[dict]:
    """Each name's answer; "Western|" stands for the word at the next occurrence after the
    previous name's."""
    spans, at = [], 0
    for name in names:
        bare = name.rstrip("|")
        start = text.index(bare, at if name.endswith("|") else 0)
        spans.append({"start": start, "end": start + len(bare)})
        at = start + len(bare)
    return geoparse(gaz, {"id": "t", "text": text, "toponyms": spans})["toponyms"]


def _near(found: dict, iso3: str, lat: float, lon: float) -> bool:
    return (
        found["country_iso3"] == iso3 and _km(found["latitude"], found["longitude"], lat, lon) < 50
    )


def test_a_former_unit_is_answered_at_its_own_central_point(gaz: Gazetteer) -> None:
    text = (
        "In 1998 the cooperative moved its dairies from Lorraine to Vestfold, and later opened "
        "a depot in Central Province, near Nyeri, Kenya."
    )
    names = ["Lorraine", "Vestfold", "Central Province", "Nyeri", "Kenya"]
    lorraine, vestfold, central, _, _ = _answer(gaz, text, names)
    assert _near(lorraine, "FRA", 48.9, 6.2)  # not the town of Lorraine, Quebec
    assert _near(vestfold, "NOR", 59.25, 10.1)
    assert _near(central, "KEN", -0.55, 36.95)  # not Zambia's nor Sri Lanka's


def test_an_event_in_a_former_unit_is_placed_in_today_s_province(gaz: Gazetteer) -> None:
    text = (
        "Police fired tear gas at protesters in Rift Valley Province, Kenya, on Monday, "
        "witnesses said."
    )
    doc = Document(
        id="d", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash="h",
        published="2009-03-03", language="en",
    )  # fmt: skip
    events = code_document(doc, gaz).events
    assert events and {e.admin1_code for e in events} == {"KE-01"}  # Baringo holds its centre


def test_a_lake_an_island_and_a_sea_are_context(gaz: Gazetteer) -> None:
    text = "Fishermen from Lake Victoria sold their catch on Mindanao and across the Baltic Sea."
    lake, island, sea = _answer(gaz, text, ["Lake Victoria", "Mindanao", "Baltic Sea"])
    assert _km(lake["latitude"], lake["longitude"], -1.0, 33.0) < 50
    assert _near(island, "PHL", 7.5, 125.0)
    assert _km(sea["latitude"], sea["longitude"], 58.0, 20.0) < 50
    # in running text the lake is no event's place, and "Victoria" is not Australia's
    assert all(p.place.admin1_code != "AU-VIC" for p in gaz.find_places(text))


def test_the_bare_words_of_a_qualified_name_are_no_place(gaz: Gazetteer) -> None:
    text = "Cattle raiders struck in Western Province, Kenya; Central and Western elders met."
    western_province, _, central, western = _answer(
        gaz, text, ["Western Province", "Kenya", "Central", "Western|"]
    )
    assert _near(western_province, "KEN", 0.5, 34.6)
    for bare in (central, western):  # Kenya's former provinces only under their full names
        assert bare["latitude"] is None or not (
            _near(bare, "KEN", -0.55, 36.95) or _near(bare, "KEN", 0.5, 34.6)
        )
    # running text: "Western Province" is a province's name made of everyday words;
    # "Central" and "Western" alone are no place
    assert [m.text for m in gaz.toponyms(text)] == ["Western Province", "Kenya"]


def test_a_split_unit_still_places_its_towns_and_its_name(gaz: Gazetteer) -> None:
    # Ethiopia's southern region, split in 2023 into regions ISO 3166-2 does not list yet: its
    # towns keep the province ISO lists, and its own name finds it
    text = "Youths clashed with police in Sodo, in the South Ethiopia Region, on Tuesday."
    found = {p.text: p.place for p in gaz.find_places(text)}
    assert found["Sodo"].admin1_code == "ET-SN"
    assert found["South Ethiopia Region"].admin1_code == "ET-SN"
    # a province split in two (the Philippines, 2022): news of earlier years name the whole
    text = "Soldiers and rebels clashed in a village of Maguindanao on Friday."
    assert _provinces(gaz, text) == [("PHL", "PH-14")]


def test_a_region_under_an_iso_province_is_found_in_that_province(gaz: Gazetteer) -> None:
    # Madagascar's regions are GeoNames' first level; ISO 3166-2 (and ACLED's admin1) has the
    # six former provinces that hold them: a region's name places an event in its province
    text = "Cattle thieves clashed with gendarmes in a village of Androy region on Sunday."
    assert _provinces(gaz, text) == [("MDG", "MG-U")]


def _provinces(gaz: Gazetteer, text: str) -> list[tuple[str, str | None]]:
    """(country, province) of each event the coder finds in `text` (published 8 June 2021)."""
    doc = Document(
        id="d", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash="d",
        published="2021-06-08", language="en",
    )  # fmt: skip
    return [(e.country_iso3, e.admin1_code) for e in code_document(doc, gaz).events]


def test_the_gaza_strip_is_a_region_of_its_own_not_palestine_s_point(gaz: Gazetteer) -> None:
    # Palestine's point lies in the West Bank, some 75 km from the Strip: an incident "in the
    # Gaza Strip" is placed in the Strip
    for text, language in (
        ("Unpaid teachers held a sit-in outside a school of the Gaza Strip on Tuesday.", "en"),
        ("Des enseignants impayés ont observé un sit-in mardi dans la bande de Gaza.", "fr"),
    ):
        doc = Document(
            id="d", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash="h",
            published="2019-02-14", language=language,
        )  # fmt: skip
        events = code_document(doc, gaz).events
        assert events, text
        for e in events:
            assert e.country_iso3 == "PSE"
            assert _km(e.latitude, e.longitude, 31.42, 34.36) < 25, (text, e.location)
    (strip,) = _answer(gaz, "Fishing boats left the Gaza Strip at dawn.", ["Gaza Strip"])
    assert _near(strip, "PSE", 31.42, 34.36)
