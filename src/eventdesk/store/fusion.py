"""Fused events in the store: each document's reports, the events they make, and the ids events
had before (`event_aliases`). Used by `eventdesk.fuse.stored`, which decides what to write.

Events are written only when they changed, so fusing what is already fused writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from eventdesk.records import SCHEMA_VERSION, Event
from eventdesk.store import tables as t
from eventdesk.store.eventrows import index_columns

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A stored report: its key, the document it was read from, and its JSON."""

    key: str
    event_id: str | None
    content_hash: str
    data: dict[str, Any]  # {"event": ..., "doc": ...}


@dataclass(frozen=True, slots=True)
class NewReport:
    key: str
    doc_id: str
    content_hash: str
    country_iso3: str
    admin1_code: str | None
    day: int
    data: dict[str, Any]


class FusionStore:
    def __init__(self, engine: sa.Engine):
        self.engine = engine

    # reading
    def near(self, country_iso3: str, first_day: int, last_day: int) -> list[ReportRow]:
        """Reports of a country whose event date lies between two days (ordinals)."""
        r = t.reports.c
        q = sa.select(r.key, r.event_id, r.content_hash, r.data).where(
            r.country_iso3 == country_iso3, r.day >= first_day, r.day <= last_day
        )
        return self._rows(q)

    def of_documents(self, content_hashes: Iterable[str]) -> list[ReportRow]:
        r = t.reports.c
        return self._chunked(lambda chunk: r.content_hash.in_(chunk), content_hashes)

    def of_events(self, event_ids: Iterable[str]) -> list[ReportRow]:
        r = t.reports.c
        return self._chunked(lambda chunk: r.event_id.in_(chunk), event_ids)

    def unfused(self, doc_ids: Iterable[str]) -> list[str]:
        """Events listing these documents that no report belongs to: coded before fusion was
        stored (a database from before 0003_fusion); the fused events replace them."""
        doc_ids = sorted(set(doc_ids))
        es, r = t.event_sources.c, t.reports.c
        out: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(doc_ids), _CHUNK):
                q = sa.select(es.event_id).where(
                    es.doc_id.in_(doc_ids[i : i + _CHUNK]),
                    ~sa.exists().where(r.event_id == es.event_id),
                )
                out.update(conn.scalars(q))
        return sorted(out)

    def resolve(self, event_id: str) -> str | None:
        """The id an event has now: its own if it exists, else the one it was merged into."""
        with self.engine.connect() as conn:
            if conn.scalar(sa.select(t.events.c.id).where(t.events.c.id == event_id)):
                return event_id
            return conn.scalar(
                sa.select(t.event_aliases.c.event_id).where(t.event_aliases.c.old_id == event_id)
            )

    def _chunked(self, where, values: Iterable[str]) -> list[ReportRow]:  # type: ignore[no-untyped-def]
        values = sorted(set(values))
        r = t.reports.c
        out: list[ReportRow] = []
        for i in range(0, len(values), _CHUNK):
            q = sa.select(r.key, r.event_id, r.content_hash, r.data).where(
                where(values[i : i + _CHUNK])
            )
            out.extend(self._rows(q))
        return out

    def _rows(self, q: sa.Select) -> list[ReportRow]:  # type: ignore[type-arg]
        with self.engine.connect() as conn:
            return [ReportRow(k, e, h, json.loads(d)) for k, e, h, d in conn.execute(q)]

    # writing
    def write(
        self,
        reports: Sequence[NewReport],
        dropped: Iterable[str],
        membership: Mapping[str, str | None],
        events: Sequence[Event],
        gone: Mapping[str, str | None],
    ) -> None:
        """In one transaction: insert `reports`, delete the `dropped` report keys, point each
        report key of `membership` at its event (None: at none), write the `events` that changed, delete the
        events that are `gone` (old id -> the id they live on as, recorded as an alias; None
        when no event is left of them)."""
        now = datetime.now(UTC)
        r = t.reports.c
        with self.engine.begin() as conn:
            for chunk in _chunks(sorted(set(dropped))):
                conn.execute(sa.delete(t.reports).where(r.key.in_(chunk)))
            if reports:
                conn.execute(sa.insert(t.reports), [_report_row(n, now) for n in reports])
            for event_id, keys in _by_event(membership).items():
                for chunk in _chunks(keys):
                    conn.execute(
                        sa.update(t.reports).where(r.key.in_(chunk)).values(event_id=event_id)
                    )
            write_events(conn, events, now)
            _retire(conn, gone, now)


def write_events(conn: sa.Connection, events: Sequence[Event], now: datetime) -> int:
    """Insert or replace events (by id) with their sources; return how many were written. An
    event stored with the same data is left as it is (re-running writes nothing), and an event a
    reviewer has acted on is a human's now: the machine's new coding of it is not written (its
    review can be undone to let it through again). Each write bumps the event's version."""
    if not events:
        return 0
    data = {e.id: e.to_json() for e in events}
    text = {i: json.dumps(d, ensure_ascii=False) for i, d in data.items()}
    e_ = t.events.c
    stored: dict[str, tuple[str, int, str]] = {}
    for chunk in _chunks(sorted(data)):
        q = sa.select(e_.id, e_.data, e_.version, e_.status).where(e_.id.in_(chunk))
        stored.update((i, (d, v, st)) for i, d, v, st in conn.execute(q))
    changed = [
        e
        for e in events
        if e.id not in stored or (stored[e.id][0] != text[e.id] and stored[e.id][2] == "new")
    ]
    if not changed:
        return 0
    delete_events(conn, [e.id for e in changed])
    conn.execute(
        sa.insert(t.events),
        [
            {
                "id": e.id,
                **index_columns(data[e.id]),
                "data": text[e.id],
                "schema_version": SCHEMA_VERSION,
                "updated_at": now,
                "status": "new",
                "version": (stored[e.id][1] if e.id in stored else 0) + 1,
                "merged_into": None,
            }  # fmt: skip
            for e in changed
        ],
    )
    rows = {(e.id, s.doc_id, s.start): s.end for e in changed for s in e.sources}
    if rows:
        conn.execute(
            sa.insert(t.event_sources),
            [
                {"event_id": i, "doc_id": d, "start": st, "end": en}
                for (i, d, st), en in rows.items()
            ],
        )
    return len(changed)


def delete_events(conn: sa.Connection, ids: Sequence[str]) -> None:
    for chunk in _chunks(sorted(set(ids))):
        conn.execute(sa.delete(t.event_sources).where(t.event_sources.c.event_id.in_(chunk)))
        conn.execute(sa.delete(t.events).where(t.events.c.id.in_(chunk)))


def _retire(conn: sa.Connection, gone: Mapping[str, str | None], now: datetime) -> None:
    """Delete the events that are gone and remember where each lives on (aliases that pointed at
    a gone id follow it; with nowhere to go, they go too)."""
    if not gone:
        return
    delete_events(conn, list(gone))
    a = t.event_aliases.c
    for old, new in sorted(gone.items()):
        conn.execute(sa.delete(t.event_aliases).where(a.old_id == old))
        if new is None:
            conn.execute(sa.delete(t.event_aliases).where(a.event_id == old))
            continue
        conn.execute(sa.update(t.event_aliases).where(a.event_id == old).values(event_id=new))
        conn.execute(sa.insert(t.event_aliases).values(old_id=old, event_id=new, created_at=now))


def _report_row(n: NewReport, now: datetime) -> dict[str, Any]:
    return {
        "key": n.key, "event_id": None, "doc_id": n.doc_id, "content_hash": n.content_hash,
        "country_iso3": n.country_iso3, "admin1_code": n.admin1_code, "day": n.day,
        "data": json.dumps(n.data, ensure_ascii=False), "schema_version": SCHEMA_VERSION,
        "created_at": now,
    }  # fmt: skip


def _by_event(membership: Mapping[str, str | None]) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {}
    for key, event_id in sorted(membership.items()):
        out.setdefault(event_id, []).append(key)
    return out


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i : i + _CHUNK])
