"""resolve and canonical: kinds by country and year, periods, named actors through time."""

from __future__ import annotations

import pytest

from eventdesk.actors import Actor, ActorMention, canonical, find_actors, resolve


def _mention(text: str, lang: str = "en") -> ActorMention:
    found = find_actors(text, lang=lang)
    assert len(found) == 1, found
    return found[0]


def _name(
    text: str, country: str | None, year: int | None, lang: str = "en", **kw: object
) -> str | None:
    actor = resolve(_mention(text, lang), country_iso3=country, year=year, **kw)  # type: ignore[arg-type]
    return actor.canonical if actor else None


@pytest.mark.parametrize(
    ("country", "year", "expected"),
    [
        ("IRQ", 2021, "Military Forces of Iraq (2020-)"),
        ("IRQ", 2016, "Military Forces of Iraq (2014-)"),
        ("SYR", 2018, "Military Forces of Syria (2000-)"),
        ("USA", 2021, "Military Forces of the United States (2021-)"),
        ("MLI", 2021, "Military Forces of Mali (2021-)"),
        ("NGA", 2023, "Military Forces of Nigeria (2023-)"),
        ("BFA", 2022, "Military Forces of Burkina Faso (2022-)"),
        ("NER", 2023, "Military Forces of Niger (2023-)"),
        ("COD", 2020, "Military Forces of the Democratic Republic of Congo (2019-)"),
        ("CAN", 2020, "Military Forces of Canada"),  # no periods written for it
    ],
)
def test_military_by_country_and_year(country: str, year: int, expected: str) -> None:
    assert _name("soldiers", country, year) == expected


def test_a_year_of_change_uses_the_month_or_mid_year() -> None:
    assert (
        _name("soldiers", "IRQ", 2018) == "Military Forces of Iraq (2014-)"
    )  # new government in October
    assert _name("soldiers", "IRQ", 2018, month=11) == "Military Forces of Iraq (2018-)"
    assert _name("soldiers", "IRQ", 2018, month=3) == "Military Forces of Iraq (2014-)"


def test_generic_kinds_take_the_event_country() -> None:
    assert _name("civilians", "MEX", 2020) == "Civilians (Mexico)"
    assert _name("gunmen", "NGA", 2020) == "Unidentified Armed Group (Nigeria)"
    assert _name("gang members", "MEX", 2020) == "Unidentified Gang (Mexico)"
    assert _name("protesters", "IRQ", 2019) == "Protesters (Iraq)"
    assert _name("rioters", "IRQ", 2019) == "Rioters (Iraq)"
    assert _name("policemen", "IRQ", 2021) == "Police Forces of Iraq (2020-)"
    assert _name("vigilantes", "NGA", 2020) == "Unidentified Communal Militia (Nigeria)"
    assert _name("gunmen", None, 2020) is None


def test_kind_overrides_by_country() -> None:
    assert _name("militants", "SOM", 2020) == "Al Shabaab"
    assert _name("Islamic State", "NGA", 2020) == "Islamic State (West Africa)"
    assert _name("Islamic State", "IRQ", 2020) == "Islamic State (Iraq)"
    assert _name("Islamic State", "MLI", 2020) == "Islamic State (Greater Sahara)"
    assert _name("Islamic State", "MLI", 2023) == "Islamic State (Sahel)"
    assert _name("warplanes", "SYR", 2018) == "Allied Syrian and/or Russian Forces"
    assert _name("gendarmes", "TUR", 2018) == "Military Forces of Turkey (2016-) Gendarmerie"
    assert (
        _name("peacekeepers", "MLI", 2019)
        == "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)"
    )


def test_demonym_phrases_keep_their_country_and_foreign_forces_are_external() -> None:
    actor = resolve(_mention("US troops"), country_iso3="IRQ", year=2021)
    assert actor == Actor("Military Forces of the United States (2021-)", 8, "USA")
    assert resolve(_mention("Iraqi forces"), country_iso3="IRQ", year=2021) == Actor(
        "Military Forces of Iraq (2020-)", 1, "IRQ"
    )
    assert _name("Saudi forces", "YEM", 2018) == "Operation Restoring Hope"
    assert _name("Saudi forces", "SAU", 2018) == "Military Forces of Saudi Arabia (2015-)"
    assert _name("forces irakiennes", "IRQ", 2021, lang="fr") == "Military Forces of Iraq (2020-)"
    assert (
        _name("Syrian warplanes", "SYR", 2018)
        == "Military Forces of Syria (2000-) Syrian Arab Air Force"
    )


def test_named_actors_change_name_with_time() -> None:
    assert _name("Taliban", "AFG", 2020) == "Taliban"
    assert _name("Taliban", "AFG", 2022) == "Military Forces of Afghanistan (2021-)"
    assert _name("Houthis", "YEM", 2014) == "Ansar Allah"
    assert (
        _name("Houthis", "YEM", 2018)
        == "Military Forces of Yemen (2016-) Supreme Political Council"
    )
    assert _name("Hachd al-Chaabi", "IRQ", 2015, lang="fr") == "Popular Mobilization Forces"
    assert (
        _name("PMF", "IRQ", 2021) == "Military Forces of Iraq (2020-) Popular Mobilization Forces"
    )
    assert _name("RSF", "SDN", 2020) == "Military Forces of Sudan (2019-) Rapid Support Forces"
    assert _name("RSF", "SDN", 2023) == "RSF: Rapid Support Forces"
    assert (
        _name("Boko Haram", "NGA", 2012)
        == "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
    )


def test_ambiguous_aliases_follow_the_event_country() -> None:
    assert _name("SNA", "SOM", 2020) == "Military Forces of Somalia (2017-)"
    assert _name("SNA", "SYR", 2020) == "Turkish-backed Syrian National Army"
    assert _name("FDS", "MLI", 2020, lang="fr") == "Military Forces of Mali (2013-)"
    assert _name("FDS", "SYR", 2020, lang="fr") == "QSD: Syrian Democratic Forces"
    assert (
        _name("military police", "BRA", 2020) == "Military Forces of Brazil (2019-) Military Police"
    )
    assert _name("military police", "EGY", 2020) == "Police Forces of Egypt (2014-)"


def test_crowds_are_named_by_the_event_type() -> None:
    assert _name("residents", "IND", 2020, event_type="Protests") == "Protesters (India)"
    assert _name("protesters", "IND", 2020, event_type="Riots") == "Rioters (India)"
    assert _name("residents", "IND", 2020, event_type="Riots") == "Civilians (India)"
    assert _name("residents", "IND", 2020, event_type="Riots", initiator=True) == "Rioters (India)"
    assert (
        _name("soldiers", "IND", 2020, event_type="Protests") == "Military Forces of India (2014-)"
    )


def test_hand_built_mentions_resolve_by_kind_and_actor() -> None:
    assert resolve(
        ActorMention(0, 5, "xyzzy", "military", None), country_iso3="IRQ", year=2021
    ) == Actor("Military Forces of Iraq (2020-)", 1, "IRQ")
    iraqi = ActorMention(
        0, 5, "xyzzy", "military", Actor("Military Forces of Iraq (2022-)", 1, "IRQ")
    )
    assert resolve(iraqi, country_iso3="IRQ", year=2016) == Actor(
        "Military Forces of Iraq (2014-)", 1, "IRQ"
    )
    assert resolve(ActorMention(0, 5, "xyzzy", None, None), country_iso3="IRQ", year=2021) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Civilians (Mexico)", "Civilians (Mexico)"),
        ("Military Forces of Iraq (2014-2018)", "Military Forces of Iraq (2014-)"),
        ("Military Forces of Russia", "Military Forces of Russia (2000-)"),
        ("military forces of iraq (2020-)", "Military Forces of Iraq (2020-)"),
        ("Hachd al-Chaabi", "Military Forces of Iraq (2022-) Popular Mobilization Forces"),
        ("FAMa", "Military Forces of Mali (2021-)"),
        ("حزب الله", "Hezbollah"),
        ("Qassem al-Jabbarin", "Saraya Qasim al-Jabbarin"),
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
    ],
)
def test_canonical_lookup(name: str, expected: str) -> None:
    actor = canonical(name)
    assert actor is not None and actor.canonical == expected


def test_canonical_of_unknown_names_is_none() -> None:
    assert canonical("Nobody In Particular") is None
    assert canonical("soldiers") is None  # a generic word names no one without a country


def test_families_of_groups_are_named_by_country() -> None:
    assert _name("Al Qaeda", "YEM", 2018) == "AQAP: Al Qaeda in the Arabian Peninsula"
    assert (
        _name("Al-Qaïda", "MLI", 2020, lang="fr") == "JNIM: Group for Support of Islam and Muslims"
    )
    assert _name("القاعدة", "DZA", 2015, lang="ar") == "AQIM: Al Qaeda in the Islamic Maghreb"
    assert _name("Al Qaeda", "AFG", 2015) == "Al Qaeda"


def test_unattributed_air_strikes_are_the_air_force_the_country_usually_faces() -> None:
    assert _name("airstrikes", "YEM", 2018) == "Operation Restoring Hope"
    assert _name("airstrikes", "SYR", 2018) == "Allied Syrian and/or Russian Forces"
    assert _name("airstrikes", "NGA", 2020) == "Military Forces of Nigeria (2015-)"
    assert _name("Turkish airstrikes", "IRQ", 2020) == "Military Forces of Turkey (2016-)"
    assert (
        _name("Turkish border guards", "SYR", 2018)
        == "Military Forces of Turkey (2016-) Gendarmerie"
    )
