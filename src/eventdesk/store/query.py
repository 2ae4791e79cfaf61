"""Reading events: the one place that knows how a filter becomes SQL (API, dashboard and exports
all read through here).

`EventFilter` holds what a user can ask for; `page()` gives one page in a stable order with an
opaque cursor for the next (keyset pagination, so page 1,000 costs what page 1 does);
`stream()` yields every match for exports. Counts for the map, the chart and the menus are in
`store.overview`, from the same filter.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
import sqlalchemy as sa

from eventdesk.errors import ConfigError
from eventdesk.store import tables as t

E = t.events.c
VISIBLE = ("new", "accepted", "edited")  # rejected and merged events are hidden unless asked for
HIDDEN = ("rejected", "merged")
STATUSES = VISIBLE + HIDDEN
SORTS: dict[str, sa.ColumnElement[Any]] = {
    "event_date": E.event_date,
    "confidence": E.confidence,
    "fatalities": sa.func.coalesce(E.fatalities, -1),
    "priority": E.priority,
}
MAX_LIMIT = 1000
ISO_3166_2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


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
            codes, names = _country_codes(self.country)
            c.append(sa.or_(E.country_iso3.in_(codes), E.country.in_(names)) if names
                     else E.country_iso3.in_(codes))  # fmt: skip
        if self.admin1:
            codes = [a for a in self.admin1 if ISO_3166_2.match(a)]
            names = [a for a in self.admin1 if not ISO_3166_2.match(a)]
            c.append(sa.or_(E.admin1_code.in_(codes), E.admin1.in_(names)) if names
                     else E.admin1_code.in_(codes))  # fmt: skip
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
        if set(self.status) == set(VISIBLE):  # NOT IN: the planner keeps to the date indexes
            c.append(E.status.not_in(HIDDEN))
        elif self.status:
            c.append(E.status.in_(self.status))
        if self.ids:
            c.append(E.id.in_(self.ids))
        return c


@cache
def _country_names() -> dict[str, str]:
    """Lower-cased country name (English and French, ACLED's and others) -> ISO3."""
    from eventdesk.geo.curated import country_names

    return {c.text.lower(): c.iso3 for c in country_names() if c.kind != "adj"}


@cache
def acled_names() -> dict[str, str]:
    """ISO3 -> ACLED's English country name."""
    from eventdesk.geo.curated import country_names

    return {c.iso3: c.text for c in country_names() if c.kind == "acled"}


def _country_codes(values: Sequence[str]) -> tuple[list[str], list[str]]:
    """ISO3 codes for codes and known names; the names left over are matched as they are."""
    codes, names = [], []
    for v in values:
        if len(v) == 3 and v.isalpha():
            codes.append(v.upper())
        elif v.lower() in _country_names():
            codes.append(_country_names()[v.lower()])
        else:
            names.append(v)
    return codes, names


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
    """One page of events (each with its review state), then a cursor for the next page.

    The ids are chosen first (filter, order, limit on the indexed columns alone), then their
    JSON is read: the sort never carries the events' text."""
    key, desc = _sort(sort)
    limit = max(1, min(limit, MAX_LIMIT))
    q = sa.select(E.id, key.label("sort_key")).where(*f.where())
    if cursor:
        value, last_id = _decode(cursor)
        pair, mark = sa.tuple_(key, E.id), sa.tuple_(sa.literal(value), sa.literal(last_id))
        q = q.where(pair < mark if desc else pair > mark)
    order = [key.desc(), E.id.desc()] if desc else [key.asc(), E.id.asc()]
    rows = conn.execute(q.order_by(*order).limit(limit + 1)).all()
    ids = [r[0] for r in rows[:limit]]
    found = {
        r["id"]: _item(r) for r in conn.execute(_select(EventFilter(status=(), ids=ids))).mappings()
    }
    nxt = _encode(rows[limit - 1][1], rows[limit - 1][0]) if len(rows) > limit else None
    total = count(conn, f) if with_total else None
    return Page([found[i] for i in ids], nxt, total)


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


def document(conn: sa.Connection, doc_id: str) -> dict[str, Any] | None:
    """A stored document by its id (the newest, if the same id was ingested with other texts)."""
    d = t.documents.c
    q = (sa.select(d.doc_id, d.title, d.url, d.source, d.published, d.language, d.text, d.format)
         .where(d.doc_id == doc_id).order_by(d.ingested_at.desc()).limit(1))  # fmt: skip
    row = conn.execute(q).mappings().first()
    if row is None:
        return None
    cited = sa.select(t.event_sources.c.event_id).where(t.event_sources.c.doc_id == doc_id)
    fields = {str(k): v for k, v in row.items()}  # plain str keys (not SQLAlchemy's quoted names)
    return {**fields, "id": row["doc_id"], "events": sorted(set(conn.scalars(cited)))}


def _select(f: EventFilter) -> sa.Select[Any]:
    return sa.select(E.id, E.data, E.status, E.version, E.priority, E.merged_into,
                     E.updated_at).where(*f.where())  # fmt: skip


def _item(row: Any) -> dict[str, Any]:
    data = orjson.loads(row["data"])
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
