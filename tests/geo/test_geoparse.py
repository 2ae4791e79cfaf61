"""`eventdesk geoparse`: given spans resolved exactly, or place names found; sentences written
for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.errors import FormatError
from eventdesk.geo import Gazetteer
from eventdesk.geo.geoparse import geoparse

pytestmark = pytest.mark.slow


def _spans(text: str, *words: str) -> list[dict[str, int]]:
    out = []
    for word in words:
        start = text.index(word)
        out.append({"start": start, "end": start + len(word)})
    return out


def test_given_spans_are_resolved_exactly_and_in_order(gaz: Gazetteer) -> None:
    text = "Turkish troops shelled Afrin, north of Aleppo, and a farm at Qwertzuiop."
    spans = _spans(text, "Aleppo", "Turkish", "Afrin", "Qwertzuiop")
    got = geoparse(gaz, {"id": "d1", "text": text, "toponyms": spans})["toponyms"]
    assert [(t["start"], t["end"]) for t in got] == [(s["start"], s["end"]) for s in spans]
    aleppo, turkish, afrin, unknown = got
    assert (aleppo["country_iso3"], aleppo["admin1_code"]) == ("SYR", "SY-HL")
    assert turkish["country_iso3"] == "TUR" and turkish["admin1_code"] is None
    assert afrin["admin1_code"] == "SY-HL"
    assert unknown["latitude"] is None and unknown["geonameid"] is None
    assert set(aleppo) == {"start", "end", "latitude", "longitude", "country_iso3",
                           "admin1_code", "geonameid"}  # fmt: skip


def test_a_country_is_answered_with_its_central_point(gaz: Gazetteer) -> None:
    text = "Prices rose across Russia."
    (russia,) = geoparse(gaz, {"id": "d", "text": text, "toponyms": _spans(text, "Russia")})[
        "toponyms"
    ]
    assert 50 < russia["latitude"] < 70 and 60 < russia["longitude"] < 120  # not Moscow


def test_a_state_abbreviation_places_the_town_before_it(gaz: Gazetteer) -> None:
    text = "PARIS, Ky. - A barn burned down on Sunday."
    got = geoparse(gaz, {"id": "d", "text": text, "toponyms": _spans(text, "PARIS", "Ky.")})
    paris, state = got["toponyms"]
    assert state["admin1_code"] == "US-KY"
    assert paris["admin1_code"] == "US-KY"


def test_without_spans_the_place_names_are_found(gaz: Gazetteer) -> None:
    text = "Gunmen attacked a checkpoint in Baqubah, in Diyala province, Iraq."
    got = geoparse(gaz, {"id": "d", "text": text})["toponyms"]
    assert [text[t["start"] : t["end"]] for t in got] == ["Baqubah", "Diyala", "Iraq"]
    assert {t["admin1_code"] for t in got[:2]} == {"IQ-DI"}


def test_population_baseline_ignores_context(gaz: Gazetteer) -> None:
    text = "Tripoli, in northern Lebanon, was calm."
    doc = {"id": "d", "text": text, "toponyms": _spans(text, "Tripoli", "Lebanon")}
    assert geoparse(gaz, doc)["toponyms"][0]["country_iso3"] == "LBN"
    assert geoparse(gaz, doc, "population")["toponyms"][0]["country_iso3"] == "LBY"


def test_a_span_outside_the_text_is_an_error(gaz: Gazetteer) -> None:
    with pytest.raises(FormatError):
        geoparse(gaz, {"id": "d", "text": "Baghdad", "toponyms": [{"start": 3, "end": 30}]})


@pytest.fixture
def installed(gazetteer_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands open the test gazetteer."""
    monkeypatch.setenv("EVENTDESK_GAZETTEER", str(gazetteer_path))


@pytest.mark.usefixtures("installed")
def test_geoparse_command(tmp_path: Path) -> None:
    text = "Rockets hit Kirkuk."
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "text": text, "toponyms": _spans(text, "Kirkuk")}) + "\n"
        + json.dumps({"id": "b", "text": "Clashes in Mosul."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["geoparse", "--docs-jsonl", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    a, b = (json.loads(line) for line in out.read_text().splitlines())
    assert a["id"] == "a" and a["toponyms"][0]["admin1_code"] == "IQ-KI"
    assert b["toponyms"][0]["admin1_code"] == "IQ-NI"
    docs.write_text(json.dumps({"id": "c", "text": "x", "toponyms": [{"start": 0}]}) + "\n")
    result = CliRunner().invoke(main, ["geoparse", "--docs-jsonl", str(docs)])
    assert result.exit_code == 1 and "start" in result.output


def _resolve(gaz: Gazetteer, text: str, *words: str) -> list[dict]:
    return geoparse(gaz, {"id": "d", "text": text, "toponyms": _spans(text, *words)})["toponyms"]


def test_a_country_name_that_is_a_province_of_the_country_in_context(gaz: Gazetteer) -> None:
    text = "Storms hit Atlanta, Georgia, the worst in the U.S. this year."
    atlanta, georgia, _ = _resolve(gaz, text, "Atlanta", "Georgia", "U.S.")
    assert (atlanta["admin1_code"], georgia["admin1_code"]) == ("US-GA", "US-GA")
    text = "Russian troops left Georgia."
    assert _resolve(gaz, text, "Georgia")[0]["country_iso3"] == "GEO"


def test_places_named_together_lie_together(gaz: Gazetteer) -> None:
    text = "A fire broke out in Edmonton overnight, and crews came from Enfield and Tottenham."
    edmonton, *_ = _resolve(gaz, text, "Edmonton", "Enfield", "Tottenham")
    assert edmonton["country_iso3"] == "GBR"


def test_a_province_is_named_by_its_main_name(gaz: Gazetteer) -> None:
    text = "Ranchers moved from Montana and Wyoming to Missouri."
    *_, missouri = _resolve(gaz, text, "Montana", "Wyoming", "Missouri")
    assert missouri["admin1_code"] == "US-MO"


def test_a_part_of_a_place_is_placed_at_it(gaz: Gazetteer) -> None:
    text = "Knife crime rose in North London and in the Salinas Valley."
    london, salinas = _resolve(gaz, text, "North London", "Salinas Valley")
    assert london["country_iso3"] == "GBR" and salinas["admin1_code"] == "US-CA"


def test_regions_and_seas_are_toponyms_but_no_event_places(gaz: Gazetteer) -> None:
    text = "Smugglers crossed the Mediterranean from the Horn of Africa."
    sea, horn = _resolve(gaz, text, "Mediterranean", "Horn of Africa")
    assert 30 < sea["latitude"] < 45 and 0 < horn["latitude"] < 15
    assert gaz.find_places(text) == []


def test_a_qualifier_drops_a_homonym_abroad(gaz: Gazetteer) -> None:
    found = gaz.find_places("Armed groups clashed overnight in Salah al-Din (Tripoli).")
    assert [m.place.country_iso3 for m in found] == ["LBY"]


def test_two_one_word_names_side_by_side_are_one_unknown_name(gaz: Gazetteer) -> None:
    found = gaz.find_places("Police seized cannabis in Salt Spring, near Montego Bay, Jamaica.")
    assert [m.text for m in found] == ["Montego Bay"]


def test_fuzzy_matching_is_a_last_resort_kept_in_the_text_s_country(gaz: Gazetteer) -> None:
    text = "Doctors protested in Tlalnepantala, in Mexico."
    town, _ = _resolve(gaz, text, "Tlalnepantala", "Mexico")
    assert town["admin1_code"] == "MX-MEX"
    text = "Storms flooded Springfeild, in Norway."
    town, _ = _resolve(gaz, text, "Springfeild", "Norway")
    assert town["latitude"] is None  # a Springfield abroad is no answer


@pytest.mark.usefixtures("installed")
def test_bench_geo_reports_size_and_speed(tmp_path: Path) -> None:
    text = "Rockets hit Kirkuk and Mosul."
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": text, "toponyms": _spans(text, "Kirkuk")}))
    result = CliRunner().invoke(main, ["bench", "geo", str(docs), "--repeat", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["given_toponyms"] == 1 and report["found_toponyms"] == 2
    assert report["gazetteer_mb"] > 0 and report["peak_rss_mb"] > 0


@pytest.mark.usefixtures("installed")
def test_bench_extract_counts_only_the_corpus_and_reports_the_loading_apart(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    lines = [
        {"id": "a", "text": "Gunmen killed three farmers in Kirkuk on 3 May 2024.",
         "published": "2024-05-04", "language": "en"},
        {"id": "b", "text": "The weather was mild all week.", "published": "2024-05-04"},
    ]  # fmt: skip
    docs.write_text("\n".join(json.dumps(line) for line in lines))
    result = CliRunner().invoke(main, ["bench", "extract", str(docs)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    # the warm-up's own documents are neither counted nor timed
    assert report["documents"] == 2 and report["events"] == 1 and report["docs_with_events"] == 1
    assert report["load_s"] > 0 and report["docs_per_cpu_s"] > 0


def test_warming_the_gazetteer_builds_its_lazy_indexes(gaz: Gazetteer) -> None:
    from eventdesk.geo.gazetteer import _SKELETONS

    _SKELETONS.pop(gaz._names, None)
    gaz._names._buckets = gaz._names._capitals = None
    gaz.warm()
    assert gaz._names in _SKELETONS
    assert gaz._names._buckets and gaz._names._capitals


def test_acled_style_district_and_province_in_brackets(gaz: Gazetteer) -> None:
    found = gaz.find_places("Gunmen attacked Gao (Gao, Gao) at night.")
    assert [m.place.feature for m in found] == ["city", "admin1", "admin1"]
    # a Niono we only know in another region is not the one in Youwarou cercle, Mopti
    found = gaz.find_places("Gunmen raided the village of Niono (Youwarou, Mopti).")
    assert {m.place.admin1_code for m in found} == {"ML-5"}
    found = gaz.find_places("Fighting in Erbil, Kirkuk and Mosul.")
    assert [m.place.admin1_code for m in found] == ["IQ-AR", "IQ-KI", "IQ-NI"]
    # a region's name before the town and province of another region names a locality there
    found = gaz.find_places("A crowd gathered in Boeny (Fianarantsoa, Haute Matsiatra).")
    assert {m.place.admin1_code for m in found} == {"MG-F"}
