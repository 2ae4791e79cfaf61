import pytest

from eventdesk.code.fatalities import count
from eventdesk.code.lexicon import load
from tests.code.coding import events as coded


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 3 March 2024, 1 soldier was killed and 2 were wounded when a mine exploded.", 1),
        ("Gunmen raided the village, killing at least seven civilians and wounding 12.", 7),
        ("Four soldiers and three militants were killed in the clash.", 7),
        ("A shepherd was shot dead by unidentified gunmen.", 1),
        ("Dozens of fighters were killed in the offensive.", 12),
        ("The attack caused 5 fatalities.", 5),
        ("9 people were injured. No fatalities were reported.", 0),
        ("Around 1,500 people protested in the capital.", None),
        ("Troops fired 120mm mortars at the positions.", None),
        ("Shelling on the town led to the killing of 4 civilians and the injury of 6.", 4),
        ("The strikes led to the killing of between 5 and 9 civilians.", 5),
        ("The clash led to the death of 3 soldiers.", 3),
        ("Two soldiers were reportedly killed at the checkpoint.", 2),
        ("Rebels shelled the market, killing a woman and injuring 22 others.", 1),
        ("Three gunmen killed a policeman at the gate.", 1),
        ("Two suicide bombers killed 12 people at a market.", 12),
        ("Three soldiers killed in the clash were buried.", 3),
        ("The militants executed 4 shepherds at the well.", 4),
        ("Gunmen shot dead two farmers near the river.", 2),
        ("The unit executed 3 operations against smugglers.", None),
        ("The raid left 6 houses burnt.", None),
    ],
)
def test_english_tolls(sentence, expected):
    toll = count(sentence, load("en"))
    assert (toll.count if toll else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("L'embuscade a fait douze morts parmi les soldats.", 12),
        ("Les assaillants ont exécuté cinq bergers au puits.", 5),
        ("L'unité a exécuté trois opérations contre les passeurs.", None),
        ("Neuf supplétifs ont été tués samedi près de la frontière.", 9),
        ("Un gendarme a été tué lors de l'attaque.", 1),
        ("L'explosion n'a fait aucune victime.", 0),
        ("Les jihadistes ont tué plus de 30 villageois.", 30),
        ("Deux civils ont été blessés par des éclats.", None),
        ("Une dizaine de personnes ont été tuées.", 10),
        ("Deux hommes armés ont tué un douanier.", 1),
        ("Quatre gendarmes ont perdu la vie dans l'embuscade.", 4),
        ("Après l'attentat, on dénombre au moins douze victimes.", 12),
        ("L'association compte 300 membres.", None),
        ("On compte trois victimes de vols dans le quartier.", None),
    ],
)
def test_french_tolls(sentence, expected):
    toll = count(sentence, load("fr"))
    assert (toll.count if toll else None) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "The air strike reportedly killed seventy five fighters.", 75),
        ("en", "Militants stormed the base, killing twenty-three soldiers.", 23),
        ("fr", "L'attaque a fait vingt-trois morts.", 23),
        ("fr", "Quarante et un civils ont été tués dans le village.", 41),
        ("fr", "Les combats ont fait soixante-dix-sept morts.", 77),
        ("fr", "Les frappes ont fait une centaine de morts.", 100),
    ],
)
def test_tens_and_units_written_in_words(lang, sentence, expected):
    toll = count(sentence, load(lang))
    assert toll is not None and toll.count == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fatalities coded as 0 (a local outlet reported 2).", 0),
        ("An unknown number were killed; unknown number of fatalities coded as 10.", 10),
        ("Fatalities were reported as half, rounded down to 4.", 4),
        # an unknown toll coded on top of the known one
        ("Two guards died; unknown fatalities coded at 10, in addition to 2 known fatalities.", 12),
        ("Two guards were shot and killed by unknown gunmen.", 2),
        ("A soldier opened fire on a crowd, killing one and injuring two.", 1),
        ("The fatality estimate (8) was divided between two places.", 8),
        ("The militia said it killed up to 20 soldiers near the dam.", 20),
        ("9 pro-army/tribal guards were reported killed at dawn.", 9),
        ('"Dozens" of cadets died in the raid.', 12),
        ("The bodies of three shepherds were found near the well.", 3),
        ("12 guards - among them two officers - died at the gate.", 12),
        ("Fatalities, coded as 10, are an estimate.", 10),
        ("6 militiamen, including 2 of their officers, were reportedly slain at the dam.", 6),
        ("Gunmen killed 5 people, including 2 children, in the market.", 5),
    ],
)
def test_english_coded_tolls_and_active_kills(sentence, expected):
    toll = count(sentence, load("en"))
    assert toll is not None and toll.count == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants shot and killed a shopkeeper near the market.", 1),
        ("A guard stabbed a man to death after an argument.", 1),
        ("Gunmen killed a teacher on his way home.", 1),
        ("Troops killed a number of fighters.", None),
    ],
)
def test_english_one_victim_named_by_an_article(sentence, expected):
    toll = count(sentence, load("en"))
    assert (toll.count if toll else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A monitor said at least nine fighters, including three foreigners, were killed.", 9),
        ("One guard who tried to stop the attackers was shot dead.", 1),
    ],
)
def test_english_tolls_around_an_apposition_or_a_relative_clause(sentence, expected):
    toll = count(sentence, load("en"))
    assert toll is not None and toll.count == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Shelling hit the farm, killing a shepherd and three of his sons.", 4),
        ("en", "Gunmen shot dead a village elder and his driver on the road.", 2),
        ("en", "A drone hit a truck, killing the driver and a passenger.", 2),
        ("en", "Rebels killed two soldiers and a policeman at the post.", 3),
        ("en", "Jets struck the camp, killing 3 fighters and 2 guards.", 5),
        ("en", "Gunmen killed a guard and wounded two others.", 1),
        ("en", "Gunmen killed 3 guards and 2 others were wounded.", 3),
        ("en", "A mine killed a number of soldiers and a guide.", None),
        ("en", "Rebels raided the post, killing six guards, an army officer said.", 6),
        ("fr", "Des hommes armés ont attaqué le hameau, tuant un berger et deux enfants.", 3),
        ("fr", "Les assaillants ont tué un gendarme et un civil dans le marché.", 2),
    ],
)
def test_the_people_a_killing_verb_lists_add_up(lang, sentence, expected):
    toll = count(sentence, load(lang))
    assert (toll.count if toll else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unknown fatalities coded as ten and split between Tell Abyad, Kobani and Manbij. "
         "Tell Abyad 4, Kobani 3, and Manbij 3.", {"tel abyad": 4, "kobani": 3, "manbij": 3}),
        ("Fatalities are split 5 for Al-Bab, and 2 each for Jarablus and Azaz.",
         {"bab": 5, "jarablus": 2, "azaz": 2}),
        ("The 10 fatalities are split between 3 locations, with Afrin allocated 4 and Jindires "
         "and Rajo each allocated 3.", {"afrin": 4, "jindires": 3, "rajo": 3}),
        ("Fatalities coded as eight and split, four each, between Saraqib and Binnish.",
         {"saraqib": 4, "binish": 4}),  # (keys are folded names)
        ("Gunmen killed 5 guards - 3 in Azaz and 2 in Jarablus (the toll split between the "
         "two towns).", {"azaz": 3, "jarablus": 2}),
        ("Brigade 122 was shelled on April 27. No fatalities were reported.", {}),
    ],
)  # fmt: skip
def test_a_toll_split_across_places_gives_each_its_share(text: str, expected: dict) -> None:
    from eventdesk.code.shares import shares

    assert shares(text) == expected


def test_the_event_at_a_place_takes_its_share_of_a_split_toll() -> None:
    import datetime as dt

    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer
    from eventdesk.records import Document

    text = (
        "On 3 March 2024, regime forces and rebels clashed in Kafr Zita and Saraqib. An unknown "
        "number of fighters were killed. Unknown fatalities coded as ten and split between Kafr "
        "Zita and Saraqib. Kafr Zita 6 and Saraqib 4."
    )
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    events = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6)).events
    assert sorted((e.location, e.fatalities) for e in events) == [("Kafr Zayta", 6), ("Saraqib", 4)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("A toll of 10, split across two villages.", 2),
        ("Fatalities spread evenly across 3 events.", 3),
        ("The estimate (12) was divided equally between the four areas.", 4),
        ("Ten people were killed across two provinces.", None),  # no division said
        ("Fatalities split across 1 event.", None),
    ],
)
def test_a_note_says_its_toll_is_split_evenly_across_places(text: str, parts: int | None) -> None:
    from eventdesk.code.shares import split_count

    assert split_count(text) == parts


def test_each_event_takes_its_part_of_a_toll_split_evenly() -> None:
    import datetime as dt

    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer
    from eventdesk.records import Document

    text = (
        "On 3 March 2024, regime forces and rebels clashed in Kafr Zita, Saraqib and Manbij. "
        "The toll of 10 was split across three towns."
    )
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    events = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6)).events
    # the first place in the text takes the remainder
    assert [(e.location, e.fatalities) for e in sorted(events, key=lambda e: e.sources[0].start)
            ] == [("Kafr Zayta", 4), ("Saraqib", 3), ("Manbij", 3)]  # fmt: skip


def test_the_bodies_a_mass_grave_holds_are_no_toll_of_its_discovery() -> None:
    toll = count("Troops found a mass grave holding the bodies of 40 villagers.", load("en"))
    assert toll is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Air strikes on Agadez and Zinder killed 9 fighters on Monday.", "en"),
        ("Des frappes aériennes sur Agadez et Zinder ont tué neuf combattants lundi.", "fr"),
    ],
)
def test_one_toll_over_listed_places_is_split(text: str, lang: str) -> None:
    events = coded(text, lang)
    assert sorted(e.location for e in events) == ["Agadez", "Zinder"]
    assert sorted(e.fatalities or 0 for e in events) == [4, 5]
    assert sum(e.fatalities or 0 for e in events) == 9


@pytest.mark.slow
def test_des_frappes_are_the_doer_not_the_target() -> None:
    [event] = coded("Des frappes aériennes ont tué dix civils à Agadez le 3 mars 2024.", "fr")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a dispatch's dateline: the day of the month is no count of the dead
        ("Gao, 21 octobre 2023 (AFP) - Au moins sept villageois ont été tués par des assaillants.",
         "fr", 7),
        ("Niamey, 5 juin (Reuters) - Deux gendarmes ont été tués près de la frontière.", "fr", 2),
        ("KANO, Nigeria, June 5 (Reuters) - At least nine traders were killed on Monday.", "en", 9),
        ("Eleven herders were killed on 28 May 2023 near the well.", "en", 11),
        # a count next to a date still counts
        ("Le 8 juillet, 15 soldats ont été tués dans une embuscade.", "fr", 15),
        # one more listed with the dead before a passive verb
        ("Three herders and a child were killed near the well.", "en", 4),
        ("Trois bergers et un enfant ont été tués près du puits.", "fr", 4),
        # one wounded after the dead is no death
        ("Three herders were killed and a child was wounded.", "en", 3),
        ("Trois bergers ont été tués et un enfant blessé.", "fr", 3),
        # what was fired is no count of the dead
        ("Plusieurs obus sont tombés samedi sur le camp.", "fr", None),
        ("Trois soldats sont tombés au combat samedi.", "fr", 3),
        ("Two rockets killed three herders at the well.", "en", 3),
        # a number of dozens
        ("More than two dozen herders were killed near the well.", "en", 24),
        ("Several dozen herders were killed near the well.", "en", 12),
        ("Deux douzaines de bergers ont été tués près du puits.", "fr", 24),
        ("Plusieurs douzaines de bergers ont été tués près du puits.", "fr", 12),
    ],
)  # fmt: skip
def test_tolls_as_news_tell_them(sentence: str, lang: str, expected: int | None) -> None:
    toll = count(sentence, load(lang))
    assert (toll.count if toll else None) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a military communiqué's "neutralised" is killed, of people; a device is no death
        ("L'armée a neutralisé une quinzaine de terroristes dans la forêt.", "fr", 15),
        ("The army said it had neutralised 14 militants in the forest.", "en", 14),
        ("Les démineurs ont neutralisé deux engins explosifs sur la route.", "fr", None),
        ("Sappers neutralized two IEDs on the road.", "en", None),
        # the word quoted, as a communiqué's: « neutralisé »
        ("L'armée a affirmé avoir « neutralisé » cinq assaillants.", "fr", 5),
    ],
)
def test_neutralised_people_are_dead_and_devices_are_not(sentence, lang, expected):
    toll = count(sentence, load(lang))
    assert (toll.count if toll else None) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'armée a neutralisé une quinzaine de terroristes mardi près de Titao.", "fr"),
        ("The army neutralised 15 terrorists near Titao on Tuesday.", "en"),
    ],
)
def test_neutralising_fighters_is_a_clash(text, lang):
    (event,) = coded(text, lang)
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 15)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Militants ambushed a patrol near Titao on Tuesday, killing 9 soldiers, the army said. "
         "Twelve assailants were killed in the counter-attack, it added.", "en"),
        ("Neuf soldats ont été tués mardi dans une embuscade près de Titao. Douze terroristes "
         "ont été neutralisés lors de la riposte, selon l'armée.", "fr"),
    ],
)  # fmt: skip
def test_the_attackers_dead_told_apart_add_to_the_toll(text, lang):
    # ACLED adds the dead of both sides; the soldiers told again are not counted twice
    (event,) = coded(text, lang)
    assert event.fatalities == 21
    assert not event.disputed


def test_a_toll_says_whether_it_counts_the_attackers():
    assert count("Twelve assailants were killed.", load("en")).fighters
    assert not count("Twelve soldiers were killed.", load("en")).fighters
    # either side's fighters: no telling whose
    assert not count("Twelve fighters were killed.", load("en")).fighters
