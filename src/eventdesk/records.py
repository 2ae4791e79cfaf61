"""The records that flow through the pipeline: Document, Mention, Event.

They are frozen and slotted: a stage returns new records and never changes the ones it was given.
Closed vocabularies are enums whose values are ACLED's exact strings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


class EventType(enum.StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(enum.StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


SUB_EVENT_PARENT: dict[SubEventType, EventType] = {
    **{s: EventType.BATTLES for s in list(SubEventType)[0:3]},
    **{s: EventType.EXPLOSIONS for s in list(SubEventType)[3:9]},
    **{s: EventType.VIOLENCE_AGAINST_CIVILIANS for s in list(SubEventType)[9:12]},
    **{s: EventType.PROTESTS for s in list(SubEventType)[12:15]},
    **{s: EventType.RIOTS for s in list(SubEventType)[15:17]},
    **{s: EventType.STRATEGIC_DEVELOPMENTS for s in list(SubEventType)[17:]},
}


class DatePrecision(enum.StrEnum):
    """How precisely a document's publication date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class DateMethod(enum.StrEnum):
    """How a document's publication date was found."""

    OVERRIDE = "override"  # --published on the command line
    METADATA = "metadata"  # the input's own field, HTML meta tags, feed entry, WARC header
    DATELINE = "dateline"  # an explicit full date where articles print theirs ("Publié le ...")
    INFERRED = "inferred"  # from the dates the text tells, their weekdays and their order


class TimePrecision(enum.IntEnum):
    """ACLED time_precision: 1 day known, 2 week known, 3 month known."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(enum.IntEnum):
    """ACLED geo_precision: 1 the place itself, 2 near it or part of a region, 3 only the province."""

    PLACE = 1
    NEAR = 2
    REGION = 3


@dataclass(frozen=True, slots=True)
class Span:
    """A character range [start, end) in a document's original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One article. `text` is the original text (for HTML, the extracted body), `clean` the cleaned
    text, and `offsets` maps every character of `clean` back to its offset in `text`."""

    id: str
    text: str
    clean: str
    offsets: tuple[
        tuple[int, int, int], ...
    ]  # (clean_start, raw_start, length) runs; see clean.textmap
    content_hash: str
    url: str | None = None
    source: str | None = None  # the outlet
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or month (YYYY-MM)
    published_precision: DatePrecision | None = None
    published_method: DateMethod | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from: path, path#line, WARC URI
    format: str | None = None  # text, html, feed, warc, jsonl
    schema_version: int = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a mention, as read: the surface text, its span, and the normalised value."""

    text: str
    span: Span
    value: str | int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one document reports it."""

    doc_id: str
    event_type: EventType
    sub_event_type: SubEventType
    trigger: Argument
    evidence: Span
    actor1: Argument | None = None
    actor2: Argument | None = None
    location: Argument | None = None
    date: Argument | None = None
    fatalities: Argument | None = None
    weapon: Argument | None = None
    claimed_by: Argument | None = None
    reported_by: Argument | None = None
    negated: bool = False
    hypothetical: bool = False
    background: bool = False
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """What kind of outlet a source is (data/sources/outlets.tsv): shown, never used to drop it."""

    outlet: str  # the outlet's name as the table writes it
    kind: str  # wire, broadcaster, newspaper, website, agency, monitor
    affiliation: str  # independent, public, state-affiliated, partisan, intergovernmental
    country_iso3: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    doc_id: str
    evidence: str
    start: int
    end: int
    source: str | None = None
    url: str | None = None
    published: str | None = None
    reported_by: str | None = None
    profile: OutletProfile | None = None  # set by the fuse stage
    credited_to: str | None = None  # the wire agency the text credits ("(AFP)"), if any
    copy_of: str | None = None  # a wire copy, reprint or translation of this document (fuse)


@dataclass(frozen=True, slots=True)
class FatalityClaim:
    count: int
    doc_id: str
    claimed_by: str | None = None


@dataclass(frozen=True, slots=True)
class FieldSupport:
    """One value a field took in the reports of an event, and the documents that gave it."""

    field: str
    value: str | int | None
    doc_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """The fused incident; its fields are those of shared/schema/event.schema.json."""

    id: str
    event_date: str
    time_precision: TimePrecision
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str | None
    actor2: str | None
    country: str
    country_iso3: str
    admin1: str | None
    admin1_code: str | None
    location: str
    latitude: float
    longitude: float
    geo_precision: GeoPrecision
    fatalities: int | None
    claimed_by: str | None
    confidence: float
    sources: tuple[Source, ...]
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    admin2: str | None = None
    geonameid: int | None = None
    fatalities_claims: tuple[FatalityClaim, ...] = ()
    disputed: bool = False
    notes: str = ""
    source_count: int = 1
    disputed_fields: tuple[str, ...] = ()  # the coded fields the sources disagree on
    support: tuple[FieldSupport, ...] = ()  # who said what, per field (fuse)
    mentions: tuple[Mention, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The event as the schema's JSON object (enums as their strings, tuples as lists)."""
        out: dict[str, Any] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            if name == "mentions":
                continue
            value = getattr(self, name)
            out[name] = _jsonable(value)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__slots__") and hasattr(value, "__dataclass_fields__"):
        return {k: _jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    return value
