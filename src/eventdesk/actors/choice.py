"""Choosing one actor among the targets of a surface, given the event's country and year."""

from __future__ import annotations

from eventdesk.actors.mention import Actor, Target
from eventdesk.actors.registry import Point, Registry


def choose(
    reg: Registry, targets: tuple[Target, ...], *, country_iso3: str | None, at: Point | None
) -> tuple[Actor, Target] | None:
    """The actor a surface names in a country at a time (None: the present).

    Names whose years do not cover `year` give way to those that do ("Taliban" is "Taliban"
    in 2020 and "Military Forces of Afghanistan (2021-)" from 2021); then names of the event's
    country come first, then names without a country, then other countries' names; a name
    beats a generic kind of equal rank ("military police" in Brazil is its Military Police);
    in the event's own country the newest name wins ("Boko Haram" after 2016 is coded as
    ISWAP and/or Boko Haram); then the alias file's order decides. Generic kinds take the event's country; head words
    ("forces") name nobody alone.
    """
    scored = []
    for order, target in enumerate(targets):
        if target.head_only:
            continue
        candidate = _candidate(reg, target, country_iso3, at)
        if candidate is None:
            continue
        actor, active, current, start = candidate
        home = actor.country_iso3
        rank = 1 if home is None or country_iso3 is None else (0 if home == country_iso3 else 2)
        newest = (-start[0], -start[1]) if rank == 0 and start else (0, 0)
        scored.append((not active, rank, target.generic, not current, newest, order, actor, target))
    if not scored:
        return None
    best = min(scored, key=lambda s: s[:6])
    return best[6], best[7]


def _candidate(
    reg: Registry, target: Target, country: str | None, at: Point | None
) -> tuple[Actor, bool, bool, Point | None] | None:
    """The actor of one target, whether it is in use in `year`, whether it is still in use,
    and the year it came into use."""
    if target.canonical is not None:
        known = reg.known[target.canonical]
        return known.actor, known.active(at), known.span.end is None, known.span.start
    iso3 = target.country_iso3 or country
    if target.kind is None or iso3 is None:
        return None
    actor = reg.kind_actor(target.kind, iso3, at)
    return (actor, True, True, None) if actor is not None else None


def kind_of(actor: Actor) -> str:
    """The kind of a named actor, from its ACLED type: what a generic word for it would be."""
    if actor.canonical.startswith("Police Forces"):
        return "police"
    return {5: "rioters", 6: "protesters", 7: "civilians"}.get(actor.inter or 0) or (
        "military" if actor.inter in (1, 8) else "armed_group"
    )
