"""Ukraine's register of settlements (geo/register.py): the national transliteration, villages
the towns lack placed at their hromada's known town, and the weight of a town of unknown size."""

from __future__ import annotations

import math

import pytest

from eventdesk.geo import Gazetteer
from eventdesk.geo.register import settlements, transliterate
from eventdesk.geo.sources import Row
from eventdesk.geo.store import UNKNOWN_SIZE

# The examples of the transliteration standard itself (resolution No. 55 of 2010).
OFFICIAL = [
    ("Алушта", "Alushta"), ("Борщагівка", "Borshchahivka"), ("Вишгород", "Vyshhorod"),
    ("Гадяч", "Hadiach"), ("Згорани", "Zghorany"), ("Ґалаґан", "Galagan"), ("Рівне", "Rivne"),
    ("Єнакієве", "Yenakiieve"), ("Наєнко", "Naienko"), ("Житомир", "Zhytomyr"),
    ("Закарпаття", "Zakarpattia"), ("Іршава", "Irshava"), ("Їжакевич", "Yizhakevych"),
    ("Кадиївка", "Kadyivka"), ("Йосипівка", "Yosypivka"), ("Стрий", "Stryi"),
    ("Олексій", "Oleksii"), ("Миколаїв", "Mykolaiv"), ("Біла Церква", "Bila Tserkva"),
    ("Гоща", "Hoshcha"), ("Русь", "Rus"), ("Крюківка", "Kriukivka"), ("Яготин", "Yahotyn"),
    ("Ічня", "Ichnia"), ("Знам'янка", "Znamianka"), ("Івано-Франківськ", "Ivano-Frankivsk"),
]  # fmt: skip


@pytest.mark.parametrize(("cyrillic", "latin"), OFFICIAL)
def test_the_national_transliteration(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_the_news_variant_writes_ya_yu_ye_yi_inside_words() -> None:
    assert transliterate("Кам'янка", variant=True) == "Kamyanka"
    assert transliterate("Троїцьке", variant=True) == "Troyitske"
    assert transliterate("Щастя", variant=True) == "Shchastya"
    assert transliterate("Яблунівка", variant=True) == "Yablunivka"  # a word's start as ever


def test_the_news_variant_writes_yo_for_a_soft_sign_before_o() -> None:
    assert transliterate("Верхньосадове") == "Verkhnosadove"
    assert transliterate("Верхньосадове", variant=True) == "Verkhnyosadove"
    assert transliterate("Мальовниче", variant=True) == "Malyovnyche"


def test_a_known_town_gets_the_register_s_news_variant_as_a_name() -> None:
    town = _town("Nyzhnosadove", "UA-18", 3000, 50.1, 28.1)
    register = [("UA18000000000000001", "UA18010000000000001", "UA18010010000000001",
                 "Нижньосадове")]  # fmt: skip
    assert settlements([town], [], register) == []  # known: no new row
    assert [n for n, _, _ in town.names] == ["Nyzhnosadove", "Nyzhnyosadove"]


def _town(name: str, admin1: str, pop: int, lat: float, lon: float) -> Row:
    row = Row(name=name, country_iso2="UA", feature="city", lat=lat, lon=lon, population=pop)
    row.admin1_code, row.names = admin1, [(name, "en", True)]
    return row


def test_villages_the_towns_lack_are_added_at_their_hromadas_known_town() -> None:
    towns = [
        _town("Sosnivka", "UA-18", 3000, 50.1, 28.1),
        _town("Dubrova", "UA-18", 900, 50.2, 28.2),
        _town("Lypky", "UA-56", 700, 51.0, 26.0),
    ]
    oblast = _town("Zhytomyr Oblast", "UA-18", 1_000_000, 50.25, 28.66)
    oblast.feature = "admin1"
    register = [
        ("UA18000000000000001", "UA18010000000000001", "UA18010010000000001", "Соснівка"),
        ("UA18000000000000001", "UA18010000000000001", "UA18010010000000001", "Дуброва"),
        ("UA18000000000000001", "UA18010000000000001", "UA18010010000000001", "Тихе"),
        # another hromada of the raion, with no known town: the raion's biggest
        ("UA18000000000000001", "UA18010000000000001", "UA18010020000000001", "Вербівка"),
        # a raion with no known town: the oblast's point
        ("UA18000000000000001", "UA18020000000000001", "UA18020010000000001", "Глинне"),
        ("UA99000000000000001", "UA99010000000000001", "UA99010010000000001", "Ніде"),
    ]
    added = {row.name: row for row in settlements(towns, [oblast], register)}
    assert set(added) == {"Tykhe", "Verbivka", "Hlynne"}  # Sosnivka, Dubrova known; UA-99 none
    assert (added["Tykhe"].lat, added["Tykhe"].lon, added["Tykhe"].admin1_code) == (
        50.1, 28.1, "UA-18"
    )  # fmt: skip
    assert (added["Verbivka"].lat, added["Verbivka"].lon) == (50.1, 28.1)
    assert (added["Hlynne"].lat, added["Hlynne"].lon) == (50.25, 28.66)
    assert added["Tykhe"].population == 0  # no source says how big
    assert not any(row.own_point for row in added.values())  # each point is borrowed


def test_a_town_of_unknown_size_weighs_as_a_small_village(gaz: Gazetteer) -> None:
    names = gaz._names
    col = names.col
    pid = next(
        p for p in range(1, len(col["population"]))
        if col["feature"][p] == "city" and col["population"][p] == 0 and not col["seat"][p]
    )  # fmt: skip
    assert names.prior(pid) == pytest.approx(math.log10(UNKNOWN_SIZE + 10))
    assert math.log10(10 + 10) < names.prior(pid) < math.log10(500 + 10)


def test_the_installed_gazetteer_knows_villages_cities500_lacks(gaz: Gazetteer) -> None:
    found = gaz.lookup("Velyka Kuplia")
    assert found and (found[0].country_iso3, found[0].admin1_code) == ("UKR", "UA-56")
    found = gaz.lookup("Velyki Derevychi")
    assert found and (found[0].country_iso3, found[0].admin1_code) == ("UKR", "UA-18")


def test_an_event_at_a_register_village_is_near_the_point_given(gaz: Gazetteer) -> None:
    from eventdesk.code import code_document
    from eventdesk.records import Document

    found = gaz.lookup("Velyka Kuplia")
    assert found and not found[0].own_point
    assert gaz.lookup("Rivne")[0].own_point  # a town of cities500 has its own
    text = "On 3 June 2020, unknown men set fire to a farm building in Velyka Kuplia, Rivne oblast."
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2020-06-05", language="en")  # fmt: skip
    events = code_document(doc, gaz).events
    assert events and events[0].location == "Velyka Kuplia"
    assert events[0].geo_precision == 2  # near the hromada's town, not the village's own point
