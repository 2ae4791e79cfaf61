"""The built gazetteer: seed place names, provinces, sentences written for these tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.errors import ConfigError
from eventdesk.geo import Gazetteer, best_mention
from eventdesk.geo.fold import fold

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Nassiriya", "IQ-DQ"), ("Samawa", "IQ-MU"), ("Babylone", "IQ-BB"),
        ("Salaheddine", "IQ-SD"), ("al-Diwaniyah", "IQ-QA"), ("Dhi Qar", "IQ-DQ"),
        ("Mossoul", "IQ-NI"), ("Bagdad", "IQ-BG"), ("Kirkouk", "IQ-KI"), ("Ninive", "IQ-NI"),
        ("al-Anbar", "IQ-AN"), ("Diyala", "IQ-DI"), ("Erbil", "IQ-AR"), ("Bassora", "IQ-BA"),
    ],
)  # fmt: skip
def test_seed_places_resolve_to_their_province(gaz: Gazetteer, name: str, code: str) -> None:
    found = gaz.lookup(name, "IRQ")
    assert found, name
    assert found[0].admin1_code == code
    assert found[0].country == "Iraq"


def test_exonyms_and_bases(gaz: Gazetteer) -> None:
    assert gaz.lookup("Tombouctou")[0].country_iso3 == "MLI"
    assert gaz.lookup("Koweït")[0].feature == "country"
    assert gaz.lookup("Ain al-Asad", "IRQ")[0].feature == "base"
    assert gaz.lookup("Camp Taji", "IRQ")[0].admin1_code == "IQ-BG"
    assert gaz.lookup("Al-Tanf", "SYR")[0].admin1_code == "SY-HI"
    assert gaz.lookup("Camp Arifjan")[0].country_iso3 == "KWT"
    # Libya's air bases that airportsdata lacks or names only as airports
    assert [(p.feature, p.admin1_code) for p in gaz.lookup("Al-Watiya air base")] == [
        ("base", "LY-NQ")
    ]
    assert gaz.lookup("Jufra airbase", "LBY")[0].admin1_code == "LY-JU"
    assert gaz.lookup("Mitiga", "LBY")[0].feature == "airport"
    # Tripoli's districts that cities500 lacks
    assert [p.admin1_code for p in gaz.lookup("Abu Salim", "LBY")] == ["LY-TB"]
    assert [p.admin1_code for p in gaz.lookup("عين زارة", "LBY")] == ["LY-TB"]
    assert gaz.lookup("Nasiriyah", "MLI") == []
    # a garrison town cities500 lacks, curated as a town of its own
    assert [(p.admin1_code, p.feature) for p in gaz.lookup("Sévaré")] == [("ML-5", "city")]
    # the town beside Camp Taji; a curated town weighs as a seat of unknown size, not a village
    (taji,) = gaz.lookup("Taji", "IRQ")
    assert (taji.feature, taji.admin1_code) == ("city", "IQ-BG")
    names = gaz._names
    pid = next(p for p in names.ids(fold("Taji")) if names.col["country_iso3"][p] == "IRQ")
    assert names.col["seat"][pid] == 1
    found = gaz.find_places("Gunmen attacked a checkpoint near Taji, north of Baghdad.")
    assert found[0].place.country_iso3 == "IRQ"
    # a district a source names wrongly is renamed: no Baghdad quarter's name in Duhok
    assert [p.admin1_code for p in gaz.lookup("Adhamiyah", "IRQ")] == ["IQ-BG"]
    assert "IQ-DA" in {p.admin1_code for p in gaz.lookup("Al Amadiyah", "IRQ")}


def test_a_rename_line_replaces_a_wrong_main_name_and_its_spellings() -> None:
    from eventdesk.geo.build import _rename
    from eventdesk.geo.sources import Row

    row = Row(name="Wrongton", country_iso2="XX", feature="admin2")
    row.names = [("Wrongton", "", True), ("Wróngton", "", False), ("Rightville", "fr", True)]
    row.keys = [fold(n) for n, _, _ in row.names]
    _rename(row, "Right Town", "en")
    assert row.name == "Right Town"
    assert [n for n, _, _ in row.names] == ["Rightville", "Right Town"]
    assert row.keys == [fold("Rightville"), fold("Right Town")]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Irak", "IRQ"), ("irakienne", "IRQ"), ("Iraqi", "IRQ"), ("Mali", "MLI"),
        ("maliens", "MLI"), ("Nigeria", "NGA"), ("nigérian", "NGA"), ("Syrie", "SYR"),
        ("Yemen", "YEM"), ("Yémen", "YEM"), ("Democratic Republic of Congo", "COD"),
        ("Syrian Arab Republic", "SYR"), ("Côte d'Ivoire", "CIV"), ("العراق", "IRQ"),
    ],
)  # fmt: skip
def test_country_names_and_adjectives(gaz: Gazetteer, text: str, iso3: str) -> None:
    found = gaz.country(text)
    assert found is not None and found[0] == iso3


SENTENCES = [
    # (text, hint, [(surface, admin1 code, feature)])
    (
        "Trois roquettes sont tombées lundi près de la base d'Aïn al-Asad, dans la province "
        "d'Anbar, a indiqué l'armée irakienne.",
        None, [("Aïn al-Asad", "IQ-AN", "base"), ("Anbar", "IQ-AN", "admin1")],
    ),
    (
        "À Nassiriya, chef-lieu de la province de Dhi Qar, des manifestants ont incendié des pneus.",
        None, [("Nassiriya", "IQ-DQ", "city"), ("Dhi Qar", "IQ-DQ", "admin1")],
    ),
    (
        "Fighters of the Syrian Democratic Forces clashed with gunmen near Raqqa on Tuesday.",
        None, [("Raqqa", "SY-RA", "city")],
    ),
    (
        "Des jihadistes ont attaqué un poste de l'armée malienne près de Tombouctou.",
        None, [("Tombouctou", "ML-6", "city")],
    ),
    (
        "Gunmen abducted three traders in Geidam LGA, Yobe State, on their way to market.",
        None, [("Geidam", "NG-YO", "admin2"), ("Yobe State", "NG-YO", "admin1")],
    ),
    (
        "Des tirs de mortier ont visé Mossoul et Kirkouk dans la nuit.",
        "IRQ", [("Mossoul", "IQ-NI", "city"), ("Kirkouk", "IQ-KI", "city")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "hint", "expected"), SENTENCES)
def test_find_places_in_sentences(
    gaz: Gazetteer, text: str, hint: str | None, expected: list[tuple[str, str, str]]
) -> None:
    found = [
        (m.text, m.place.admin1_code, m.place.feature)
        for m in gaz.find_places(text, country_iso3=hint)
    ]
    assert found == expected
    for m in gaz.find_places(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Clashes broke out in Tripoli overnight.", "LBY"),
        ("Clashes broke out in Tripoli, in northern Lebanon.", "LBN"),
        ("Des affrontements ont opposé des milices à Tripoli, selon l'armée libanaise.", "LBN"),
    ],
)
def test_homonyms_follow_the_country_in_context(gaz: Gazetteer, text: str, iso3: str) -> None:
    best = best_mention(gaz.find_places(text))
    assert best is not None and best.place.country_iso3 == iso3


def test_a_province_in_brackets_qualifies_the_town(gaz: Gazetteer) -> None:
    found = gaz.find_places("Gunmen attacked a checkpoint in Al Qasim (Babil).")
    assert [(m.place.feature, m.place.admin1_code) for m in found] == [
        ("city", "IQ-BB"), ("admin1", "IQ-BB"),
    ]  # fmt: skip


def test_a_country_alone_is_a_country_mention(gaz: Gazetteer) -> None:
    (m,) = gaz.find_places("Protests continued across Iraq.")
    assert (m.place.feature, m.place.country_iso3, m.precision) == ("country", "IRQ", 3)


def test_the_build_maps_nearly_every_town_to_an_iso_province(gazetteer_path: Path) -> None:
    db = sqlite3.connect(gazetteer_path)
    total, coded = db.execute(
        "SELECT count(*), count(admin1_code_iso) FROM places WHERE feature = 'city'"
    ).fetchone()
    assert coded / total > 0.98
    assert db.execute("SELECT count(*) FROM names_fts WHERE names_fts MATCH 'nasiria'").fetchone()[
        0
    ]


def test_a_missing_gazetteer_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="eventdesk gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite")


def test_cli_lookup(gazetteer_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from eventdesk.cli.gazetteer import gazetteer

    result = CliRunner().invoke(
        gazetteer, ["lookup", "Babylone", "--country", "IRQ", "--path", str(gazetteer_path)]
    )
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["admin1_code"] == "IQ-BB"
    missing = CliRunner().invoke(gazetteer, ["lookup", "x", "--path", "/nonexistent/g.sqlite"])
    assert missing.exit_code == 1


def test_a_hyphenated_name_is_also_read_without_its_hyphen(gaz: Gazetteer) -> None:
    found = gaz.find_places("Protesters marched in Pyeong-taek on Sunday.")
    assert [(m.text, m.place.country_iso3) for m in found] == [("Pyeong-taek", "KOR")]


def test_a_hyphenated_name_begins_with_a_town_only_by_that_town_s_own_name(
    gaz: Gazetteer,
) -> None:
    # "Ceel" is only another name of Eyl: "Ceel-Jaale" is a place the gazetteer lacks
    assert gaz.find_places("Fighting was reported near Ceel-Jaale on Monday.") == []
    # a town and its quarter, or its numbered part, are the town
    found = gaz.find_places("Police fired tear gas in Kinshasa-Gombe and near Druzhkivka-2.")
    assert [m.place.admin1_code for m in found] == ["CD-KN", "UA-14"]


def test_towns_spelt_otherwise_are_found_by_their_consonants(gaz: Gazetteer) -> None:
    found = gaz.towns_like("Jisr Shoghour", "SYR")
    assert found and (found[0][0].name, found[0][0].admin1_code) == ("Jisr ash Shughur", "SY-ID")
    assert gaz.towns_like("Bennish", "SYR")[0][0].name == "Binnish"
    assert gaz.towns_like("Bennish", "IRQ") == []  # only in the country asked about
    assert gaz.towns_like("Bennish", "SYR", cutoff=0.9) == []  # a spelling too far


def test_a_place_s_possessive_is_the_place_but_a_country_s_is_not(gaz: Gazetteer) -> None:
    found = gaz.find_places("Shelling hit a village in Hama's northern countryside.")
    assert [(m.text, m.place.admin1_code) for m in found] == [("Hama", "SY-HM")]
    assert gaz.find_places("Protesters marked Bahrain's uprising.") == []
    assert gaz.find_places("Hamas's armed wing fired rockets.") == []  # not a place


def test_ee_and_oo_written_for_long_vowels_find_the_place(gaz: Gazetteer) -> None:
    found = gaz.find_places("Gunmen attacked a checkpoint near Tikreet on Monday.")
    assert [(p.text, p.place.country_iso3) for p in found] == [("Tikreet", "IRQ")]
    assert gaz.lookup("Falloojah", "IRQ")
    assert gaz.resolve_spans("Shells fell on Tikreet.", [(15, 22)])[0].place.country_iso3 == "IRQ"


def test_a_town_cities500_lists_with_no_population_is_a_seat(gaz: Gazetteer) -> None:
    # cities500 lists every seat of an administrative division, whatever its size: one of no
    # known size is there as a seat, and weighs as a town of some thousands, not as a village
    names = gaz._names
    zurmi = next(
        p for p in names.ids(fold("Zurmi"))
        if names.col["country_iso3"][p] == "NGA" and names.col["feature"][p] == "city"
    )  # fmt: skip
    assert names.col["population"][zurmi] == 0 and names.col["seat"][zurmi] == 1
    village = next(p for p, own in enumerate(names.col["own_point"]) if own == 0)
    assert names.col["seat"][village] == 0  # a register village
    assert names.prior(zurmi) > names.prior(village) + 1.0
