"""Fusing new documents' reports with those in the store.

A document's reports replace the ones stored for it; then the reports linked to them, directly
or through others (`score.edge`), are read from the store around their dates, and that group is
clustered again: it is what a batch of every stored report would give for these reports, since
clustering joins only linked reports. Only the events of that group are rewritten, and an event
whose id is gone (merged into another, or an earlier report joined it) is recorded as an alias
of the id it lives on as.

An event's id is its earliest report's (`merge.event_id`): a report published later than the
event's first one joins it and the id stays.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from eventdesk.fuse.cluster import MAX_WINDOW, Index, clusters
from eventdesk.fuse.merge import fused
from eventdesk.fuse.report import Report, report_from_json
from eventdesk.fuse.score import edge
from eventdesk.records import Event
from eventdesk.store.fusion import FusionStore, NewReport, ReportRow

REACH = MAX_WINDOW + 1  # days around a report within which its candidates are read


def fuse_stored(fs: FusionStore, new: Mapping[str, Sequence[Report]]) -> list[Event]:
    """Store the reports of each document (content hash -> the reports coded from it now),
    fuse them with the stored ones, and return the events they belong to."""
    old_rows = fs.of_documents(new)
    fresh = {r.key: r for reports in new.values() for r in reports}
    dropped = sorted(row.key for row in old_rows if row.key not in fresh)
    hashes = {r.key: h for h, reports in new.items() for r in reports}
    pool = _Pool(fs, ignore=set(dropped))
    was = {row.key: row.event_id for row in old_rows}
    for r in fresh.values():
        pool.add(r, event_id=was.get(r.key))
    # the events the replaced reports were part of are fused again, without them
    touched = {row.event_id for row in old_rows if row.event_id}
    seeds = list(fresh.values()) + pool.members(touched)
    group = _linked(pool, seeds)
    events, membership = _fuse(group.values())
    before = {k: e for k in group if (e := pool.event_of.get(k))}
    ids = {e.id for e in events}
    gone = _gone(before, membership, touched, ids)
    doc_ids = {r.doc.doc_id for r in fresh.values()}
    gone.update((old, None) for old in fs.unfused(doc_ids) if old not in ids and old not in gone)
    stored = {row.key for row in old_rows}
    fs.write(
        [_new_report(r, hashes[r.key]) for k, r in fresh.items() if k not in stored],
        dropped,
        {k: membership.get(k) for k in group if before.get(k) != membership.get(k)},
        events,
        gone,
    )
    return [e for e in events if any(membership.get(k) == e.id for k in fresh)]


class _Pool:
    """Reports read from the store (and the new ones), indexed for `near`, read by country and
    day range as the group reaches further."""

    def __init__(self, fs: FusionStore, ignore: set[str]):
        self.fs = fs
        self.ignore = ignore
        self.index = Index()
        self.reports: dict[str, Report] = {}
        self.event_of: dict[str, str | None] = {}
        self.read: dict[str, tuple[int, int]] = {}  # country -> days read

    def add(self, r: Report, event_id: str | None) -> None:
        if r.key in self.reports or r.key in self.ignore:
            return
        self.reports[r.key] = r
        self.event_of[r.key] = event_id
        self.index.add(r)

    def add_rows(self, rows: Iterable[ReportRow]) -> None:
        for row in rows:
            if row.key not in self.reports and row.key not in self.ignore:
                data = row.data
                report = report_from_json(
                    data["event"], data["doc"], data.get("population"), data.get("noncombat", False)
                )
                self.add(report, row.event_id)

    def cover(self, r: Report) -> None:
        """Read the stored reports of r's country within REACH days of it."""
        country = r.event.country_iso3
        lo, hi = r.day - REACH, r.day + REACH
        have = self.read.get(country)
        if have is not None and have[0] <= lo and hi <= have[1]:
            return
        if have is not None:
            lo, hi = min(lo, have[0]), max(hi, have[1])
        self.add_rows(self.fs.near(country, lo, hi))
        self.read[country] = (lo, hi)

    def members(self, event_ids: set[str]) -> list[Report]:
        if not event_ids:
            return []
        self.add_rows(self.fs.of_events(event_ids))
        return [r for k, r in self.reports.items() if self.event_of.get(k) in event_ids]


def _linked(pool: _Pool, seeds: Iterable[Report]) -> dict[str, Report]:
    """The seeds and every report linked to them, directly or through others."""
    group: dict[str, Report] = {}
    frontier = [s for s in seeds if s.key not in pool.ignore]
    for s in frontier:
        group[s.key] = s
    while frontier:
        r = frontier.pop()
        pool.cover(r)
        for other in pool.index.near(r):
            if other.key not in group and edge(r, other) is not None:
                group[other.key] = other
                frontier.append(other)
    return group


def _fuse(reports: Iterable[Report]) -> tuple[list[Event], dict[str, str]]:
    events: list[Event] = []
    membership: dict[str, str] = {}
    for g in clusters(reports):
        event = fused(g)
        if event is None:
            continue  # only deaths called non-combat: no event, the reports wait
        events.append(event)
        membership.update((r.key, event.id) for r in g)
    return events, membership


def _gone(
    before: Mapping[str, str], after: Mapping[str, str], touched: set[str], ids: set[str]
) -> dict[str, str | None]:
    """Old event id -> the new event most of its reports are in (None when none is left), for
    the ids no event has now."""
    old_ids = set(before.values()) | touched
    out: dict[str, str | None] = {}
    for old in sorted(old_ids - ids):
        votes = Counter(after[k] for k, e in before.items() if e == old and k in after)
        out[old] = min(votes, key=lambda e: (-votes[e], e)) if votes else None
    return out


def _new_report(r: Report, content_hash: str) -> NewReport:
    return NewReport(
        key=r.key, doc_id=r.doc.doc_id, content_hash=content_hash,
        country_iso3=r.event.country_iso3, admin1_code=r.event.admin1_code,
        day=dt.date.fromisoformat(r.event.event_date).toordinal(),
        data={"event": r.event.to_json(), "doc": r.doc.to_json(), "population": r.population,
              "noncombat": r.noncombat},
    )  # fmt: skip
