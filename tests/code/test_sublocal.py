"""Where the coder puts an incident when the text names a neighbourhood, the province by a pair
of places or by its press initials, or where people came from (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.records import Document


def _events(text: str) -> list[tuple[str | None, str | None]]:
    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer

    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    return [(e.country_iso3, e.admin1_code) for e in code_document(doc, Gazetteer.open()).events]


def test_a_neighbourhood_is_part_of_the_town_named_not_its_namesake_elsewhere() -> None:
    text = (
        "On 3 March 2024, in Sorocaba, Sao Paulo, police exchanged fire with drug "
        "traffickers in the Boa Vista neighborhood. One suspect was killed."
    )
    assert _events(text) == [("BRA", "BR-SP")]


def test_a_plural_covers_the_neighbourhoods_listed_before_it() -> None:
    text = (
        "On 3 March 2024, in the East Zone of Sao Paulo, Sao Paulo, shoot-outs took "
        "place in Itaquera, Guaianases and Sapopemba neighborhoods."
    )
    assert _events(text) == [("BRA", "BR-SP")]


def test_where_people_came_from_is_not_where_they_clashed() -> None:
    text = (
        "On 3 March 2024, seasonal labourers from Jharkhand clashed with police at a checkpoint "
        "in Nagpur (Nagpur, Maharashtra). Five were injured."
    )
    assert _events(text) and all(code == "IN-MH" for _, code in _events(text))


def test_every_place_of_a_list_after_from_is_where_people_came_from() -> None:
    text = (
        "On 3 March 2024, truck drivers from Odisha and Bihar scuffled with police at a toll "
        "plaza in Nashik city (Nashik, Maharashtra)."
    )
    assert _events(text) and all(code == "IN-MH" for _, code in _events(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On 3 March 2024, migrant workers travelling to Bihar threw stones at police at a toll "
         "plaza in Nashik city (Nashik, Maharashtra).", "IN-MH"),
        ("On 3 March 2024, in Arequipa, stranded travellers demanding buses to go back home to "
         "Cusco blocked a road.", "PE-ARE"),
        ("On 3 March 2024, in Arequipa, stranded travellers demanding buses to return to their "
         "homes in Cusco blocked a road.", "PE-ARE"),
    ],
)  # fmt: skip
def test_where_people_were_going_is_not_where_the_incident_was(text: str, code: str) -> None:
    assert [c for _, c in _events(text)] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the towns a road's stretch is named after are its ends
        ("On 3 March 2024, stranded workers from Bihar protested on the Surat-Dhule stretch of "
         "the highway in Nandurbar district (Maharashtra).", "IN-MH"),
        # a colonia's name that begins with other words than the town's
        ("On 3 March 2024, in Toluca, Mexico, gunmen shot a man in Colonia Geo San Luis Potosi.",
         "MX-MEX"),
    ],
)  # fmt: skip
def test_a_road_s_ends_and_a_colonia_are_not_the_place(text: str, code: str) -> None:
    assert [c for _, c in _events(text)] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On 4 March 2024, a mob pelted stones at police in Sikandra (UP) over lockdown rules.",
         "IN-UP"),
        ("On 4 March 2024, a crowd threw stones at police in Razmak town (NW, KPK).", "PK-KP"),
        # two capitalised words after "in": a place's name, not a person's
        ("On 4 March 2024, villagers staged a protest in Kharka Dhar (HP) demanding a road.",
         "IN-HP"),
        ("On 4 March 2024, Indian and Pakistani forces exchanged fire in Pargwal sector "
         "(Akhnoor tehsil, J&K).", "IN-JK"),
    ],
)  # fmt: skip
def test_press_initials_name_the_province_a_place_is_in(text: str, code: str) -> None:
    assert [c for _, c in _events(text)] == [code]


def test_initials_after_a_persons_name_are_no_province() -> None:
    assert _events("On 4 March 2024, Rahul Verma (MP) led a protest of farmers in Delhi.") == [
        ("IND", "IN-DL")
    ]


def _mentions(text: str):  # type: ignore[no-untyped-def]
    from eventdesk.geo import Gazetteer

    return Gazetteer.open().find_places(text)


def test_names_introduced_as_neighbourhoods_leave_the_places_of_their_line() -> None:
    from eventdesk.code.sublocal import neighbourhoods

    text = "In Campinas, police raided Colonia Santa Rosa and the Vila Nova neighborhood."
    kept = [p.text for p in neighbourhoods(text, _mentions(text))]
    assert kept == ["Campinas"]
    alone = "Police raided the Vila Nova neighborhood."
    assert [p.text for p in neighbourhoods(alone, _mentions(alone))] == [
        p.text for p in _mentions(alone)
    ]


def test_two_places_of_one_province_side_by_side_name_it() -> None:
    from eventdesk.code.sublocal import paired_provinces

    text = "In Sorocaba, Sao Paulo, shots were fired."
    assert set().union(*paired_provinces(text, _mentions(text)).values()) == {"BR-SP"}
    apart = "Sorocaba is far from Manaus."
    assert paired_provinces(apart, _mentions(apart)) == {}


def test_a_place_and_the_unit_it_lies_in_name_one_place() -> None:
    from eventdesk.code.qualifiers import paired

    text = "Drivers protested in Villarrica (Guaira) on Monday."
    fixed, sure = paired(_gazetteer(), text, _mentions(text))
    assert [(p.text, p.place.country_iso3) for p in sure] == [("Villarrica", "PRY")]
    worded = "Drivers protested in Villarrica city, Guaira department, on Monday."
    assert [p.place.country_iso3 for p in paired(_gazetteer(), worded, _mentions(worded))[1]] == [
        "PRY"
    ]
    both = "Residents protested in La Paz (La Paz) on Monday."  # Bolivia's and Honduras's
    assert paired(_gazetteer(), both, _mentions(both))[1] == []


def _gazetteer():  # type: ignore[no-untyped-def]
    from eventdesk.geo import Gazetteer

    return Gazetteer.open()


def test_a_building_named_after_a_place_is_in_the_town_named() -> None:
    from eventdesk.code.sublocal import neighbourhoods

    text = "Shells hit a school in Aleppo, a doctor at al-Razi hospital said."
    found = _mentions(text)
    assert "al-Razi" in [p.text for p in found]
    assert [p.text for p in neighbourhoods(text, found)] == ["Aleppo"]


def test_a_village_near_a_town_is_not_its_namesake_far_away() -> None:
    # "Uga" is a town of Anambra, far from Jos: here a village the gazetteer lacks, near Jos;
    # every mention of the name goes
    text = (
        "On 3 March 2024, gunmen abducted the head of Uga community from his home in Uga, "
        "near Jos (Plateau)."
    )
    assert _events(text) == [("NGA", "NG-PL")]
