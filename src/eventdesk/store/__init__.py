"""The store: documents, quarantine, learned boilerplate and runs, in SQLite or PostgreSQL.

`open_store(db)` opens (and migrates) a database; `Store` is the only code that talks SQL.
Writes of one batch happen in one transaction, so a killed run leaves whole batches or nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventdesk.errors import StoreError
from eventdesk.ingest.base import Rejected
from eventdesk.records import Document, Event
from eventdesk.store import tables as t
from eventdesk.store.documents import from_row, to_row
from eventdesk.store.engine import create, describe, migrate, resolve_url, sqlite_path
from eventdesk.store.fusion import FusionStore, write_events
from eventdesk.store.unknown import UnknownStore

__all__ = ["Store", "StoredDocument", "open_store", "resolve_url", "describe"]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document with what the store keeps beside it to learn boilerplate."""

    doc: Document
    outlet_key: str
    line_keys: list[str]
    examples: list[str] = field(default_factory=list)  # the paragraphs' texts, same order
    learn: bool = True  # count its lines toward boilerplate (False for reprints)


def open_store(db: str | None = None, *, create_missing: bool = True) -> Store:
    """The store at `db` (see resolve_url), migrated to the newest schema. A SQLite file that
    does not exist is created, or with `create_missing=False` a StoreError says so."""
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None and not create_missing and not Path(path).exists():
        raise StoreError(f"no database at {path}; `eventdesk ingest PATH --db {path}` creates one")
    engine = create(url)
    migrate(engine)
    return Store(engine, url)


class Store:
    def __init__(self, engine: sa.Engine, url: str):
        self.engine = engine
        self.url = url

    @property
    def where(self) -> str:
        return describe(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def refresh_statistics(self) -> bool:
        """SQLite: ANALYZE when the planner's statistics are missing or the events table has
        changed size by a fifth since (it then picks the covering indexes the API relies on).
        PostgreSQL keeps its own (autovacuum). Returns whether it analyzed."""
        if self.engine.dialect.name != "sqlite":
            return False
        with self.engine.begin() as conn:
            n = int(conn.scalar(sa.select(sa.func.count()).select_from(t.events)) or 0)
            known = (
                conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                ).first()
                and conn.exec_driver_sql(
                    "SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' LIMIT 1"
                ).scalar()
            )
            then = int(str(known).split()[0]) if known else -1
            if then >= 0 and abs(n - then) <= 0.2 * max(n, 1):
                return False
            conn.exec_driver_sql("ANALYZE")
        return True

    # documents
    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        q = sa.select(t.documents.c.content_hash).where(t.documents.c.content_hash.in_(hashes))
        with self.engine.connect() as conn:
            return set(conn.scalars(q))

    def documents(self, outlet_key: str | None = None) -> Iterator[Document]:
        q = sa.select(t.documents).order_by(t.documents.c.doc_id, t.documents.c.content_hash)
        if outlet_key:
            q = q.where(t.documents.c.outlet_key == outlet_key)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield from_row(row)

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.scalar(sa.select(sa.func.count()).select_from(t.metadata.tables[table])) or 0
            )

    def save(self, docs: Sequence[StoredDocument], rejected: Sequence[Rejected]) -> None:
        """Store a batch, its boilerplate counts and its quarantine rows in one transaction."""
        with self.engine.begin() as conn:
            if docs:
                conn.execute(
                    sa.insert(t.documents), [to_row(d.doc, d.outlet_key, d.line_keys) for d in docs]
                )
            self._count_lines(conn, [d for d in docs if d.learn])
            for r in rejected:
                self._quarantine(conn, r)

    # boilerplate
    def line_counts(self, outlet_key: str, keys: Iterable[str]) -> dict[str, int]:
        """How many documents of the outlet each known line was seen in (unseen lines left out)."""
        b = t.boilerplate.c
        found: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(keys)), 500):
                q = sa.select(b.line_key, b.doc_count).where(
                    b.outlet_key == outlet_key, b.line_key.in_(chunk)
                )
                found.update((k, n) for k, n in conn.execute(q))
        return found

    def _count_lines(self, conn: sa.Connection, docs: Sequence[StoredDocument]) -> None:
        per: dict[tuple[str, str], list[Any]] = {}
        for d in docs:
            for key, example in zip(d.line_keys, d.examples, strict=True):
                entry = per.setdefault((d.outlet_key, key), [0, example])
                entry[0] += 1
        if not per:
            return
        b = t.boilerplate.c
        existing: set[tuple[str, str]] = set()
        for outlet in {o for o, _ in per}:
            keys = [k for o, k in per if o == outlet]
            for chunk in _chunks(keys, 500):
                q = sa.select(b.line_key).where(b.outlet_key == outlet, b.line_key.in_(chunk))
                existing.update((outlet, k) for k in conn.scalars(q))
        new = [
            {"outlet_key": o, "line_key": k, "doc_count": n, "example": ex, "applied": False}
            for (o, k), (n, ex) in per.items()
            if (o, k) not in existing
        ]
        if new:
            conn.execute(sa.insert(t.boilerplate), new)
        upd = (
            sa.update(t.boilerplate)
            .where(b.outlet_key == sa.bindparam("o"), b.line_key == sa.bindparam("k"))
            .values(doc_count=b.doc_count + sa.bindparam("n"))
        )
        rows = [{"o": o, "k": k, "n": n} for (o, k), (n, _) in per.items() if (o, k) in existing]
        if rows:
            conn.execute(upd, rows)

    def unapplied_boilerplate(self, min_docs: int) -> list[tuple[str, str, str]]:
        """(outlet, line key, example) of lines that became boilerplate since documents were cleaned."""
        b = t.boilerplate.c
        q = sa.select(b.outlet_key, b.line_key, b.example).where(
            b.doc_count >= min_docs, b.applied == sa.false()
        )
        with self.engine.connect() as conn:
            return [(o, k, e) for o, k, e in conn.execute(q)]

    def documents_with_line(self, outlet_key: str, line_key: str) -> list[Document]:
        d = t.documents.c
        q = sa.select(t.documents).where(
            d.outlet_key == outlet_key, d.line_keys.contains(f'"{line_key}"')
        )
        with self.engine.connect() as conn:
            return [from_row(r) for r in conn.execute(q).mappings()]

    def update_cleaned(self, docs: Sequence[Document], applied: Sequence[tuple[str, str]]) -> None:
        """Write re-cleaned documents and mark the boilerplate lines that caused it as applied."""
        d, b = t.documents.c, t.boilerplate.c
        with self.engine.begin() as conn:
            for doc in docs:
                conn.execute(
                    sa.update(t.documents)
                    .where(d.content_hash == doc.content_hash)
                    .values(
                        clean=doc.clean,
                        offsets=json.dumps(doc.offsets, separators=(",", ":")),
                        language=doc.language,
                        published=doc.published,
                        published_precision=doc.published_precision
                        and doc.published_precision.value,
                        published_method=doc.published_method and doc.published_method.value,
                    )
                )
            for outlet, key in applied:
                conn.execute(
                    sa.update(t.boilerplate)
                    .where(b.outlet_key == outlet, b.line_key == key)
                    .values(applied=True)
                )

    # events
    def save_events(self, events: Sequence[Event]) -> int:
        """Insert or replace events (by id) with their sources, in one transaction; return how many
        were written (unchanged events and events a reviewer has acted on are not: `write_events`)."""
        with self.engine.begin() as conn:
            return write_events(conn, events, datetime.now(UTC))

    @property
    def fusion(self) -> FusionStore:
        """Each document's reports and the fused events they make (`store.fusion`)."""
        return FusionStore(self.engine)

    @property
    def unknown(self) -> UnknownStore:
        """Names of groups the actor registry did not know (`store.unknown`)."""
        return UnknownStore(self.engine)

    def events(self) -> Iterator[dict[str, Any]]:
        q = sa.select(t.events.c.data).order_by(t.events.c.event_date, t.events.c.id)
        with self.engine.connect() as conn:
            for (data,) in conn.execute(q):
                yield json.loads(data)

    # quarantine
    def _quarantine(self, conn: sa.Connection, r: Rejected) -> None:
        key = hashlib.sha256(
            json.dumps([r.origin, r.line, r.reason]).encode() + r.sample
        ).hexdigest()
        exists = conn.scalar(sa.select(t.quarantine.c.id).where(t.quarantine.c.key == key))
        if exists is None:
            conn.execute(
                sa.insert(t.quarantine).values(
                    key=key,
                    origin=r.origin,
                    line=r.line,
                    reason=r.reason,
                    message=r.message,
                    sample=r.sample,
                    created_at=datetime.now(UTC),
                )
            )

    def quarantined(self) -> list[dict[str, Any]]:
        q = sa.select(
            t.quarantine.c.origin,
            t.quarantine.c.line,
            t.quarantine.c.reason,
            t.quarantine.c.message,
        ).order_by(t.quarantine.c.id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    # runs
    def start_run(self, command: str) -> int:
        with self.engine.begin() as conn:
            res = conn.execute(
                sa.insert(t.runs).values(command=command, started_at=datetime.now(UTC))
            )
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, report: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                sa.update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(finished_at=datetime.now(UTC), report=json.dumps(report))
            )


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
