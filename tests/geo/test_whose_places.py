"""A place's name beside words that are not part of it: a possessive before it ("Mali's Gao
region") or on it ("Tabriz's bazaar merchants"), a compound saying who holds it
("LNA-controlled Sirte"), the body whose name it begins ("the Tabriz Tractor Company"),
and "in front of", which is where, not a front's name (sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.code import code_document
from eventdesk.geo import Gazetteer
from eventdesk.records import Document

pytestmark = pytest.mark.slow


def _names(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(p.text, p.place.country_iso3) for p in gaz.find_places(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Shells fell on villages of Mali's Gao region on Monday.", ("Gao", "MLI")),
        ("Gunmen ambushed a patrol in LNA-controlled Sirte.", ("Sirte", "LBY")),
        ("Jets struck a market in HTS-held Taftanaz on Sunday.", ("Taftanaz", "SYR")),
        ("Workers of the Tabriz Tractor Company stopped work.", ("Tabriz", "IRN")),
        ("Nurses of Kerman Municipality marched on Monday.", ("Kerman", "IRN")),
        # the words of a body's name after the place are none ("Steel" is a village somewhere)
        ("Workers of Isfahan Steel Company stopped work.", ("Isfahan", "IRN")),
        ("Workers of Tabriz Railways stopped work.", ("Tabriz", "IRN")),
        ("Students of Shiraz Medical Faculty marched.", ("Shiraz", "IRN")),
        # "a" and "de sub" inside Italian, Spanish and Romanian names
        ("Dockers marched in San Giorgio a Cremano on Monday.", ("San Giorgio a Cremano", "ITA")),
        ("Farmers protested in Baita de sub Codru on Monday.", ("Baita de sub Codru", "ROU")),
        # works named after the town they serve
        ("Explosions were heard near Horlivka Pumping Station.", ("Horlivka", "UKR")),
        ("Shells fell near the Mosul Dam on Monday.", ("Mosul", "IRQ")),
        ("Merchants of Tabriz's Grand Bazaar closed their shops.", ("Tabriz", "IRN")),
        ("Farmers marched in Tabriz's Marand county.", ("Marand", "IRN")),
        ("Rebels shelled Al Bab on Monday.", ("Al Bab", "SYR")),
        ("Dockers struck in Bandar e Abbas on Monday.", ("Bandar e Abbas", "IRN")),
        # a province's name made of everyday words
        ("Police raided Qatif in the Eastern Province on Monday.", ("Eastern Province", "SAU")),
        # "as", "at", "an" are Arabic articles only before their own letter: here English words
        ("Troops shelled the outskirts of Hama as Turkish jets circled.", ("Hama", "SYR")),
        ("Gunmen fired on Idlib at Dawn prayers.", ("Idlib", "SYR")),
        ("Rebels shelled as Safira on Monday.", ("as Safira", "SYR")),  # before its letter
        ("Shells hit an Nasiriyah on Monday.", ("an Nasiriyah", "IRQ")),
    ],
)
def test_a_place_beside_words_that_are_not_its_name_is_found(
    gaz: Gazetteer, text: str, place: tuple[str, str]
) -> None:
    names = _names(gaz, text)
    assert place in names and {iso for _, iso in names} == {place[1]}


@pytest.mark.parametrize(
    "text",
    [
        "The Jerusalem Post reported the story on Monday.",  # a newspaper
        "According to the Libya Herald, talks went on.",
        "Tabriz Zamani spoke to reporters on Monday.",  # a person's name
        "Fighters of Jaysh Al Sham clashed with rebels.",  # an article and a word, in a name
        "Fighters of the Tabriz Brigade clashed with rebels.",  # an armed group's name
        "The Kerman Islamic Party held a rally on Monday.",  # a party's
        "The Free Army fighters withdrew on Monday.",  # "Free" is only Free State's short form
        "The State Department spoke on Monday.",  # an article and a unit's word
        "Fighters of the Central Division withdrew.",  # a unit of an army
        "The monitors heard shots near Mine 4/2 on Monday.",  # a works' own name and number
        # a word, an article and a word: one name the gazetteer does not know, not two
        "Shells fell on farms in Bir al Hamra on Monday.",
        "Shells fell on farms in Qasr as Sahil on Monday.",
        # a name and one word after it: one name the gazetteer does not know
        "Residents protested in the Villa Nueva Salta quarter on Monday.",
        "Shells fell near Station No. 3 on Monday.",
    ],
)
def test_a_newspaper_or_a_person_named_after_a_place_is_no_place(gaz: Gazetteer, text: str) -> None:
    assert _names(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Des combats ont opposé l'armée aux rebelles à Gao et Tombouctou lundi.",
         [("Gao", "MLI"), ("Tombouctou", "MLI")]),
        ("Des roquettes sont tombées sur Kidal et Tessalit.", [("Kidal", "MLI"), ("Tessalit", "MLI")]),
    ],
)  # fmt: skip
def test_french_et_joins_two_places_it_is_no_article(
    gaz: Gazetteer, text: str, places: list[tuple[str, str]]
) -> None:
    assert _names(gaz, text) == places


def test_in_front_of_a_town_s_building_is_in_the_town() -> None:
    text = "On 4 March 2024, teachers gathered in front of Kerman's governorate to protest."
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    coded = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6))
    assert [(e.location, e.country_iso3) for e in coded.events] == [("Kerman", "IRN")]


def test_a_country_that_leads_or_backs_is_who_not_where(gaz: Gazetteer) -> None:
    assert _names(gaz, "Jets of the Saudi-led coalition struck a farm.") == []
    assert _names(gaz, "Iran-backed fighters shelled a farm.") == []


def test_a_district_known_only_as_a_town_abroad_leaves_the_province_to_hold_the_town(
    gaz: Gazetteer,
) -> None:
    # "Meme" is a department of Cameroon the gazetteer knows only as villages elsewhere; the
    # province after it still says which Kumba this is
    names = _names(gaz, "Traders protested in Kumba city (Meme, Sud-Ouest) on Monday.")
    assert ("Kumba", "CMR") in names


def test_a_province_name_two_countries_share_leaves_the_country_to_the_actors() -> None:
    # both Yemen and Saudi Arabia have an Al Jawf province; the Houthis fight in Yemen's
    text = (
        "On 4 March 2024, Saudi-led coalition jets struck Houthi fighters in Al Jawf governorate."
    )
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    coded = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6))
    assert [(e.location, e.country_iso3) for e in coded.events] == [("Al Jawf", "YEM")]
    # named twice, with one actor of Yemen's: the name still votes as much for either country
    text = "In Jawf, Houthi fighters ambushed a patrol in the desert of Jawf on 4 March 2024."
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    coded = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6))
    assert {(e.location, e.country_iso3) for e in coded.events} == {("Al Jawf", "YEM")}


def test_a_common_word_geonames_gives_a_small_town_as_another_name_is_no_place(
    gaz: Gazetteer,
) -> None:
    # "Farms" is only another name of a small town in Connecticut (stop_alternates_en.txt)
    assert _names(gaz, "Shells hit Farms near Marib on Monday.") == [("Marib", "YEM")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Industry and trade officials met in Amman.", [("Amman", "JOR")]),  # a village's name
        # an everyday word is still a word of a longer name: no "Lakshmi" on its own
        ("Workers blocked the Lakshmi Rice Mill gates in Kolkata.", [("Kolkata", "IND")]),
    ],
)
def test_everyday_words_that_name_small_places(
    gaz: Gazetteer, text: str, names: list[tuple[str, str]]
) -> None:
    assert _names(gaz, text) == names


def test_a_city_is_written_by_its_own_name_before_a_bigger_citys_other_name(
    gaz: Gazetteer,
) -> None:
    # "Sari" is also another name of Surrey, British Columbia, a bigger city
    assert _names(gaz, "Teachers rallied in Sari on Monday.") == [("Sari", "IRN")]


def test_a_capital_goes_before_the_province_named_after_it_around_it(gaz: Gazetteer) -> None:
    # Minsk is its own first-level unit, inside Minsk oblast, which is named after it
    found = gaz.find_places("Students marched in Minsk on Monday.")
    assert [(p.place.feature, p.place.admin1_code) for p in found] == [("city", "BY-HM")]


def test_an_island_spelt_as_its_country_spells_it(gaz: Gazetteer) -> None:
    found = gaz.find_places("Asylum seekers protested in a camp on Lesvos on Monday.")
    assert [(p.text, p.place.country_iso3) for p in found] == [("Lesvos", "GRC")]


def test_a_word_opening_with_an_ayn_s_mark_belongs_to_the_name_before(gaz: Gazetteer) -> None:
    # "Tal 'Xqzah": one name the gazetteer lacks, no "Tal" (a town of Rif Dimashq) beside it
    text = "Masked men raided a farm in Tal 'Xqzah village west of Aleppo."
    assert _names(gaz, text) == [("Aleppo", "SYR")]
    assert _names(gaz, "Shells hit Ma'arrat al-Nu'man.") == [("Ma'arrat al-Nu'man", "SYR")]


def test_a_word_that_folds_to_a_stop_word_only_by_losing_a_letter_is_a_name_s(
    gaz: Gazetteer,
) -> None:
    # "Maar" folds to "mar" (the month's abbreviation, a stop word), but it is the first word of
    # a name the gazetteer lacks: no "Tabriz" beside it
    assert _names(gaz, "Jets bombed the village of Maar Tabriz.") == []
    assert _names(gaz, "On Mar 11 jets bombed Tabriz.") == [("Tabriz", "IRN")]


def test_the_metro_is_no_town(gaz: Gazetteer) -> None:
    # "the Metro" is a city's underground, not Metro in Lampung; "Metro Manila" is Manila's
    assert _names(gaz, "In Lima, workers of the Metro protested on Monday.") == [("Lima", "PER")]
    assert _names(gaz, "Police clashed with protesters in Metro Manila on Monday.") == [
        ("Manila", "PHL")
    ]
