from eventdesk.code.classify import Context, Hit, decide
from eventdesk.code.sentences import split
from eventdesk.records import EventType, SubEventType


def _texts(text):
    return [text[s:e] for s, e in split(text)]


def test_sentences_keep_abbreviations_and_split_paragraphs():
    text = "On 2 May 2024, U.S. forces left Gen. Smith's base. Two rockets hit it.\nM. Diallo a parlé. Fin."
    assert _texts(text) == [
        "On 2 May 2024, U.S. forces left Gen. Smith's base.",
        "Two rockets hit it.",
        "M. Diallo a parlé.",
        "Fin.",
    ]


NONE = Context(False, False, False, False, False, False)


def test_specific_trigger_beats_a_generic_attack():
    hits = [Hit(0, 5, "@attack", 0.6), Hit(10, 20, "Remote explosive/landmine/IED", 0.9)]
    assert decide(hits, NONE)[:2] == (EventType.EXPLOSIONS, SubEventType.REMOTE_EXPLOSIVE)


def test_attack_on_civilians_is_violence_against_civilians_and_on_troops_a_battle():
    hits = [Hit(0, 5, "@attack", 0.6)]
    civ = Context(True, False, False, False, False, True)
    troops = Context(False, True, False, False, False, True)
    assert decide(hits, civ)[1] == SubEventType.ATTACK
    assert decide(hits, troops)[1] == SubEventType.ARMED_CLASH


def test_protests_by_intervention_and_force():
    hits = [Hit(0, 5, "Peaceful protest", 0.9)]
    assert decide(hits, NONE)[1] == SubEventType.PEACEFUL_PROTEST
    dispersed = Context(False, False, False, True, False, False)
    assert decide(hits, dispersed)[1] == SubEventType.PROTEST_WITH_INTERVENTION
    shot = Context(False, False, False, True, True, True)
    assert decide(hits, shot)[1] == SubEventType.EXCESSIVE_FORCE
    riot = [*hits, Hit(8, 12, "Violent demonstration", 0.85)]
    assert decide(riot, NONE)[:2] == (EventType.RIOTS, SubEventType.VIOLENT_DEMONSTRATION)


def test_defused_bomb_is_disrupted_weapons_use_not_an_explosion():
    hits = [
        Hit(0, 5, "Disrupted weapons use", 0.95),
        Hit(6, 9, "Remote explosive/landmine/IED", 0.9),
    ]
    assert decide(hits, NONE)[1] == SubEventType.DISRUPTED_WEAPONS_USE


def test_territory_depends_on_who_took_it():
    hits = [Hit(0, 5, "@territory", 0.75)]
    state = Context(False, True, True, False, False, False)
    assert decide(hits, state)[1] == SubEventType.GOVERNMENT_REGAINS_TERRITORY
    assert decide(hits, NONE)[1] == SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY
