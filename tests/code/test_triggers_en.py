"""English trigger lexicon: what a sentence's triggers say, on sentences written for the tests."""

import pytest

from eventdesk.code.facts import _triggers
from eventdesk.code.lexicon import load


def _labels(sentence: str) -> list[tuple[str, str]]:
    lex = load("en")
    kept, _ = _triggers(sentence, lex, frozenset())
    return [(sentence[h.start : h.end], h.label) for h in kept]


def test_the_longest_overlapping_phrase_wins() -> None:
    found = _labels("A suicide car bomb hit the gate.")
    assert ("suicide car bomb", "Suicide bomb") in found
    assert ("car bomb", "Remote explosive/landmine/IED") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "About 900 troops are deployed as part of the coalition fighting the group's remnants.",
        "He died of a heart attack in his cell.",
        "The ministry bought two attack helicopters.",
        "Officials spoke of the war on terror.",
        "A general strike hit the port city.",  # a strike that is no air strike
        "Farmers sold wheat in the rebel-controlled Xqz market.",  # who holds it, no change
        "The crossing was controlled by Xqz guards.",
        "Workers of Arak walked out.",  # no misspelt air strike
        "The militia vowed to kill the defectors.",
    ],
)
def test_phrases_that_report_no_incident_hide_their_triggers(sentence: str) -> None:
    assert _labels(sentence) == []


def test_a_trigger_core_leaves_the_crowd_outside_the_trigger() -> None:
    sentence = "Hundreds of workers gathered outside the mill and demanded unpaid wages."
    found = _labels(sentence)
    assert ("demanded", "Peaceful protest") in found
    assert all(not text.startswith("workers") for text, _ in found)


def test_arrests_in_a_raid_are_arrests_not_an_attack() -> None:
    found = _labels("Police arrested four suspects in an overnight raid on the market.")
    assert [label for _, label in found] == ["Arrests"]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Observers counted 14 shots involving small arms near the village.", "Armed clash"),
        ("The air force targeted a convoy on the coast road.", "Air/drone strike"),
        ("Residents blocked the highway with burning tyres.", "Violent demonstration"),
        ("Border guards fired warning shots in the air.", "Other"),
        ("Troops re-captured the town after two days.", "@territory"),
        ("The coalition struck a bridge on the coast road.", "Air/drone strike"),
        ("Coalition jets bombed a fuel depot.", "Air/drone strike"),
        ("A VBIED hit the checkpoint at dawn.", "Remote explosive/landmine/IED"),
        ("An SVBIED hit the checkpoint at dawn.", "Suicide bomb"),
        ("Militants detonated a house near the bridge.", "Remote explosive/landmine/IED"),
        ("Fighters blew up a bridge on the river.", "Remote explosive/landmine/IED"),
        ("A farmer was gunned down near his field.", "@attack"),
        ("Settlers uprooted forty olive trees near the village.", "Looting/property destruction"),
        ("Graffiti was sprayed on the walls of a school.", "Looting/property destruction"),
        ("Rebels captured Tell Abyad from the army.", "@territory"),
        ("The militia imposed its control over the valley.", "@territory"),
        ("Troops established two bases near the border.", "Headquarters or base established"),
        ("Strikes by the coalition hit a militia depot.", "Air/drone strike"),
        ("Rebels claim to capture Tell Abyad.", "@territory"),
        ("Loyalist forces gained ground near the river.", "@territory"),
        ("Rebels advanced on army positions near the dam.", "Armed clash"),
        ("Students burned an effigy of the governor.", "Peaceful protest"),
        ("The rebels controlled Kfar Xqzab after the army left.", "@territory"),
        ("Troops completely controlled the Xqz airport on Friday.", "@territory"),
        ("The militia solidified its control over the valley.", "@territory"),
        # an armed side's vehicle destroyed, the weapon unsaid: a missile or shell (ACLED)
        (
            "Rebels destroyed a vehicle of the army's forces near the dam.",
            "Shelling/artillery/missile attack",
        ),
        ("Fighters destroyed two tanks on the ridge road.", "Shelling/artillery/missile attack"),
        ("Rioters destroyed two cars near the market.", "Looting/property destruction"),
        ("One strike by the US-led coalition destroyed a weapons cache.", "Air/drone strike"),
        ("Coalition aristrikes hit a farm near the town.", "Air/drone strike"),
        ("An airsrike hit the depot.", "Air/drone strike"),
        ("Rebels managed to kill a soldier at the checkpoint.", "@killing"),
        ("A judge was assasinated outside his home.", "@attack"),
        (
            "Militants destroyed, by unknown means, one Xqz military vehicle at the dam.",
            "Shelling/artillery/missile attack",
        ),
        ("Guerrillas fire a mortar on the barracks.", "Shelling/artillery/missile attack"),
        ("Troops opened heavy fire on the village.", "@attack"),
        ("Rebels managed to restore their control of the town.", "@territory"),
        ("The army reclaimed six villages south of the river.", "@territory"),
        ("Gunmen tried to kill a tribal leader in the market.", "@attack"),
        ("Fighters damaged a truck with remote violence.", "Shelling/artillery/missile attack"),
        ("An F-16 hit a depot in the valley.", "Air/drone strike"),
        ("The camps were struck by the Xqz air force at night.", "Air/drone strike"),
        ("Two bombs went off at dawn.", "Remote explosive/landmine/IED"),
        ("Army commanders said they now fully control Xqz district.", "@territory"),
        (
            "The militia handed over most of its remaining territories to the army.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_english_triggers(sentence: str, label: str) -> None:
    assert label in [lab for _, lab in _labels(sentence)]


@pytest.mark.parametrize(
    ("sentence", "trigger", "label"),
    [
        (
            "Villagers set alight two suspected cattle thieves near the river.",
            "set alight two suspected cattle thieves",
            "@attack",
        ),
        (
            "The car of a trader was set ablaze by a crowd of youths in the market.",
            "set ablaze",
            "Looting/property destruction",
        ),
        (
            "Members of a local gang handed out food parcels to families in the port.",
            "handed out",
            "Change to group/activity",
        ),
        (
            "Some 240 Honduran migrants returned from Guatemala on buses.",
            "returned",
            "Other",
        ),
    ],
)
def test_fires_aid_and_returns(sentence: str, trigger: str, label: str) -> None:
    assert (trigger, label) in _labels(sentence)


def test_people_set_on_fire_by_someone_are_not_the_object_of_the_burning() -> None:
    found = _labels("A house was set alight by suspected community members overnight.")
    assert all(label != "@attack" for _, label in found)


def test_a_drug_lab_dismantled_is_property_destroyed() -> None:
    found = dict(_labels("Police dismantled a cocaine lab on a farm and arrested two men."))
    assert found.get("dismantled a cocaine lab") == "Looting/property destruction"


@pytest.mark.parametrize(
    ("sentence", "trigger", "label"),
    [
        (
            "Army units captured two strategic hills overlooking the road.",
            "captured two strategic hills",
            "@territory",
        ),
        ("The rebels captured the town after a week.", "captured the town", "@territory"),
        (
            "Militia columns pushed north overnight to take control of the dam.",
            "pushed north overnight to take control",
            "@territory",
        ),
        ("The group extended its control over the valley.", "extended its control", "@territory"),
        (
            "Police entered the old quarter under a local reconciliation deal.",
            "entered the old quarter under a local reconciliation",
            "Non-violent transfer of territory",
        ),
        (
            "Two mortar rounds landed near the market.",
            "mortar rounds landed",
            "Shelling/artillery/missile attack",
        ),
        (
            "A stray shell fired by the militia fell in the square.",
            "shell fired",
            "Shelling/artillery/missile attack",
        ),
        ("Guards hit two teenagers outside the stadium.", "hit two teenagers", "@attack"),
        (
            "Villagers formed a night patrol to keep cattle raiders out.",
            "formed a night patrol",
            "Change to group/activity",
        ),
        ("A man threw acid at a shopkeeper in the market.", "threw acid at", "@attack"),
        (
            "Farmers blocked with their tractors the main highway for hours.",
            "blocked with their tractors the main highway",
            "Peaceful protest",
        ),
        (
            "Government jets carried out two strikes on a depot outside the town.",
            "jets carried out two strikes",
            "Air/drone strike",
        ),
        ("A coalition raid hit a fuel station.", "coalition raid", "Air/drone strike"),
        (
            "The militia withdrew, for reasons unknown, from the hills above the town.",
            "withdrew, for reasons unknown, from",
            "Non-violent transfer of territory",
        ),
        (
            "Rebels expelled the militia from two villages on the plain.",
            "expelled the militia from two villages",
            "@territory",
        ),
        (
            "Border guards foiled an infiltration attempt at dawn.",
            "foiled an infiltration",
            "Armed clash",
        ),
        ("A farmer was run over by an army truck.", "was run over by", "@attack"),
    ],
)
def test_territory_strikes_and_attacks_fought_off(sentence: str, trigger: str, label: str) -> None:
    assert (trigger, label) in _labels(sentence)
