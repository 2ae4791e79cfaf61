"""find_actors: aliases, demonym phrases, French elision, Arabic clitics, longest match."""

from __future__ import annotations

import pytest

from eventdesk.actors import ActorMention, find_actors
from eventdesk.errors import ConfigError


def _found(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (m.text, m.kind, m.actor.canonical if m.actor else None)
        for m in find_actors(text, lang=lang)
    ]


def _texts(text: str, lang: str) -> list[str]:
    return [m.text for m in find_actors(text, lang=lang)]


def test_offsets_point_into_the_text() -> None:
    text = "On Monday, gunmen attacked soldiers near the market."
    for m in find_actors(text, lang="en"):
        assert isinstance(m, ActorMention)
        assert text[m.start : m.end] == m.text
    assert _found(text, "en") == [
        ("gunmen", "unidentified_armed", None),
        ("soldiers", "military", None),
    ]


def test_longest_match_first() -> None:
    assert _texts("Unidentified gunmen shot two unknown armed men.", "en") == [
        "Unidentified gunmen",
        "unknown armed men",
    ]
    assert _found("Iraqi security forces arrested him.", "en") == [
        ("Iraqi security forces", "military", "Military Forces of Iraq (2022-)")
    ]


def test_english_demonyms_give_their_country() -> None:
    found = _found(
        "US troops, Nigeria's army, the Nigerian Army and military forces of Armenia.", "en"
    )
    assert [(t, a) for t, _, a in found] == [
        ("US troops", "Military Forces of the United States (2025-)"),
        ("Nigeria's army", "Military Forces of Nigeria (2023-)"),
        ("Nigerian Army", "Military Forces of Nigeria (2023-)"),
        ("military forces of Armenia", "Military Forces of Armenia (2018-)"),
    ]
    assert (
        _found("Israeli military and Turkish forces", "en")[1][2]
        == "Military Forces of Turkey (2016-)"
    )


def test_an_alias_beats_a_demonym_phrase_of_equal_length() -> None:
    assert (
        _found("the Syrian National Army advanced", "en")[0][2]
        == "Turkish-backed Syrian National Army"
    )
    assert _found("Syrian Democratic Forces", "en")[0][2] == "QSD: Syrian Democratic Forces"


def test_acronyms_match_their_case_only() -> None:
    assert _texts("IS fighters attacked", "en") == ["IS fighters"]
    assert _texts("this is what it is", "en") == []
    assert _found("SOLDIERS KILLED", "en")[0][1] == "military"


def test_names_absorb_the_armed_nouns_beside_them() -> None:
    assert _found("Al shabaab militants attacked", "en") == [
        ("Al shabaab militants", "armed_group", "Al Shabaab")
    ]
    assert _texts("fighters of the Islamic State", "en") == ["fighters of the Islamic State"]
    assert _texts("les combattants de l'EI", "fr") == ["combattants de l'EI"]
    assert _texts("عناصر داعش", "ar") == ["عناصر داعش"]


def test_head_words_alone_are_no_mention() -> None:
    assert _texts("the forces moved and fighters left", "en") == []


def test_territory_adjectives_are_no_mention_but_perpetrator_ones_are() -> None:
    assert _texts("in a Houthi-held district", "en") == []
    assert _texts("a Taliban-planted IED", "en") == ["Taliban"]


def test_an_article_does_not_anchor_a_match() -> None:
    assert _texts("the Military Police raided", "en") == ["Military Police"]


def test_french_elision_and_agreement() -> None:
    assert _found("l'armée malienne a riposté", "fr") == [
        ("armée malienne", "military", "Military Forces of Mali (2021-)")
    ]
    assert _found("une attaque d'hommes armés", "fr") == [
        ("hommes armés", "unidentified_armed", None)
    ]
    assert _texts("l’armée et les forces de l’ordre", "fr") == ["armée", "forces de l’ordre"]
    assert (
        _found("les soldats maliens et la police nigérienne", "fr")[1][2]
        == "Police Forces of Niger (2023-)"
    )
    assert _found("les forces du Mali", "fr")[0][2] == "Military Forces of Mali (2021-)"
    assert _found("l'armee malienne", "fr")[0][2] == "Military Forces of Mali (2021-)"  # no accent


def test_french_generic_words() -> None:
    kinds = [
        k
        for _, k, _ in _found(
            "Des assaillants, des manifestants, des émeutiers, des civils, des jihadistes et des terroristes",
            "fr",
        )
    ]
    assert kinds == [
        "unidentified_armed",
        "protesters",
        "rioters",
        "civilians",
        "islamist",
        "unidentified_armed",
    ]
    assert (
        _found("des militants du parti", "fr")[0][1] == "civilians"
    )  # French militants are activists


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_french_and_english_named_forces(lang: str) -> None:
    text = {"fr": "les FAMa, Barkhane, les Américains et la coalition dirigée par les États-Unis",
            "en": "FAMa, Barkhane, the Americans and the US-led coalition"}[lang]  # fmt: skip
    assert [a for _, _, a in _found(text, lang)] == [
        "Military Forces of Mali (2021-)",
        "Military Forces of France (2017-)",
        "Military Forces of the United States (2025-)",
        "Global Coalition Against Daesh",
    ]


@pytest.mark.parametrize(
    "surface",
    ["Saraya Qasim al-Jabbarin", "Saryat Qasim al-Jabbarin", "Qassem al-Jabbarin", "Qasim al-Jabbarin",
     "Saraya Qassem al-Jabbarin", "saraya qasim al jabbarin"],
)  # fmt: skip
def test_transliterations_of_saraya_qasim_al_jabbarin(surface: str) -> None:
    for lang in ("en", "fr"):
        assert _found(f"{surface} claimed the attack", lang) == [
            (surface, "armed_group", "Saraya Qasim al-Jabbarin")
        ]


def test_arabic_name_and_spelling_variants() -> None:
    assert _found("أعلنت سرايا قاسم الجبارين", "ar")[0][2] == "Saraya Qasim al-Jabbarin"
    assert _found("سرايا قاسم الجبّارين", "ar")[0][2] == "Saraya Qasim al-Jabbarin"  # with a shadda


def test_arabic_clitics_stay_outside_the_span() -> None:
    text = "وقال الجيش إن قوات الأمن والشرطة وبالمسلحين"
    assert _found(text, "ar") == [
        ("الجيش", "military", None),
        ("قوات الأمن", "military", None),
        ("الشرطة", "police", None),
        ("المسلحين", "unidentified_armed", None),
    ]
    assert _texts("للجيش", "ar") == ["لجيش"]  # ل + ال


def test_arabic_demonyms_and_cases() -> None:
    assert [a for _, _, a in _found("الجيش العراقي والقوات الأمريكية", "ar")] == [
        "Military Forces of Iraq (2022-)",
        "Military Forces of the United States (2025-)",
    ]
    for word in ("مسلحون", "مسلحين", "مدنيا", "متظاهرون", "المتظاهرين"):
        assert len(find_actors(word, lang="ar")) == 1, word


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="supported: ar, en, fr"):
        find_actors("text", lang="xx")


def test_no_actor_in_plain_text() -> None:
    assert find_actors("", lang="en") == []
    assert find_actors("The weather was fine in the capital.", lang="en") == []


def test_a_demonym_written_with_initials_qualifies_the_noun_after_it() -> None:
    from eventdesk.actors import find_actors

    found = [
        (a.text, a.actor and a.actor.country_iso3)
        for a in find_actors("U.S. aircraft struck the depot.", lang="en")
    ]
    assert found == [("U.S. aircraft", "USA")]
    assert [a.text for a in find_actors("It was over. Soldiers left.", lang="en")] == ["Soldiers"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_burundis_ruling_party_youth_militia(lang: str) -> None:
    text = {"fr": "Des Imbonerakure ont battu un militant", "en": "Imbonerakure beat an activist"}
    assert [a for _, _, a in _found(text[lang], lang)][0] == (
        "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)"
    )


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("A Turkish convoy came under fire.", "en", "Turkish convoy"),
        ("a US logistics convoy was hit", "en", "US logistics convoy"),
        ("A French patrol was ambushed.", "en", "French patrol"),
        ("un convoi américain a été visé", "fr", "convoi américain"),
        ("trois convois logistiques américains ont sauté", "fr", "convois logistiques américains"),
        ("une patrouille française a été prise à partie", "fr", "patrouille française"),
    ],
)
def test_a_convoy_or_patrol_with_its_country_is_that_state_s_forces(
    text: str, lang: str, said: str
) -> None:
    ((found, kind, _),) = _found(text, lang)
    assert (found, kind) == (said, "military")


def test_a_convoy_alone_or_of_aid_is_no_mention() -> None:
    assert _texts("the convoy left and a patrol came back", "en") == []
    assert _texts("le convoi humanitaire est arrivé", "fr") == []


def test_one_civilian_by_trade_and_no_modifier() -> None:
    assert _found("gunmen shot a trader", "en")[1] == ("trader", "civilians", None)
    assert _found("ils ont tué un commerçant", "fr") == [("commerçant", "civilians", None)]
    # a noun that qualifies another is no one: "refugee camp"; nor a place: "Imam district"
    assert _texts("shells hit the refugee camp in Imam district", "en") == []
