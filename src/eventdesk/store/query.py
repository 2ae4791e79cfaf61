"""Reading events: the one place that knows how a filter becomes SQL (API, dashboard and exports
all read through here).

`EventFilter` holds what a user can ask for; `page()` gives one page in a stable order with an
opaque cursor for the next (keyset pagination, so page 1,000 costs what page 1 does);
`stream()` yields every match for exports; `points()` and `timeline()` feed the map and the chart.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from eventdesk.errors import ConfigError
from eventdesk.store import tables as t

E = t.events.c
VISIBLE = ("new", "accepted", "edited")  # rejected and merged events are hidden unless asked for
STATUSES = ("new", "accepted", "edited", "rejected", "merged")
SORTS: dict[str, sa.ColumnElement[Any]] = {
    "event_date": E.event_date,
    "confidence": E.confidence,
    "fatalities": sa.func.coalesce(E.fatalities, -1),
    "priority": E.priority,
}
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every field narrows the result; empty lists and None mean 'any'."""

    country: Sequence[str] = ()  # ISO3 codes or country names
    admin1: Sequence[str] = ()  # ISO 3166-2 codes or province names
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None
    event_type: Sequence[str] = ()
    sub_event_type: Sequence[str] = ()
    actor: str | None = None  # part of any actor's name, any case
    q: str | None = None  # words that must all appear (notes, places, actors, evidence)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_confidence: float | None = None
    disputed: bool | None = None
    status: Sequence[str] = field(default=VISIBLE)
    ids: Sequence[str] = ()

    def where(self) -> list[sa.ColumnElement[bool]]:
        """The SQL conditions of this filter."""
        c: list[sa.ColumnElement[bool]] = []
        if self.country:
            c.append(sa.or_(E.country_iso3.in_([x.upper() for x in self.country]),
                            E.country.in_(self.country)))  # fmt: skip
        if self.admin1:
            c.append(sa.or_(E.admin1_code.in_(self.admin1), E.admin1.in_(self.admin1)))
        if self.date_from:
            c.append(E.event_date >= self.date_from)
        if self.date_to:
            c.append(E.event_date <= self.date_to)
        if self.event_type:
            c.append(E.event_type.in_(self.event_type))
        if self.sub_event_type:
            c.append(E.sub_event_type.in_(self.sub_event_type))
        if self.actor:
            c.append(E.actors.contains(self.actor.lower(), autoescape=True))
        for word in (self.q or "").lower().split():
            c.append(E.search.contains(word, autoescape=True))
        if self.bbox:
            c.extend(_bbox(*self.bbox))
        if self.min_confidence is not None:
            c.append(E.confidence >= self.min_confidence)
        if self.disputed is not None:
            c.append(E.disputed == self.disputed)
        if self.status:
            c.append(E.status.in_(self.status))
        if self.ids:
            c.append(E.id.in_(self.ids))
        return c


def _bbox(west: float, south: float, east: float, north: float) -> list[sa.ColumnElement[bool]]:
    lat = [E.latitude >= south, E.latitude <= north]
    if west <= east:
        return [*lat, E.longitude >= west, E.longitude <= east]
    return [*lat, sa.or_(E.longitude >= west, E.longitude <= east)]  # across the antimeridian


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None


def page(conn: sa.Connection, f: EventFilter, sort: str = "-event_date", limit: int = 50,
         cursor: str | None = None, with_total: bool = False) -> Page:  # fmt: skip
    """One page of events (each with its review state), then a cursor for the next page."""
    key, desc = _sort(sort)
    limit = max(1, min(limit, MAX_LIMIT))
    q = _select(f).add_columns(key.label("sort_key"))
    if cursor:
        value, last_id = _decode(cursor)
        after = (key < value) | ((key == value) & (E.id < last_id)) if desc else (
            (key > value) | ((key == value) & (E.id > last_id)))  # fmt: skip
        q = q.where(after)
    order = [key.desc(), E.id.desc()] if desc else [key.asc(), E.id.asc()]
    rows = conn.execute(q.order_by(*order).limit(limit + 1)).mappings().all()
    items = [_item(r) for r in rows[:limit]]
    nxt = _encode(rows[limit - 1]["sort_key"], rows[limit - 1]["id"]) if len(rows) > limit else None
    total = count(conn, f) if with_total else None
    return Page(items, nxt, total)


def count(conn: sa.Connection, f: EventFilter) -> int:
    return int(conn.scalar(sa.select(sa.func.count()).select_from(t.events).where(*f.where())) or 0)


def stream(
    conn: sa.Connection, f: EventFilter, sort: str = "event_date"
) -> Iterator[dict[str, Any]]:
    """Every matching event, in order, fetched in batches (for exports of any size)."""
    key, desc = _sort(sort)
    order = [key.desc(), E.id.desc()] if desc else [key.asc(), E.id.asc()]
    result = conn.execution_options(stream_results=True, yield_per=2000).execute(
        _select(f).order_by(*order)
    )
    for row in result.mappings():
        yield _item(row)


def get(conn: sa.Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(_select(EventFilter(status=(), ids=[event_id]))).mappings().first()
    return _item(row) if row else None


def points(conn: sa.Connection, f: EventFilter) -> dict[str, list[Any]]:
    """Columns for the map: ids, coordinates and the type of every matching event."""
    where = [*f.where(), E.latitude.is_not(None), E.longitude.is_not(None)]
    q = sa.select(E.id, E.latitude, E.longitude, E.event_type, E.fatalities).where(*where)
    ids: list[str] = []
    lat: list[float] = []
    lon: list[float] = []
    types: list[int] = []
    deaths: list[int] = []
    type_index: dict[str, int] = {}
    for i, la, lo, ty, fa in conn.execute(q):
        ids.append(i)
        lat.append(round(la, 5))
        lon.append(round(lo, 5))
        types.append(type_index.setdefault(ty, len(type_index)))
        deaths.append(fa or 0)
    return {"types": list(type_index), "id": ids, "lat": lat, "lon": lon, "type": types,
            "fatalities": deaths}  # fmt: skip


def timeline(conn: sa.Connection, f: EventFilter, unit: str = "month") -> list[dict[str, Any]]:
    """Counts (and fatalities) by period and event type, periods in order."""
    width = {"year": 4, "month": 7, "day": 10}.get(unit)
    if width is None:
        raise ConfigError(f"unknown timeline unit {unit!r}; use day, month or year")
    period = sa.func.substr(E.event_date, 1, width).label("period")
    q = (
        sa.select(period, E.event_type, sa.func.count().label("n"),
                  sa.func.coalesce(sa.func.sum(E.fatalities), 0).label("fatalities"))
        .where(*f.where())
        .group_by(period, E.event_type)
        .order_by(period, E.event_type)
    )  # fmt: skip
    return [{"period": p, "event_type": ty, "count": n, "fatalities": int(fa)}
            for p, ty, n, fa in conn.execute(q)]  # fmt: skip


def facets(conn: sa.Connection, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts per country, province, type and status, for the filter menus."""
    out: dict[str, list[dict[str, Any]]] = {}
    pairs = {"country": (E.country_iso3, E.country), "admin1": (E.admin1_code, E.admin1),
             "event_type": (E.event_type, E.event_type), "status": (E.status, E.status)}  # fmt: skip
    for name, (code, label) in pairs.items():
        q = (sa.select(code, label, sa.func.count()).where(*f.where())
             .group_by(code, label).order_by(sa.func.count().desc()))  # fmt: skip
        out[name] = [{"value": c, "label": lb, "count": n} for c, lb, n in conn.execute(q)
                     if c is not None]  # fmt: skip
    return out


def document(conn: sa.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored document by its id (the newest, if the same id was ingested with other texts)."""
    d = t.documents.c
    q = (sa.select(d.doc_id, d.title, d.url, d.source, d.published, d.language, d.text, d.format)
         .where(d.doc_id == doc_id).order_by(d.ingested_at.desc()).limit(1))  # fmt: skip
    row = conn.execute(q).mappings().first()
    if row is None:
        return None
    cited = sa.select(t.event_sources.c.event_id).where(t.event_sources.c.doc_id == doc_id)
    return {**row, "id": row["doc_id"], "events": sorted(set(conn.scalars(cited)))}


def _select(f: EventFilter) -> sa.Select[Any]:
    return sa.select(E.id, E.data, E.status, E.version, E.priority, E.merged_into,
                     E.updated_at).where(*f.where())  # fmt: skip


def _item(row: Any) -> dict[str, Any]:
    data = json.loads(row["data"])
    updated = row["updated_at"]
    data["review"] = {
        "status": row["status"],
        "version": row["version"],
        "priority": row["priority"],
        "merged_into": row["merged_into"],
        "updated_at": updated.isoformat() if updated is not None else None,
    }
    return data


def _sort(sort: str) -> tuple[sa.ColumnElement[Any], bool]:
    desc = sort.startswith("-")
    key = SORTS.get(sort.lstrip("-"))
    if key is None:
        raise ConfigError(
            f"unknown sort {sort!r}; use one of {', '.join(SORTS)} (- for descending)"
        )
    return key, desc


def _encode(value: Any, last_id: str) -> str:
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    raw = json.dumps([value, last_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, last_id = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"bad cursor {cursor!r}: pass back the next_cursor of a page") from exc
    return value, str(last_id)
