"""Events back from their JSON (the inverse of `Event.to_json`), for reports read from the store."""

from __future__ import annotations

from typing import Any

from eventdesk.records import (
    Event,
    EventType,
    FatalityClaim,
    FieldSupport,
    GeoPrecision,
    OutletProfile,
    Source,
    SubEventType,
    TimePrecision,
)

_TUPLES = ("assoc_actor_1", "assoc_actor_2", "disputed_fields")


def event_from_json(obj: dict[str, Any]) -> Event:
    fields = {k: v for k, v in obj.items() if k in Event.__dataclass_fields__ and k != "mentions"}
    fields["time_precision"] = TimePrecision(obj["time_precision"])
    fields["geo_precision"] = GeoPrecision(obj["geo_precision"])
    fields["event_type"] = EventType(obj["event_type"])
    fields["sub_event_type"] = SubEventType(obj["sub_event_type"])
    fields["sources"] = tuple(_source(s) for s in obj["sources"])
    fields["fatalities_claims"] = tuple(
        FatalityClaim(**c) for c in obj.get("fatalities_claims") or ()
    )
    fields["support"] = tuple(
        FieldSupport(s["field"], s["value"], tuple(s["doc_ids"])) for s in obj.get("support") or ()
    )
    for name in _TUPLES:
        fields[name] = tuple(obj.get(name) or ())
    return Event(**fields)


def _source(obj: dict[str, Any]) -> Source:
    fields = {k: v for k, v in obj.items() if k in Source.__dataclass_fields__}
    if obj.get("profile"):
        fields["profile"] = OutletProfile(**obj["profile"])
    return Source(**fields)
