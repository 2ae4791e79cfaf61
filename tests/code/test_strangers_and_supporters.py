"""Who acts and where, when a name could mislead: a village abroad named inside an actor's name,
a note's opening label, an army's supporters, suicide bombers killed before they struck
(sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.code import code_document
from eventdesk.geo import Gazetteer
from eventdesk.records import Document, EventType, SubEventType

pytestmark = pytest.mark.slow


def _coded(text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language=lang)  # fmt: skip
    return code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6))


def _places(text: str) -> list[tuple[str, str]]:
    coded = _coded(text)
    return [(p.text, p.place.country_iso3) for s in coded.sentences for p in s.places]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2024, Houthi fighters shelled troops of pro Hadi forces.",
        "On 4 March 2024, Houthi fighters ambushed a convoy of pro Hadi troops.",
    ],
)
def test_a_leader_s_name_in_an_actor_is_no_village_abroad(text: str) -> None:
    # "Hadi" is also another name of a hamlet in Arkansas
    assert ("Hadi", "USA") in [
        (p.text, p.place.country_iso3) for p in Gazetteer.open().find_places(text)
    ]
    assert all(iso != "USA" for _, iso in _places(text))
    assert _coded(text).events == []  # the text names no place


def test_a_note_s_opening_label_is_no_place() -> None:
    text = "Agreement: On 4 March 2024, the two tribes signed a truce."
    assert [p.place.country_iso3 for p in Gazetteer.open().find_places(text)] == ["MAF"]
    assert _places(text) == []
    assert _coded(text).events == []


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        (
            "On 4 March 2024, the army, backed by pro-government militiamen, clashed with Islamic "
            "State fighters near Palmyra.",
            "en",
            "Military Forces of Syria (2000-)",
        ),
        (
            "On 4 March 2024, the Syrian army supported by its loyal gunmen attacked Islamic "
            "State positions near Palmyra.",
            "en",
            "Military Forces of Syria (2000-)",
        ),
        (  # the possessive misspelt, as notes sometimes have it
            "On 4 March 2024, the Syrian army, aided by it's allied militiamen, attacked Islamic "
            "State positions near Palmyra.",
            "en",
            "Military Forces of Syria (2000-)",
        ),
        (
            "On 4 March 2024, Iraqi soldiers, with the support of tribal fighters, attacked "
            "Islamic State positions near Tikrit.",
            "en",
            "Military Forces of Iraq (2022-)",
        ),
        (
            "Le 4 mars 2024, l'armée malienne, appuyée par des chasseurs dozos, a attaqué des "
            "jihadistes près de Mopti.",
            "fr",
            "Military Forces of Mali (2021-)",
        ),
    ],
)
def test_the_supported_side_initiates_not_its_supporters(text: str, lang: str, actor1: str) -> None:
    events = _coded(text, lang).events
    assert [e.actor1 for e in events] == [actor1]


def test_suicide_bombers_killed_before_they_struck_is_a_clash() -> None:
    killed = _coded("On 4 March 2024, soldiers killed two suicide bombers near Tikrit.").events
    assert [(e.event_type, e.sub_event_type) for e in killed] == [
        (EventType.BATTLES, SubEventType.ARMED_CLASH)
    ]
    assert killed[0].fatalities == 2
    passive = _coded("On 4 March 2024, a suicide bomber was shot dead by police in Tikrit.")
    assert [e.sub_event_type for e in passive.events] == [SubEventType.ARMED_CLASH]
    for text in (
        "On 4 March 2024, a suicide bomber killed four soldiers in Tikrit.",
        "On 4 March 2024, four soldiers were killed when a suicide bomber blew himself up in "
        "Tikrit.",
    ):
        assert [e.sub_event_type for e in _coded(text).events] == [SubEventType.SUICIDE_BOMB]


def test_an_execution_in_french_is_an_attack_with_its_toll() -> None:
    events = _coded("Le 4 mars 2024, des jihadistes ont exécuté six villageois près de Mopti.",
                    "fr").events  # fmt: skip
    assert [(e.sub_event_type, e.fatalities) for e in events] == [(SubEventType.ATTACK, 6)]


def test_a_village_the_words_put_in_a_far_province_is_a_namesake_there() -> None:
    # Kafr Zita is a town of Hama province; "in southern Daraa countryside" means another one
    far = _coded("On 4 March 2024, regime forces shelled Kafr Zita village in southern Daraa "
                 "countryside.").events  # fmt: skip
    assert [(e.country_iso3, e.admin1_code) for e in far] == [("SYR", "SY-DR")]
    home = _coded("On 4 March 2024, regime forces shelled Kafr Zita village in northern Hama "
                  "countryside.").events  # fmt: skip
    assert [(e.location, e.admin1_code) for e in home] == [("Kafr Zayta", "SY-HM")]


@pytest.mark.parametrize(
    ("text", "lang", "where"),
    [
        ("On 3 March 2024, hundreds of students protested in Hebron against the recognition of "
         "Jerusalem as Israel's capital.", "en", "Hebron"),
        ("On 3 March 2024, police dispersed protesters in Ramallah who denounced the decision to "
         "recognise Jerusalem as the capital of Israel.", "en", "Ramallah"),
        ("Le 3 mars 2024, des étudiants ont manifesté à Naplouse contre la reconnaissance de "
         "Jérusalem comme capitale d'Israël.", "fr", "Nablus"),
    ],
)  # fmt: skip
def test_a_city_recognised_as_a_capital_is_what_was_decided_not_where(
    text: str, lang: str, where: str
) -> None:
    assert [e.location for e in _coded(text, lang).events] == [where]


@pytest.mark.parametrize(
    "text",
    [
        # the province ends a list: it holds each locality of it, known or not
        "On 4 March 2024, regime forces shelled Kafr Zita and Xqbelle village in southern Daraa "
        "countryside.",
        "On 4 March 2024, regime forces shelled Xqbelle, Kafr Zita and Yzorra in Daraa province.",
        # two words say what the locality was
        "On 4 March 2024, regime forces shelled the Kafr Zita border area of Daraa province.",
    ],
)
def test_a_province_after_a_list_holds_each_locality_of_it(text: str) -> None:
    assert [(e.country_iso3, e.admin1_code) for e in _coded(text).events] == [("SYR", "SY-DR")]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # the agent of a passive verb after words that only qualify it
        ("On 3 March 2024, shells launched by al-Houthi gunmen struck a school in Marib city.",
         "Military Forces of Yemen (2016-) Supreme Political Council"),
        ("On 3 March 2024, a fisherman was shot by a senior Houthi officer in Marib city.",
         "Military Forces of Yemen (2016-) Supreme Political Council"),
        # "drive-by" holds no agent: the attackers stay unnamed
        ("On 3 March 2024, armed men carried out a drive-by shooting against a police officer "
         "in Marib city.", "Unidentified Armed Group (Yemen)"),
        # a victim that is no actor: the side named after the passive verb initiated
        ("On 3 March 2024, a bulldozer driver was hurt during clashes with Israeli soldiers near "
         "Nablus city.", "Military Forces of Israel (2022-)"),
        # who fights off an attack is the subject, not the attackers
        ("On 3 March 2024, pro-Hadi troops halted a Houthi assault on a hilltop in Marib city.",
         "Military Forces of Yemen (2022-)"),
        # the other side of a clash that killed the subject initiated it
        ("On 3 March 2024, two pro-Hadi soldiers died in fighting with Houthi militiamen near "
         "Marib city.", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ],
)  # fmt: skip
def test_the_agent_of_a_passive_verb_initiates(text: str, actor1: str) -> None:
    assert [e.actor1 for e in _coded(text).events] == [actor1]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # "between A and its allies against B"
        ("On 3 March 2024, fighting raged between regime forces and Iraqi and Afghan allied "
         "militias against IS fighters in Palmyra city.",
         ("Military Forces of Syria (2000-)", "Islamic State (Syria)")),
        # coordinated subjects: the first initiates
        ("On 3 March 2024, regime troops and loyalist gunmen shelled rebel positions in Kafr "
         "Zita.", ("Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")),
    ],
)  # fmt: skip
def test_the_first_side_named_initiates(text: str, actors: tuple[str, str]) -> None:
    assert [(e.actor1, e.actor2) for e in _coded(text).events] == [actors]


def test_an_event_placed_only_in_its_country_is_coded_at_the_capital_s_province() -> None:
    events = _coded(
        "On 3 March 2024, Syrian air defences shot down a drone somewhere in Syria."
    ).events
    assert [(e.location, e.admin1_code, e.geo_precision) for e in events] == [("Syria", "SY-DI", 3)]


@pytest.mark.parametrize(
    ("text", "lang", "sides"),
    [
        (
            "On Monday, heavy fighting was waged by government soldiers on one side, and Houthi"
            " fighters on the other, near Xqz in Taiz.",
            "en",
            (
                "Military Forces of Yemen",
                "Military Forces of Yemen (2016-) Supreme Political Council",
            ),
        ),
        (
            "Lundi, de violents combats ont opposé l'armée malienne d'un côté et des jihadistes du"
            " JNIM de l'autre près de Xqz, dans la région de Mopti.",
            "fr",
            ("Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"),
        ),
    ],
)
def test_one_side_and_the_other_are_both_sides(
    text: str, lang: str, sides: tuple[str, str]
) -> None:
    (event,) = _coded(text, lang).events
    assert (event.actor1 or "").startswith(sides[0]) and event.actor2 == sides[1]
