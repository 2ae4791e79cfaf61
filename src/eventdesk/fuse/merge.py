"""One event from the reports of one incident: each field chosen by the reports' votes, every value
kept with the documents that gave it (`support`), every toll with its source (`fatalities_claims`).

- A report's vote weighs 1 / (copies of its article in the group): a wire story printed by five
  outlets is one voice, and one outlet (`source_count` counts distinct outlets).
- `fatalities` is the most conservative reported figure (the lowest report), every figure is kept.
- `disputed` is set, and `disputed_fields` names the fields, when the reports disagree on a toll,
  on the named perpetrator, on the claimant, or on the kind of event.
- The event's id is its earliest report's (by publication, then document): a later report joins
  an event without changing its id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TypeVar

from eventdesk.fuse.report import Report
from eventdesk.fuse.score import copies, named
from eventdesk.records import (
    SUB_EVENT_PARENT,
    Event,
    FatalityClaim,
    FieldSupport,
    Source,
    SubEventType,
    TimePrecision,
)

SUPPORTED_FIELDS = (
    "event_date",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "fatalities",
    "claimed_by",
)
_SUB_ORDER = {s: i for i, s in enumerate(SubEventType)}
T = TypeVar("T", bound=Hashable)


def event_id(anchor: Report) -> str:
    return "ev-" + anchor.key[:16]


def copy_of(group: list[Report]) -> dict[str, str]:
    """Document -> the first document (by publication) it is a copy of, itself if none."""
    docs = {r.doc.doc_id: r.doc for r in group}
    order = sorted(docs.values(), key=lambda d: (d.published or "9999", d.doc_id))
    first: dict[str, str] = {}
    for i, d in enumerate(order):
        original = next((o.doc_id for o in order[:i] if copies(o, d)), None)
        first[d.doc_id] = first.get(original, original) if original else d.doc_id
    return first


def fused(group: list[Report]) -> Event | None:
    """The event of one incident's reports, with the deaths some source calls non-combat as a
    dispute over whether it was an attack at all (None when only such statements are left)."""
    told = [r for r in group if not r.noncombat]
    denied = [r for r in group if r.noncombat]
    if not told:
        return None
    event = merge(told)
    if not denied:
        return event
    originals = copy_of(group)
    return replace(
        event,
        sources=event.sources + _sources(denied, originals),
        disputed=True,
        disputed_fields=tuple(dict.fromkeys((*event.disputed_fields, "event_type"))),
        support=event.support
        + (
            FieldSupport(
                "event_type", NON_COMBAT, tuple(dict.fromkeys(r.doc.doc_id for r in denied))
            ),
        ),
        source_count=len({_outlet(group, originals, d) for d in set(originals.values())}),
    )


NON_COMBAT = "Non-combat"  # the kind a source gives a death it says was no attack


def merge(group: list[Report]) -> Event:
    """The fused event of one incident's reports (sorted earliest first)."""
    if len(group) == 1:
        return _single(group[0])
    originals = copy_of(group)
    size: dict[str, int] = defaultdict(int)
    for r in group:
        size[originals[r.doc.doc_id]] += 1
    weight = {r.key: 1.0 / size[originals[r.doc.doc_id]] for r in group}
    date, precision = _date(group, weight)
    sub = _vote(group, weight, lambda r: r.event.sub_event_type, _type_tie)
    place = min(group, key=lambda r: (r.event.geo_precision, -_share(group, weight, r)))
    a1, inter1 = _actor(group, weight, "actor1", "inter1")
    a2, inter2 = _actor(group, weight, "actor2", "inter2")
    a2 = None if a2 == a1 else a2
    claims = [r for r in group if r.event.claimed_by]
    claimed = _vote(claims, weight, lambda r: r.event.claimed_by) if claims else None
    tolls = {r.key: r.event.fatalities for r in group if r.event.fatalities is not None}
    outlets = {_outlet(group, originals, d) for d in set(originals.values())}
    disputes = _disputes(group, tolls)
    anchor = group[0]
    e = place.event
    return replace(
        e, id=event_id(anchor), event_date=date, time_precision=precision,
        event_type=SUB_EVENT_PARENT[sub], sub_event_type=sub,
        actor1=a1, actor2=a2, inter1=inter1, inter2=inter2 if a2 else None,
        assoc_actor_1=_union(group, "assoc_actor_1"), assoc_actor_2=_union(group, "assoc_actor_2"),
        fatalities=min(tolls.values()) if tolls else None, claimed_by=claimed,
        confidence=round(min(0.99, max(r.event.confidence for r in group) + 0.05 * (len(outlets) - 1)), 3),
        sources=_sources(group, originals), fatalities_claims=_toll_claims(group),
        disputed=bool(disputes), disputed_fields=disputes, source_count=len(outlets),
        notes=_notes(date, sub, a1, e.location, e.admin1, len(outlets)),
        support=_support(group),
    )  # fmt: skip


def _single(r: Report) -> Event:
    e = r.event
    return replace(
        e, id=event_id(r), sources=_sources([r], {r.doc.doc_id: r.doc.doc_id}),
        fatalities_claims=_toll_claims([r]), source_count=1,
        disputed_fields=("fatalities",) if e.disputed else (), support=_support([r]),
    )  # fmt: skip


def _share(group: list[Report], weight: dict[str, float], r: Report) -> float:
    return sum(weight[o.key] for o in group if o.event.geonameid == r.event.geonameid)


def _vote(
    group: list[Report],
    weight: dict[str, float],
    value: Callable[[Report], T],
    tie: Callable[[T], object] = lambda v: 0,
) -> T:
    """The value with the most weight; ties by `tie`, then by the earliest report giving it."""
    total: dict[T, float] = defaultdict(float)
    first: dict[T, int] = {}
    for i, r in enumerate(group):
        v = value(r)
        total[v] += weight[r.key]
        first.setdefault(v, i)
    return min(total, key=lambda v: (-round(total[v], 6), tie(v), first[v]))


def _type_tie(sub: SubEventType) -> int:
    return _SUB_ORDER[sub]


def _date(group: list[Report], weight: dict[str, float]) -> tuple[str, TimePrecision]:
    best = min(r.event.time_precision for r in group)
    precise = [r for r in group if r.event.time_precision == best]
    date = _vote(precise, weight, lambda r: r.event.event_date, lambda d: d)
    return date, TimePrecision(best)


def _actor(
    group: list[Report], weight: dict[str, float], name: str, inter: str
) -> tuple[str | None, int | None]:
    given = [r for r in group if getattr(r.event, name) is not None]
    named_ = [r for r in given if named(getattr(r.event, name))]
    pool = named_ or given
    if not pool:
        return None, None
    actor = _vote(pool, weight, lambda r: getattr(r.event, name))
    source = next(r for r in pool if getattr(r.event, name) == actor)
    return actor, getattr(source.event, inter)


def _union(group: list[Report], name: str) -> tuple[str, ...]:
    return tuple(sorted({a for r in group for a in getattr(r.event, name)}))


def _outlet(group: list[Report], originals: dict[str, str], doc_id: str) -> str:
    return next(r.doc.outlet for r in group if r.doc.doc_id == doc_id)


def _disputes(group: list[Report], tolls: dict[str, int]) -> tuple[str, ...]:
    out = []
    if len(set(tolls.values())) > 1 or any(r.event.disputed for r in group):
        out.append("fatalities")
    armed = {r.event.actor1 for r in group if named(r.event.actor1) and r.event.inter1 != 7}
    if len(armed) > 1:
        out.append("actor1")
    if len({r.event.claimed_by for r in group if r.event.claimed_by}) > 1:
        out.append("claimed_by")
    if len({r.event.event_type for r in group}) > 1:
        out.append("event_type")
    return tuple(out)


def _sources(group: list[Report], originals: dict[str, str]) -> tuple[Source, ...]:
    out: list[Source] = []
    for r in group:
        original = originals[r.doc.doc_id]
        for s in r.event.sources:
            out.append(
                replace(
                    s,
                    profile=r.doc.profile,
                    credited_to=r.doc.credited_to,
                    copy_of=None if original == r.doc.doc_id else original,
                )  # fmt: skip
            )
    return tuple(out)


def _toll_claims(group: list[Report]) -> tuple[FatalityClaim, ...]:
    """Every toll of every report, with who gave it: the authority the article cites, else the
    outlet."""
    seen: dict[tuple[int, str], FatalityClaim] = {}
    for r in group:
        claimant = next((s.reported_by for s in r.event.sources if s.reported_by), None)
        told = r.event.fatalities_claims
        if not told and r.event.fatalities is not None:
            told = (FatalityClaim(r.event.fatalities, r.doc.doc_id),)
        for c in told:
            seen.setdefault(
                (c.count, c.doc_id), FatalityClaim(c.count, c.doc_id, claimant or r.doc.outlet)
            )
    return tuple(seen.values())


def _support(group: list[Report]) -> tuple[FieldSupport, ...]:
    out: list[FieldSupport] = []
    for name in SUPPORTED_FIELDS:
        docs: dict[object, list[str]] = {}
        for r in group:
            value = getattr(r.event, name)
            value = value.value if isinstance(value, SubEventType) else value
            if value is not None:
                ids = docs.setdefault(value, [])
                if r.doc.doc_id not in ids:
                    ids.append(r.doc.doc_id)
        out.extend(FieldSupport(name, v, tuple(ids)) for v, ids in docs.items())  # type: ignore[arg-type]
    return tuple(out)


def _notes(date: str, sub: SubEventType, actor: str | None, location: str, admin1: str | None,
           outlets: int) -> str:  # fmt: skip
    where = f"{location} ({admin1})" if admin1 and admin1 != location else location
    who = actor or "Unidentified actors"
    return f"On {date}, {sub.value.lower()} in {where}; initiated by {who}. Reported by {outlets} outlets."
