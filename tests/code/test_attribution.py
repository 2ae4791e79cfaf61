"""The source of a reporting clause: who told the incident, and no side of it (sentences
written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.code.attribution import sources
from tests.code.coding import events as coded


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Gunmen burnt the school on Friday, police said.", "en", ["police"]),
        ("Two herders were shot near the well, an army spokesman told reporters.", "en",
         ["army spokesman"]),
        ("The depot was hit twice, according to local residents.", "en", ["local residents"]),
        ("The convoy was ambushed at dawn, said the regional governor.", "en",
         ["regional governor"]),
        ("Le poste a été attaqué dans la nuit, selon une source sécuritaire.", "fr",
         ["source sécuritaire"]),
        ("Trois villageois ont été enlevés, ont indiqué mardi des notables de la commune.", "fr",
         ["notables de la commune"]),
        ("« Ils sont venus à l'aube », a raconté à la radio un habitant du village.", "fr",
         ["habitant du village"]),
        ("The bridge was blown up, the governor said in a statement on Monday.", "en",
         ["governor"]),
        # a subject that tells another's deed
        ("The rebels said government jets had bombed the market.", "en", ["rebels"]),
        # a pronoun after the verb is no source; a clause with no reporter has none
        ("The army said it had cleared the road.", "en", []),
        ("The militia said on Friday it had taken the hill.", "en", []),
        ("Rebels shelled the camp on Monday.", "en", []),
        # a passive "reported", a claim and "accused of" tell no source
        ("In the south, four air raids were reported on the valley.", "en", []),
        ("On Monday, the rebels claimed the attack on the depot.", "en", []),
        ("A man accused of theft was beaten by a crowd.", "en", []),
        # a closing verb with an object is the clause's own ("guards reported seeing smoke")
        ("Late on Monday, at the border, guards reported seeing smoke.", "en", []),
    ],
)  # fmt: skip
def test_sources(sentence: str, lang: str, expected: list[str]) -> None:
    assert [s.text for s in sources(sentence, lang)] == expected


def test_a_subject_source_is_told_apart_from_a_closing_one() -> None:
    [opening] = sources("The rebels said government jets had bombed the market.", "en")
    [closing] = sources("Government jets bombed the market, the rebels said.", "en")
    assert (opening.subject, closing.subject) == (True, False)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Un gendarme nigérien avait été tué lundi par l'explosion d'une mine près de Diffa, "
         "a indiqué la gendarmerie.", "fr"),
        ("A Nigerien gendarme was killed on Monday when a mine exploded near Diffa, the "
         "gendarmerie said.", "en"),
    ],
)  # fmt: skip
def test_the_side_that_reports_its_loss_did_not_cause_it(text: str, lang: str) -> None:
    [event] = coded(text, lang)
    assert event.actor1 is not None and "Unidentified" in event.actor1
    assert event.actor2 is not None and "Niger" in event.actor2
    assert event.sources[0].reported_by == "gendarmerie"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nine people were killed when a car bomb went off at a bus station in Diffa on "
         "Monday, police said.", "en"),
        ("Neuf civils ont été tués lundi par l'explosion d'une voiture piégée à la gare "
         "routière de Diffa, a indiqué la police.", "fr"),
    ],
)  # fmt: skip
def test_the_police_reporting_civilian_deaths_did_not_cause_them(text: str, lang: str) -> None:
    [event] = coded(text, lang)
    assert event.actor1 is not None and "Police" not in event.actor1
    assert event.actor2 is not None and event.actor2.startswith("Civilians")
    assert event.sources[0].reported_by == "police"


@pytest.mark.slow
def test_a_reporting_army_still_fought_the_militants_it_counts() -> None:
    [event] = coded("Eight militants were killed near Diffa on Monday, the army said.", "en")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Niger")


@pytest.mark.slow
def test_a_reporting_subject_is_no_side_of_what_it_reports() -> None:
    [event] = coded(
        "The rebels accused the army of escalating its attacks and said government artillery "
        "had shelled villages around Diffa on Monday, wounding a herder.",
        "en",
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Niger")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mortar rounds hit the camp near Diffa on Monday. A group calling itself the Hawks of "
         "the Desert later said on Telegram that it had fired them.", "en"),
        ("A bomb went off near Diffa on Monday. The Hawks of the Desert took responsibility.",
         "en"),
        ("Des obus ont frappé le camp près de Diffa lundi. Les Faucons du Désert ont affirmé "
         "avoir mené l'attaque.", "fr"),
    ],
)  # fmt: skip
def test_a_group_saying_it_did_it_claims_it(text: str, lang: str) -> None:
    from eventdesk.code.lexicon import load

    claim = load(lang).cues["claim"]
    assert claim.search(text.split(". ")[1])
    assert not claim.search(text.split(". ")[0])


@pytest.mark.slow
def test_a_closing_reporter_is_no_target() -> None:
    [event] = coded("Gunmen burnt a school near Diffa on Monday, police said.", "en")
    assert event.actor2 is None or "Police" not in event.actor2


@pytest.mark.slow
def test_the_agent_of_a_later_clause_did_not_start_it() -> None:
    [event] = coded(
        "Suspected militants attacked an army post near Diffa on Monday, but were driven back "
        "by soldiers.",
        "en",
    )
    assert event.actor1 is not None and "Unidentified" in event.actor1
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Niger")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("TAHOUA, Niger, March 6 (Reuters) - Gunmen on motorcycles killed at least nine "
         "people and abducted dozens more in an overnight raid on a village in western Niger's "
         "Tahoua region, police and residents said on Wednesday.\nThe attackers stormed the "
         "village near Tillia late on Monday, shooting sporadically, a police spokesman said.",
         "en", "Tillia"),
        ("TAHOUA, 6 mars (AFP) - Des hommes armés ont tué au moins neuf personnes dans l'attaque "
         "d'un village de la région de Tahoua, dans l'ouest du Niger, ont indiqué mercredi des "
         "sources locales.\nLes assaillants ont pris d'assaut le village près de Tillia lundi "
         "soir, tirant sur les habitants, a précisé un élu.", "fr", "Tillia"),
    ],
)  # fmt: skip
def test_the_doers_told_again_place_the_lead(text: str, lang: str, town: str) -> None:
    # (one paragraph per line, as the cleaned text has them)
    [event] = coded(text, lang)
    assert event.location == town and event.event_date == "2024-03-04"
    assert event.fatalities == 9


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Six people died, according to a tally by the regional health office.", "en",
         ["regional health office"]),
        ("Six morts, selon un bilan établi jeudi par la Croix-Rouge locale.", "fr",
         ["Croix-Rouge locale"]),
    ],
)  # fmt: skip
def test_whose_tally_it_is(sentence: str, lang: str, expected: list[str]) -> None:
    assert [s.text for s in sources(sentence, lang)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le convoi a été la cible d'une embuscade, précise le communiqué.", ["communiqué"]),
        ("« Les assaillants ont fui », ajoute le gouverneur.", ["gouverneur"]),
    ],
)
def test_a_french_closing_verb_in_the_present(sentence: str, expected: list[str]) -> None:
    assert [s.text for s in sources(sentence, "fr")] == expected


@pytest.mark.slow
def test_a_clause_naming_an_unknown_place_is_placed_in_the_province_only() -> None:
    events = coded(
        "Huit soldats ont été tués mardi près de Tillia, dans la région de Tahoua.\n"
        "Le 2 mars, quatre civils avaient été tués par des hommes armés à Xqzbourg, dans la "
        "même région.",
        "fr",
    )
    [older] = [e for e in events if e.event_date == "2024-03-02"]
    assert (older.admin1_code, older.geo_precision) == ("NE-5", 3)


@pytest.mark.slow
def test_the_agency_of_a_dateline_is_no_actor() -> None:
    [event] = coded(
        "DIFFA, March 5 (AFP) - Shells struck the airport of Diffa on Monday evening, local "
        "sources said, in an attack later claimed by Boko Haram.",
        "en",
    )
    assert event.actor1 is not None and "Boko Haram" in event.actor1
    assert "Philippines" not in f"{event.actor1} {event.actor2}"


@pytest.mark.slow
def test_the_agency_of_a_dateline_is_no_province() -> None:
    # "(AP)" after a town names Andhra Pradesh in Indian notes ("Sikandra (AP)"), not here
    [event] = coded(
        "Mortars hit army base\nDIFFA (AP) — Mortar shells struck an army base in Diffa on "
        "Monday evening, local sources said.",
        "en",
    )
    assert (event.country_iso3, event.location) == ("NER", "Diffa")


@pytest.mark.slow
def test_a_claim_by_the_islamic_resistance_in_iraq() -> None:
    [event] = coded(
        "Rockets struck a base near Erbil on Monday. The Islamic Resistance in Iraq said in a "
        "statement that it had fired the rockets.",
        "en",
    )
    assert event.claimed_by == "Islamic Resistance in Iraq"


@pytest.mark.slow
def test_a_side_reporting_its_own_losses_is_the_target() -> None:
    [event] = coded(
        "Boko Haram said army jets struck a camp near Diffa on Monday, killing two of its "
        "fighters.",
        "en",
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Niger")
    assert event.actor2 is not None and "Boko Haram" in event.actor2
