"""When a predicted event may stand for a gold event, and the one-to-one assignment per document.

A prediction is compatible with a gold event when what the gold knows agrees:
- country: `country_iso3` equal (when the gold has one);
- province: `admin1_code` equal, or, when both have coordinates and the gold code is null or the
  codes differ, the points within `MAX_KM`; a gold with neither code nor coordinates leaves the
  place unknown;
- date: the prediction's date is one of the gold's exact dates (`event_date`, `acceptable_dates`),
  or within `date_tolerance_days` (default 3) of `event_date`; a null gold date is unknown.

The assignment maximises the number of required gold events matched (greedy best-first by cost,
then augmenting paths), then matches what predictions are left to non-required gold events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from eventdesk.evaluation.gold import Record, date_tolerance, exact_dates, is_required

MAX_KM = 50.0
EARTH_KM = 6371.0088


def km_between(a: Record, b: Record) -> float | None:
    """Great-circle distance of two records' latitude/longitude, None when either lacks them."""
    if not (has_point(a) and has_point(b)):
        return None
    lat1, lon1, lat2, lon2 = map(
        math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def has_point(record: Record) -> bool:
    return all(
        isinstance(record.get(k), int | float) and not isinstance(record.get(k), bool)
        for k in ("latitude", "longitude")
    )


def parse_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_gap(gold: Record, pred: Record) -> int | None:
    """Days between the dates (0 when the gold's is unknown or exact), None when out of range."""
    exact = exact_dates(gold)
    if not exact:
        return 0
    if pred.get("event_date") in exact:
        return 0
    gold_day, pred_day = parse_date(gold.get("event_date")), parse_date(pred.get("event_date"))
    if gold_day is None or pred_day is None:
        return None
    gap = abs((pred_day - gold_day).days)
    return gap if gap <= date_tolerance(gold) else None


def place_cost(gold: Record, pred: Record) -> float | None:
    """0 for the same province, km / MAX_KM when near enough, None when the place disagrees."""
    code = gold.get("admin1_code")
    km = km_between(gold, pred)
    if code is not None and pred.get("admin1_code") == code:
        return min(km / MAX_KM, 1.0) if km is not None else 0.0
    if km is not None:
        return km / MAX_KM if km <= MAX_KM else None
    unknown = code is None and not has_point(gold)
    return 0.0 if unknown else None


def cost(gold: Record, pred: Record) -> float | None:
    """How far apart a compatible pair is (lower is closer); None when they cannot match."""
    country = gold.get("country_iso3")
    if country is not None and pred.get("country_iso3") != country:
        return None
    gap = date_gap(gold, pred)
    place = place_cost(gold, pred) if gap is not None else None
    if gap is None or place is None:
        return None
    same_type = gold.get("event_type") in (None, pred.get("event_type"))
    return gap + place + (0.0 if same_type else 0.25)


def assign(golds: Sequence[Record], preds: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs for the events of one document. The
    result does not depend on the order of the predictions: ties are broken by their content."""
    order = sorted(range(len(preds)), key=lambda p: _content_key(preds[p]))
    pairs = _assign(golds, [preds[p] for p in order])
    return sorted((g, order[p]) for g, p in pairs)


def _content_key(pred: Record) -> tuple[str, ...]:
    return tuple(
        str(pred.get(k))
        for k in ("event_date", "event_type", "sub_event_type", "admin1_code", "location",
                  "actor1", "actor2", "fatalities", "id")
    )  # fmt: skip


def _assign(golds: Sequence[Record], preds: Sequence[Record]) -> list[tuple[int, int]]:
    edges = {
        (g, p): c
        for g, gold in enumerate(golds)
        for p, pred in enumerate(preds)
        if (c := cost(gold, pred)) is not None
    }
    required = [g for g, gold in enumerate(golds) if is_required(gold)]
    optional = [g for g, gold in enumerate(golds) if not is_required(gold)]
    owner: dict[int, int] = {}  # prediction index -> gold index
    for tier in (required, optional):
        free = {p for p in range(len(preds)) if p not in owner}
        tier_edges = {e: c for e, c in edges.items() if e[0] in tier and e[1] in free}
        _match_tier(tier, tier_edges, owner)
    return sorted((g, p) for p, g in owner.items())


def _match_tier(
    tier: list[int], edges: dict[tuple[int, int], float], owner: dict[int, int]
) -> None:
    """Greedy best-first over `edges`, then an augmenting path for each gold still unmatched."""
    ranked = sorted(edges, key=lambda edge: (edges[edge], edge))
    taken: set[int] = set()
    for g, p in ranked:
        if g not in taken and p not in owner:
            owner[p] = g
            taken.add(g)
    options: dict[int, list[int]] = {g: [] for g in tier}
    for g, p in ranked:
        options[g].append(p)
    for g in tier:
        if g not in taken and _augment(g, options, owner, set()):
            taken.add(g)


def _augment(g: int, options: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    for p in options[g]:
        if p in seen:
            continue
        seen.add(p)
        if p not in owner or _augment(owner[p], options, owner, seen):
            owner[p] = g
            return True
    return False
