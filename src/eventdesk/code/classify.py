"""ACLED event type and sub-event type from the triggers of a clause and their context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventdesk.records import SUB_EVENT_PARENT, EventType, SubEventType

S = SubEventType
PROTEST = {S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE}
RIOT = {S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE}
# When two specific triggers meet in one clause, the more telling one wins.
_PRIORITY = [
    S.CHEMICAL_WEAPON, S.SUICIDE_BOMB, S.DISRUPTED_WEAPONS_USE, S.AIR_DRONE_STRIKE,
    S.REMOTE_EXPLOSIVE, S.GRENADE, S.SHELLING, S.SEXUAL_VIOLENCE, S.ABDUCTION,
    S.EXCESSIVE_FORCE, S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE, S.PROTEST_WITH_INTERVENTION,
    S.PEACEFUL_PROTEST, S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    S.ARMED_CLASH, S.ATTACK, S.LOOTING, S.ARRESTS, S.AGREEMENT, S.CHANGE_TO_GROUP,
    S.HEADQUARTERS_ESTABLISHED, S.NON_VIOLENT_TRANSFER, S.OTHER,
]  # fmt: skip
ARMED_KINDS = {
    "military",
    "police",
    "unidentified_armed",
    "rebels",
    "militia",
    "armed_group",
    "state",
}


_SURE_DEMONSTRATION = 0.75  # a protest word this sure says people demonstrated ("protesters")
_DEMONSTRATING = {S.PEACEFUL_PROTEST.value, S.PROTEST_WITH_INTERVENTION.value}
_SURE_CROWD = 0.6  # a protest word weaker than this yields to a surer trigger of another kind


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    label: str
    weight: float


@dataclass(frozen=True, slots=True)
class Context:
    """What the clause says beside its triggers."""

    civilian_target: bool
    armed_target: bool
    state_initiator: bool
    intervention: bool
    excessive: bool
    killed: bool


def demonstrated(hits: Iterable[Hit]) -> bool:
    """Whether a trigger surely says people demonstrated ("protesters", "a rally"), not only a
    detail of a demonstration ("tear gas", which a raid uses too)."""
    return any(h.label in _DEMONSTRATING and h.weight >= _SURE_DEMONSTRATION for h in hits)


def decide(hits: Sequence[Hit], ctx: Context) -> tuple[EventType, SubEventType, float] | None:
    specific = [h for h in hits if not h.label.startswith("@")]
    unrest = max((h.weight for h in specific if S(h.label) in PROTEST | RIOT), default=0.0)
    other = max((h.weight for h in specific if S(h.label) not in PROTEST | RIOT), default=0.0)
    if 0 < unrest < _SURE_CROWD and other > unrest:
        # "banderoles", "marche" beside a coup or a bombing: a detail of it, not a protest
        specific = [h for h in specific if S(h.label) not in PROTEST | RIOT]
    labels = {S(h.label) for h in specific}
    weight = max((h.weight for h in hits), default=0.0)
    if labels & PROTEST or labels & RIOT:
        return _protest(labels, ctx, weight, demonstrated(specific))
    if labels - {S.ARRESTS, S.LOOTING, S.PROTEST_WITH_INTERVENTION}:
        best = min(labels, key=_PRIORITY.index)
        if best == S.ARMED_CLASH and ctx.civilian_target and not ctx.armed_target:
            best = S.ATTACK
        return SUB_EVENT_PARENT[best], best, weight
    placeholders = {h.label for h in hits if h.label.startswith("@")}
    if "@territory" in placeholders:
        sub = (
            S.GOVERNMENT_REGAINS_TERRITORY
            if ctx.state_initiator
            else S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
        )
        return SUB_EVENT_PARENT[sub], sub, weight
    if placeholders & {"@attack", "@killing"}:
        sub = S.ARMED_CLASH if ctx.armed_target and not ctx.civilian_target else S.ATTACK
        return SUB_EVENT_PARENT[sub], sub, weight
    if labels:
        best = min(labels, key=_PRIORITY.index)
        return SUB_EVENT_PARENT[best], best, weight
    return None


# A crowd that fights the police or wrecks property riots ("les manifestants se sont affrontés
# aux policiers", "protesters looted shops").
_VIOLENT_CROWD = {S.ARMED_CLASH, S.LOOTING}


def _protest(
    labels: set[SubEventType], ctx: Context, weight: float, demonstration: bool
) -> tuple[EventType, SubEventType, float]:
    """`demonstration`: a trigger surely says people demonstrated (`demonstrated`)."""
    if labels & RIOT or labels & _VIOLENT_CROWD:
        best = (
            S.MOB_VIOLENCE
            if S.MOB_VIOLENCE in labels and S.VIOLENT_DEMONSTRATION not in labels
            else S.VIOLENT_DEMONSTRATION
        )
        return EventType.RIOTS, best, weight
    if (
        ctx.excessive
        or (ctx.killed and ctx.intervention)
        # lethal force by the police or the army at a demonstration ("soldiers shot dead three
        # demonstrators"); not deaths the demonstrators caused (a riot, above)
        or (ctx.killed and ctx.state_initiator and demonstration)
    ):
        return EventType.PROTESTS, S.EXCESSIVE_FORCE, weight
    if ctx.intervention or S.PROTEST_WITH_INTERVENTION in labels or S.ARRESTS in labels:
        return EventType.PROTESTS, S.PROTEST_WITH_INTERVENTION, weight
    return EventType.PROTESTS, S.PEACEFUL_PROTEST, weight
