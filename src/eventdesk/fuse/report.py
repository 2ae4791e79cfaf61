"""A report: one event as one document tells it (the code stage's per-document event), with what
fusion compares it on. Built from a document and its events; stored and read back as JSON.

Assigns: Report records (key, features, the outlet the report counts for).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventdesk.fuse import lexicon
from eventdesk.fuse import places as places_mod
from eventdesk.fuse import profiles as profiles_mod
from eventdesk.fuse import text as text_mod
from eventdesk.fuse.serial import event_from_json
from eventdesk.records import Document, Event, OutletProfile

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """What fusion knows of a document besides its events."""

    doc_id: str
    outlet: str  # the outlet the document counts for: a credited wire, else its own
    profile: OutletProfile | None
    credited_to: str | None
    published: str | None
    language: str | None
    signature: tuple[int, ...]
    anchors: frozenset[str]  # names (not opening a sentence) and numbers: what translation keeps
    names: frozenset[str]  # every capitalised name and number
    length: int  # words

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "outlet": self.outlet, "credited_to": self.credited_to,
            "published": self.published, "language": self.language,
            "signature": list(self.signature), "anchors": sorted(self.anchors),
            "names": sorted(self.names), "length": self.length,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Report:
    key: str  # stable: the document and the event's own key
    event: Event  # as coded from this document alone
    doc: DocFeatures
    day: int  # event_date as an ordinal
    anchors: frozenset[str]  # of the evidence, less the date, place, actors and acronyms
    places: frozenset[str]  # places the evidence names besides the event's own
    site: str  # the event's place, as skeletons
    named: frozenset[str]  # every name and number of the evidence (the event's own included)
    concepts: frozenset[str]  # who, where, by what means, over what (text.concepts)
    xyz: tuple[float, float, float]  # the point on the unit sphere
    population: int | None = None  # of the event's place, when it is a town (the gazetteer's)
    noncombat: bool = False  # a source calls this death non-combat: a competing claim, no event

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Earliest publication first, then document and key: the order that names an event."""
        return (self.doc.published or "9999", self.doc.doc_id, self.key)


def doc_features(doc: Document, profiles: profiles_mod.Profiles | None = None) -> DocFeatures:
    profiles = profiles or profiles_mod.load()
    own = profiles.of(doc.source, doc.url)
    wire = profiles.credit(doc.clean)
    outlet = (wire.outlet if wire else None) or (own.outlet if own else None)
    outlet = outlet or doc.source or _site(doc.url) or "doc:" + doc.id
    return DocFeatures(
        doc_id=doc.id, outlet=outlet, profile=own,
        credited_to=wire.outlet if wire and (own is None or own.outlet != wire.outlet) else None,
        published=doc.published, language=doc.language,
        signature=text_mod.signature(doc.clean), anchors=text_mod.anchors(doc.clean),
        names=text_mod.anchors(doc.clean, sentence_starts=True), length=text_mod.length(doc.clean),
    )  # fmt: skip


def _site(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def reports_of(
    doc: Document,
    events: Sequence[Event],
    gazetteer: Gazetteer | None = None,
    noncombat: Sequence[Event] = (),
) -> list[Report]:
    """The reports of one document: its events, and the deaths it calls non-combat, each with
    the document's features (and the population of its place, from the gazetteer if given)."""
    features = doc_features(doc)
    told = [(e, False) for e in events] + [(e, True) for e in noncombat]
    return [
        make_report(e, features, population(gazetteer, e) if gazetteer else None, denied)
        for e, denied in told
    ]


POINTS = frozenset({"city", "base", "airport"})  # gazetteer features that are a place, not an area


def population(gazetteer: Gazetteer, event: Event) -> int | None:
    """The population of the town an event is placed at (None for a province or a district)."""
    for place in gazetteer.lookup(event.location, event.country_iso3):
        if place.geonameid == event.geonameid:
            return place.population if place.feature in POINTS else None
    return None


def make_report(
    event: Event, features: DocFeatures, population: int | None = None, noncombat: bool = False
) -> Report:
    evidence = "\n".join(s.evidence for s in event.sources)
    key = hashlib.sha1(f"{features.doc_id}|{event.id}".encode()).hexdigest()[:20]
    told = _told_elsewhere(event)
    return Report(
        key=key, event=event, doc=features,
        day=dt.date.fromisoformat(event.event_date).toordinal(),
        anchors=text_mod.anchors(evidence, acronyms=False) - told - _actor_anchors(),
        places=frozenset(p for p in places_mod.places(evidence) if not set(p.split()) <= told),
        site=" ".join(places_mod.name_keys(event.location)),
        named=text_mod.anchors(evidence, sentence_starts=True),
        concepts=text_mod.concepts(evidence, features.language), population=population, noncombat=noncombat,
        xyz=_unit(event.latitude, event.longitude),
    )  # fmt: skip


def _told_elsewhere(event: Event) -> frozenset[str]:
    """The anchors that only repeat the date, the place and the actors (compared as fields)."""
    day = dt.date.fromisoformat(event.event_date)
    told = (event.location, event.admin1, event.admin2, event.country, event.actor1, event.actor2,
            event.claimed_by, *event.assoc_actor_1, *event.assoc_actor_2)  # fmt: skip
    names = " ".join(n for n in told if n)
    numbers = {f"#{day.day}", f"#{day.year}", f"#{day.month}"}
    return text_mod.anchors("x " + names.title()) | numbers


@cache
def _actor_anchors() -> frozenset[str]:
    return text_mod.anchors("x " + " ".join(lexicon.actor_words()))


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    a, b = math.radians(lat), math.radians(lon)
    return (math.cos(a) * math.cos(b), math.cos(a) * math.sin(b), math.sin(a))


def report_from_json(
    event: dict[str, Any],
    doc: dict[str, Any],
    population: int | None = None,
    noncombat: bool = False,
) -> Report:
    """A stored report back (the inverse of `event.to_json()` and `DocFeatures.to_json()`)."""
    profiles = profiles_mod.load()
    first = event["sources"][0]
    features = DocFeatures(
        doc_id=doc["doc_id"], outlet=doc["outlet"],
        profile=profiles.of(first.get("source"), first.get("url")),
        credited_to=doc.get("credited_to"), published=doc.get("published"),
        language=doc.get("language"), signature=tuple(doc["signature"]),
        anchors=frozenset(doc["anchors"]), names=frozenset(doc["names"]), length=doc["length"],
    )  # fmt: skip
    return make_report(event_from_json(event), features, population, noncombat)
