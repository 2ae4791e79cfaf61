"""A claim by a family of groups ("Islamic State") is a claim, and its claimant did what a
nameless attacker is said to have done; a missile or a drone brought down is disrupted weapons
use (sentences written for the tests)."""

from __future__ import annotations

import pytest

from tests.code.coding import events as coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Islamic State claimed responsibility for a suicide bombing at a Shia mosque in "
         "Herat on Friday that killed nine worshippers.", "en"),
        ("A suicide bomber killed nine worshippers at a Shia mosque in Herat on Friday. "
         "Islamic State claimed responsibility for the attack.", "en"),
        ("Un kamikaze a tué neuf fidèles vendredi dans une mosquée chiite de Herat. Le groupe "
         "Etat islamique a revendiqué l'attentat.", "fr"),
    ],
)  # fmt: skip
def test_a_family_of_groups_claims_and_did_it(text: str, lang: str) -> None:
    (event,) = coded(text, lang)
    assert event.claimed_by == "Islamic State (Afghanistan)"
    assert event.actor1 == "Islamic State (Afghanistan)"
    assert event.sub_event_type == "Suicide bomb"


def test_a_claim_does_not_rename_a_named_attacker() -> None:
    (event,) = coded(
        "JNIM fighters attacked a checkpoint near Gao on Friday, killing two policemen. "
        "Islamic State claimed responsibility for the attack.",
        "en",
    )
    assert event.claimed_by is not None and event.claimed_by.startswith("Islamic State")
    assert event.actor1 is not None and event.actor1.startswith("JNIM")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rebels fired a missile at Jazan on Sunday; the coalition said it had been "
         "intercepted.", "en"),
        ("Two drones launched at the airport of Jazan on Sunday were shot down, officials "
         "said.", "en"),
        ("Un drone lancé contre l'aéroport de Jazan dimanche soir a été abattu.", "fr"),
    ],
)  # fmt: skip
def test_a_missile_or_drone_brought_down_is_disrupted_weapons_use(text: str, lang: str) -> None:
    (event,) = coded(text, lang)
    assert event.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Suspected jihadists ambushed a patrol near Kaya, Burkina Faso, on Monday, killing "
         "six soldiers. Army reinforcements later repelled the assailants, a security source "
         "said. JNIM claimed responsibility for the ambush on Tuesday.", "en"),
        ("Des djihadistes présumés ont attaqué lundi un poste de gendarmerie à Kaya, au "
         "Burkina Faso, tuant six gendarmes. Le JNIM a revendiqué l'attaque mardi.", "fr"),
    ],
)  # fmt: skip
def test_a_claimant_names_the_group_of_doers_told_only_as_jihadists(text: str, lang: str) -> None:
    (event,) = coded(text, lang)
    assert event.claimed_by is not None and event.claimed_by.startswith("JNIM")
    assert event.actor1 == event.claimed_by


def test_claimed_the_ambush_is_a_claim() -> None:
    (event,) = coded(
        "Gunmen ambushed a customs patrol near Kaya, Burkina Faso, on Monday, killing three "
        "officers. JNIM claimed the ambush in a statement on Wednesday.",
        "en",
    )
    assert event.claimed_by is not None and event.claimed_by.startswith("JNIM")
