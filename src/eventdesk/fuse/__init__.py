"""The fuse stage: one event per incident, from the events each document reports.

`reports_of(doc, events)` turns the code stage's events of one document into reports (with the
document's outlet, profile, wire credit and MinHash signature); `fuse(reports)` groups the
reports of every incident and returns one event each, with every source, every claimed toll and
who said what. The result depends on the set of reports only: fusing them one at a time, in any
order, or all at once gives the same events with the same ids.
Assigns: Event records (sources with outlet profiles, fatalities_claims, disputed,
disputed_fields, source_count, support); Report records.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.fuse.cluster import Index, clusters
from eventdesk.fuse.merge import event_id, fused, merge
from eventdesk.fuse.report import DocFeatures, Report, doc_features, make_report, reports_of
from eventdesk.fuse.score import compatible, edge
from eventdesk.records import Event

__all__ = [
    "DocFeatures", "Index", "Report", "clusters", "compatible", "doc_features", "edge",
    "event_id", "fuse", "fused", "make_report", "merge", "reports_of",
]  # fmt: skip


def fuse(reports: Iterable[Report]) -> list[Event]:
    """One event per incident, earliest first."""
    return [e for e in (fused(group) for group in clusters(reports)) if e is not None]
