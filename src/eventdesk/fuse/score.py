"""Whether two reports may tell one incident (`compatible`), and how strongly they agree (`score`).

`compatible` is a hard gate, symmetric, and also bars two reports from one cluster: one document's
events (the code stage already told them apart), another country or province, dates further apart
than their precision allows, two precise places further apart than `DISTINCT_KM`, kinds of event
that cannot be one (a demonstration and a bombing; an arrest and a looting).

`score` adds what agrees: the same sub-event type, day and place (these alone stay below `LINK`:
two incidents of one kind in one town on one day are common), then the evidence that they are one:
the same named actors or claimant, tolls that agree, names and numbers told beyond the date and
place (they survive translation), documents that are copies of one another. Details that differ
count against, and most of all two reports that each name a place the other's document never
mentions (ACLED splits a day's shelling along a front line into one event per village). Two reports are linked when the score reaches `LINK`.
"""

from __future__ import annotations

import math

from eventdesk.fuse.report import DocFeatures, Report
from eventdesk.fuse.text import jaccard, similarity
from eventdesk.records import EventType, TimePrecision

LINK = 1.6  # score from which two reports are taken for one incident
DISTINCT_KM = 40.0  # two reports placed near places further apart than this are two incidents
DISTINCT_PLACES_KM = 15.0  # ... or placed at two places themselves further apart than this
NEAR_KM = 10.0
UNSOURCED = 2.0  # more agreement needed when a document's outlet is unknown
EARTH_KM = 6371.0088
COPY_SIMILARITY = 0.5  # estimated Jaccard of word 3-shingles: a reprint or a wire copy
TRANSLATION_SHARE = 0.7  # share of the names and numbers of the shorter text found in the other
COPY_MIN_WORDS = 80  # texts shorter than this are never called copies
TRANSLATION_MIN = 5  # names and numbers a text needs before it can be called a translation

_GROUP = {
    EventType.BATTLES: "violence",
    EventType.EXPLOSIONS: "violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "violence",
    EventType.PROTESTS: "demonstration",
    EventType.RIOTS: "demonstration",
    EventType.STRATEGIC_DEVELOPMENTS: "development",
}
_DEFAULT_PREFIXES = ("Unidentified", "Protesters", "Rioters", "Civilians")


def window(a: Report, b: Report) -> int:
    """Days two reports' dates may differ by: none when both know the day (an incident told a
    day apart is, far more often than a misread date, the same kind of incident again), else the
    coarser precision's."""
    worst = max(a.event.time_precision, b.event.time_precision)
    if worst == TimePrecision.DAY:
        return 1 if _filed_late(a, b) or _filed_late(b, a) else 0
    return 7 if worst == TimePrecision.WEEK else 31


def _filed_late(a: Report, b: Report) -> bool:
    """a is dated the day it was published (a dateline, "late on Thursday" filed after midnight)
    and b, which dates the day before, read that day from its own later publication."""
    published = b.doc.published
    return (
        a.event.event_date == a.doc.published
        and b.day == a.day - 1
        and published is not None
        and b.event.event_date < published
    )


def km(a: Report, b: Report) -> float:
    dot = sum(x * y for x, y in zip(a.xyz, b.xyz, strict=True))
    return EARTH_KM * math.acos(max(-1.0, min(1.0, dot)))


def compatible(a: Report, b: Report) -> bool:
    ea, eb = a.event, b.event
    if a.doc.doc_id == b.doc.doc_id or ea.country_iso3 != eb.country_iso3:
        return False
    if ea.admin1_code and eb.admin1_code and ea.admin1_code != eb.admin1_code:
        return False
    if abs(a.day - b.day) > window(a, b):
        return False
    if _GROUP[ea.event_type] != _GROUP[eb.event_type]:
        return False
    if ea.event_type == EventType.STRATEGIC_DEVELOPMENTS and ea.sub_event_type != eb.sub_event_type:
        return False
    if ea.geo_precision <= 2 and eb.geo_precision <= 2:
        exact = ea.geo_precision == 1 and eb.geo_precision == 1 and ea.geonameid != eb.geonameid
        return km(a, b) <= (DISTINCT_PLACES_KM if exact else DISTINCT_KM)
    return True


def named(actor: str | None) -> bool:
    """An actor the text names, not one the coder supplied by convention."""
    return actor is not None and not actor.startswith(_DEFAULT_PREFIXES)


def score(a: Report, b: Report) -> float:
    """How strongly two compatible reports agree (see the module docstring)."""
    return (
        _type(a, b)
        + _when(a, b)
        + _where(a, b)
        + _actors(a, b)
        + _tolls(a.event.fatalities, b.event.fatalities)
        + _details(a.anchors, b.anchors)
        + (-1.5 if _elsewhere(a, b) and _elsewhere(b, a) else 0.0)
        + (2.0 if a.day == b.day and copies(a.doc, b.doc) else 0.0)
    )


def edge(a: Report, b: Report) -> float | None:
    """The score of a linked pair, None when the two are not linked."""
    if not compatible(a, b):
        return None
    s = score(a, b)
    return s if s >= LINK + (UNSOURCED if _unsourced(a) or _unsourced(b) else 0.0) else None


def _unsourced(r: Report) -> bool:
    """A document with neither outlet nor URL: nothing says who published it, so two such
    records may be one source's two entries (a dataset's rows) as well as two reports."""
    return r.doc.outlet.startswith("doc:")


def _type(a: Report, b: Report) -> float:
    if _GROUP[a.event.event_type] == "demonstration":
        # many groups demonstrate in one city on one day: the kind alone says little
        return 0.1 if a.event.sub_event_type == b.event.sub_event_type else -0.2
    if a.event.sub_event_type == b.event.sub_event_type:
        return 0.6
    return 0.3 if a.event.event_type == b.event.event_type else -0.3


def _when(a: Report, b: Report) -> float:
    if a.event.time_precision != TimePrecision.DAY or b.event.time_precision != TimePrecision.DAY:
        return 0.0 if a.day == b.day else -0.6
    return 0.4 if a.day == b.day else 0.0


def _where(a: Report, b: Report) -> float:
    ea, eb = a.event, b.event
    if not (ea.admin1_code and eb.admin1_code):
        return -0.5  # one of them placed in the country only
    if ea.geo_precision <= 2 and eb.geo_precision <= 2:
        if ea.geonameid is not None and ea.geonameid == eb.geonameid:
            return 0.8
        return 0.0 if km(a, b) <= NEAR_KM else -0.3  # two places named
    return 0.1


def _actors(a: Report, b: Report) -> float:
    ea, eb = a.event, b.event
    total = 0.0
    if named(ea.actor1) and named(eb.actor1):
        total += 0.7 if ea.actor1 == eb.actor1 else (-0.3 if ea.inter1 == eb.inter1 else -0.7)
    if named(ea.actor2) and ea.actor2 == eb.actor2:
        total += 0.3
    if ea.claimed_by and eb.claimed_by:
        total += 0.7 if ea.claimed_by == eb.claimed_by else -0.5
    return total


def _tolls(x: int | None, y: int | None) -> float:
    if x is None or y is None:
        return 0.0
    if x == y:
        return 0.5 if x else 0.1  # "no one was hurt" is said of many incidents
    low, high = min(x, y), max(x, y)
    return 0.2 if high - low <= 2 or high <= 2 * low else 0.0  # tolls are disputed: no penalty


def _details(a: frozenset[str], b: frozenset[str]) -> float:
    """Names and numbers told beyond the date, the place and the actors: shared ones say one
    incident; two
    tellings that each name things the other does not are likely two incidents."""
    if not a or not b:
        return 0.0
    share = jaccard(a, b)
    return 2.0 * share - (0.3 if len(a) >= 2 and len(b) >= 2 else 0.0)


def _elsewhere(a: Report, b: Report) -> bool:
    """a names a place that b's document never mentions (its own place counts when the two are
    placed at different places)."""
    named_ = a.places | ({a.site} if a.event.geonameid != b.event.geonameid else set())
    return any(p and not set(p.split()) <= b.doc.names for p in named_)


def copies(x: DocFeatures, y: DocFeatures) -> bool:
    """Two documents are one article: a reprint or wire copy (their word shingles mostly shared),
    or a translation (most names and numbers of the shorter found in the other)."""
    if x.doc_id == y.doc_id:
        return True
    if min(x.length, y.length) < COPY_MIN_WORDS:
        return False  # short notes written to one template are not copies of each other
    if x.language == y.language or x.language is None or y.language is None:
        return similarity(x.signature, y.signature) >= COPY_SIMILARITY
    shorter = min(len(x.anchors), len(y.anchors))
    if shorter < TRANSLATION_MIN:
        return False
    return len(x.anchors & y.anchors) / shorter >= TRANSLATION_SHARE
