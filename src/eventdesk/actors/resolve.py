"""From a mention to ACLED's canonical actor, once the event's country and year are known."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from eventdesk.actors import matcher, registry, text
from eventdesk.actors.choice import choose
from eventdesk.actors.mention import Actor, ActorMention, Target

# How ACLED names the crowd of a demonstration: whoever marches is "Protesters (X)" in a
# Protests event and "Rioters (X)" when the initiator of a Riots event.
_CROWD = frozenset({"civilians", "protesters", "rioters"})
_STATE = frozenset({"military", "aviation", "air_force"})
_CLOSED_PERIOD = re.compile(r"\((\d{4})-\d{4}\)")


def resolve(
    mention: ActorMention,
    *,
    country_iso3: str | None,
    year: int | None,
    month: int | None = None,
    event_type: str | None = None,
    initiator: bool = False,
) -> Actor | None:
    """The canonical actor of a mention in an event of `country_iso3` and `year`.

    Generic words take the event's country ("soldiers" in Iraq in 2021: "Military Forces of
    Iraq (2020-)"); demonym phrases keep theirs ("US troops"). `month`, when known, places
    the event in its state period in a year of change (else mid-year is assumed).
    With `event_type`, crowds are named as ACLED names them: "Protests" makes residents or
    rioters "Protesters (X)", and the `initiator` of "Riots" is "Rioters (X)".
    State forces acting outside their country get ACLED's inter code 8 (external forces), or
    the name of their operation (operations.tsv: Saudi forces in Yemen).
    None when nothing fits: a generic word without a country, an unknown name.
    """
    reg = registry.load()
    at = registry.point(year, month)
    chosen = choose(reg, targets_of(mention), country_iso3=country_iso3, at=at)
    if chosen is None:
        return None
    actor, target = chosen
    abroad = bool(country_iso3 and actor.country_iso3 and actor.country_iso3 != country_iso3)
    if abroad and target.kind in _STATE:
        actor = reg.operation(actor.country_iso3, country_iso3, at) or actor  # type: ignore[arg-type]
    crowd = _crowd(target.kind, event_type, initiator)
    if crowd is not None and actor.country_iso3 is not None:
        actor = reg.kind_actor(crowd, actor.country_iso3, at) or actor
    if actor.inter == 1 and country_iso3 and actor.country_iso3 not in (None, country_iso3):
        actor = replace(actor, inter=8)
    return actor


def _crowd(kind: str | None, event_type: str | None, initiator: bool) -> str | None:
    if kind not in _CROWD:
        return None
    if event_type == "Protests":
        return "protesters"
    if event_type == "Riots" and (initiator or kind == "protesters"):
        return "rioters"
    return None


@lru_cache(maxsize=8192)
def targets_of(mention: ActorMention) -> tuple[Target, ...]:
    """What a mention may refer to: its words read again, else its kind and actor."""
    reg = registry.load()
    surface = mention.text
    for lang in ("ar",) if text.is_arabic(surface) else ("en", "fr"):
        toks = list(text.tokens(surface))
        found = matcher.merge(
            lang, matcher.scan(matcher.lexicon(lang), toks, surface), toks, surface
        )
        if len(found) == 1 and (found[0].start, found[0].end) == _trimmed(surface):
            kind, actor = matcher.describe(reg, found[0].targets)
            if kind == mention.kind and (mention.actor is None or actor == mention.actor):
                return found[0].targets
    return _fallback(mention)


def _trimmed(surface: str) -> tuple[int, int]:
    return len(surface) - len(surface.lstrip()), len(surface.rstrip())


def _fallback(mention: ActorMention) -> tuple[Target, ...]:
    reg = registry.load()
    actor, kind = mention.actor, mention.kind
    if actor is None:
        return (Target(kind=kind),) if kind in reg.kinds else ()
    home = actor.country_iso3
    if kind in reg.kinds and home in reg.countries:
        generated = reg.kind_name(kind, home, None)  # type: ignore[arg-type]
        if generated and registry.strip_period(generated) == registry.strip_period(actor.canonical):
            return (Target(kind=kind, country_iso3=home),)
    return (Target(canonical=actor.canonical),) if actor.canonical in reg.known else ()


def canonical(name: str) -> Actor | None:
    """The actor a canonical name or an alias stands for (the present name if it has several).

    Accepts ACLED names as they are ("Civilians (Mexico)"), names with a closed period
    ("Military Forces of Iraq (2014-2018)") or none ("Military Forces of Russia"), and
    aliases in any language ("Hachd al-Chaabi", "FAMa", "حزب الله").
    """
    reg = registry.load()
    name = " ".join(name.split())
    for candidate in (name, _CLOSED_PERIOD.sub(r"(\1-)", name)):
        if candidate in reg.known:
            return reg.known[candidate].actor
    by_fold = _folded()
    found = by_fold.get(name.casefold()) or by_fold.get(registry.strip_period(name).casefold())
    if found is not None:
        return found
    for lang in ("ar",) if text.is_arabic(name) else ("en", "fr"):
        hits = matcher.mentions(lang, name)
        if len(hits) == 1 and hits[0].text == name and hits[0].actor is not None:
            return hits[0].actor
    return None


@cache
def _folded() -> dict[str, Actor]:
    """Canonical names by casefolded name and by name without period (the latest period wins)."""
    reg = registry.load()
    out: dict[str, Actor] = {}
    for name, known in sorted(
        reg.known.items(), key=lambda kv: (kv[1].span.end is None, kv[1].span.start or (0, 0))
    ):
        out[name.casefold()] = known.actor
        out[registry.strip_period(name).casefold()] = known.actor
    return out
