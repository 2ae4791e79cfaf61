"""ACLED's actor conventions the coder applies: violence by a crowd of unarmed people is mob
violence by rioters; unnamed drive-by shooters in the Americas are a gang (sentences written for
the tests)."""

from __future__ import annotations

import pytest

from eventdesk.records import Document


def _events(text: str, published: str = "2024-03-05", language: str = "en"):  # type: ignore[no-untyped-def]
    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer

    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published=published, language=language)  # fmt: skip
    return code_document(doc, Gazetteer.open()).events


def test_a_crowd_beating_a_man_to_death_is_mob_violence_by_rioters() -> None:
    events = _events(
        "On 3 March 2024, a group of villagers beat a man accused of stealing a goat to death "
        "in Mbarara town (Mbarara district). 1 fatality."
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Mob violence", "Rioters (Uganda)")]


def test_a_crowd_that_demonstrates_or_shoots_is_not_a_mob() -> None:
    demo = _events(
        "On 3 March 2024, residents protested in Mbarara town (Mbarara district) and attacked "
        "the offices of the town clerk."
    )
    assert all(e.sub_event_type != "Mob violence" for e in demo)
    armed = _events(
        "On 3 March 2024, a group of residents shot and killed a herdsman in Mbarara town."
    )
    assert all(e.sub_event_type != "Mob violence" for e in armed)


def test_unnamed_drive_by_shooters_in_the_americas_are_a_gang() -> None:
    events = _events(
        "On 3 March 2024, in Cajeme, Sonora, gunmen on a motorbike killed a taxi driver in a "
        "drive-by shooting."
    )
    assert [e.actor1 for e in events] == ["Unidentified Gang (Mexico)"]
    elsewhere = _events(
        "On 3 March 2024, unidentified gunmen carried out a drive-by shooting that killed a "
        "man in Aden, Yemen."
    )
    assert [e.actor1 for e in elsewhere] == ["Unidentified Armed Group (Yemen)"]


def test_a_trigger_that_names_its_doer_makes_it_the_initiator() -> None:
    events = _events(
        "On 3 March 2018, warplanes carried out strikes on a village near Idlib, killing two "
        "civilians.",
        "2018-03-05",
    )
    assert events and events[0].actor1 == "Allied Syrian and/or Russian Forces"


def test_strikes_in_the_course_of_a_clash_are_the_battle() -> None:
    events = _events(
        "On 3 March 2018, the army clashed with rebels in Saraqib in Idlib, in which the clashes "
        "were accompanied by air strikes on the town.",
        "2018-03-05",
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    alone = _events(
        "On 3 March 2018, warplanes carried out air strikes on Saraqib in Idlib.", "2018-03-05"
    )
    assert [e.sub_event_type for e in alone] == ["Air/drone strike"]


def test_rural_damascus_is_the_province_of_rif_dimashq() -> None:
    events = _events(
        "On 3 March 2018, the army shelled a village in Rural Damascus, killing 2 civilians.",
        "2018-03-05",
    )
    assert [(e.country_iso3, e.admin1_code) for e in events] == [("SYR", "SY-RD")]


def test_the_word_before_the_means_names_the_doer() -> None:
    events = _events(
        "On 3 March 2018, coalition drones hit a motorbike carrying two fighters outside "
        "Busayrah, in eastern Syria.",
        "2018-03-05",
    )
    assert [e.actor1 for e in events] == ["Global Coalition Against Daesh"]


def test_a_group_of_local_people_is_a_crowd() -> None:
    events = _events(
        "On 3 March 2024, a group of local people lynched a man accused of stealing a motorcycle "
        "in Mbarara town (Mbarara district)."
    )
    assert [e.sub_event_type for e in events] == ["Mob violence"]


def test_a_crowd_named_as_the_agent_of_a_passive_deed_is_a_mob(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import re

    from eventdesk.code import events as events_module

    text = (
        "On 3 March 2024, the car of a trader was set alight by community members in Lira "
        "town (Lira district)."
    )
    assert [e.sub_event_type for e in _events(text)] == ["Mob violence"]
    monkeypatch.setattr(events_module, "_AGENT", re.compile(r"(?!)"))
    assert [e.sub_event_type for e in _events(text)] != ["Mob violence"]


def test_unnamed_killers_in_brazil_are_a_gang_or_a_police_militia() -> None:
    events = _events(
        "On 3 March 2024, in Caruaru, Pernambuco, the body of a man was found with gunshot "
        "wounds. 1 fatality."
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Attack", "Unidentified Gang and/or Police Militia")
    ]
    armed = _events("On 3 March 2024, in Caruaru, Pernambuco, armed men shot dead a man.")
    assert [e.actor1 for e in armed] == ["Unidentified Armed Group (Brazil)"]
    drive_by = _events(
        "On 3 March 2024, in Caruaru, Pernambuco, a man was injured in a drive-by shooting."
    )
    assert [e.actor1 for e in drive_by] == ["Unidentified Gang and/or Police Militia"]


def test_killing_a_man_the_report_ties_to_crime_is_a_clash_between_armed_groups() -> None:
    text = (
        "On 3 March 2024, in Caruaru, Pernambuco, a man was shot dead by two armed men. The "
        "victim had a criminal record for robbery."
    )
    assert [(e.sub_event_type, e.actor2) for e in _events(text)] == [
        ("Armed clash", "Unidentified Gang (Brazil)")
    ]
    plain = _events(text.removesuffix(" The victim had a criminal record for robbery."))
    assert [e.sub_event_type for e in plain] == ["Attack"]


def test_unnamed_attackers_of_a_shelling_a_bomb_or_a_clash_are_an_unidentified_armed_group() -> (
    None
):
    shells = _events("On 3 March 2024, several shells fell on Kafr Zita in Hama. No injuries.")
    assert [e.actor1 for e in shells] == ["Unidentified Armed Group (Syria)"]
    bomb = _events("On 3 March 2024, a roadside bomb exploded near a market in Kirkuk city.")
    assert [e.actor1 for e in bomb] == ["Unidentified Armed Group (Iraq)"]
    clash = _events("On 3 March 2024, clashes broke out in Marib city. No casualties reported.")
    assert [e.actor1 for e in clash] == ["Unidentified Armed Group (Yemen)"]
    # a named initiator stays; a development with no named doer keeps none
    named = _events("On 3 March 2024, Houthi forces shelled Marib city. No casualties reported.")
    assert [e.actor1 for e in named] == [
        "Military Forces of Yemen (2016-) Supreme Political Council"
    ]


def test_a_demonstrations_initiators_are_its_protesters_even_when_police_come_first() -> None:
    events = _events("On 3 March 2024, police stopped a protest march of 60 pensioners in Kazan.")
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [
        ("Protests", "Protesters (Russia)", "Police Forces of Russia (2000-)")
    ]


def test_demonstrators_who_fight_riot() -> None:
    from tests.code.coding import events as coded

    # the type model reads a battle; ACLED: protesters are never a side of one
    (en,) = coded("Hundreds of protesters clashed with police in Nakuru on Tuesday.", "en")
    (fr,) = coded("Des manifestants se sont heurtés à la police mardi à Thiès.", "fr")
    for event, country in ((en, "Kenya"), (fr, "Senegal")):
        assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
        assert event.actor1 == f"Rioters ({country})"
        assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_a_french_crowd_is_civilians_and_a_truck_hitting_a_wall_no_clash() -> None:
    from tests.code.coding import events as coded

    (shot,) = coded("Des hommes armés ont ouvert le feu sur la foule mardi à Thiès.", "fr")
    assert shot.actor2 == "Civilians (Senegal)"
    assert coded("Mardi à Thiès, un camion s'est heurté à un mur.", "fr") == []


def test_young_people_who_clash_with_the_forces_riot() -> None:
    # the rioters stand where the telling puts them
    forces_first = _events("On 3 March 2024, police clashed with youths in Kano after a match.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in forces_first] == [
        ("Violent demonstration", "Police Forces of Nigeria (2023-)", "Rioters (Nigeria)")
    ]
    students_first = _events(
        "On 3 March 2024, students clashed with soldiers at the university gate in Zaria."
    )
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in students_first] == [
        ("Violent demonstration", "Rioters (Nigeria)", "Military Forces of Nigeria (2023-)")
    ]
    # armed men who clash with the forces are still a battle
    armed = _events("On 3 March 2024, gunmen clashed with soldiers near Zaria.")
    assert [e.sub_event_type for e in armed] == ["Armed clash"]


def test_two_sides_joined_before_a_verb_of_fighting_are_both_sides() -> None:
    # "X and Y clashed": a verb of two sides has its coordinated subjects for its sides
    somalia = _events(
        "On 3 March 2024, government troops and Al Shabaab fighters clashed in Afgooye."
    )
    assert [(e.actor1, e.actor2) for e in somalia] == [
        ("Military Forces of Somalia (2022-)", "Al Shabaab")
    ]
    french = _events(
        "Des militaires et des combattants du JNIM se sont affrontés lundi 4 mars 2024 près de Djibo.",
        language="fr",
    )
    assert [e.actor2 for e in french] == ["JNIM: Group for Support of Islam and Muslims"]
    # a verb of one side keeps the first of its coordinated subjects, and no target
    shelled = _events(
        "On 3 March 2024, regime troops and loyalist gunmen shelled Kafr Nabl.", "2024-03-05"
    )
    assert [e.actor2 for e in shelled] == [None]


def test_police_and_demonstrators_who_clash_riot() -> None:
    events = _events(
        "On 3 March 2024, police and demonstrators clashed outside parliament in Nairobi."
    )
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Violent demonstration", "Police Forces of Kenya (2022-)", "Rioters (Kenya)")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, several Palestinians were hurt in confrontations and clashes with Israeli"
            " troops at Beita, south of Nablus.",
            "en",
        ),
    ],
)
def test_a_people_that_clashes_with_soldiers_riots(text: str, lang: str) -> None:
    # a people named by its name in a clash with the forces: rioters, as ACLED codes them
    from tests.code.coding import events as coded

    (event,) = coded(text, lang)
    assert event.sub_event_type == "Violent demonstration"
    assert "Rioters (Palestine)" in (event.actor1, event.actor2)
