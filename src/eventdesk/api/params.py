"""Query parameters shared by every endpoint that reads events (list, map, timeline, export)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from eventdesk.api.errors import ApiError
from eventdesk.store.query import STATUSES, VISIBLE, EventFilter

Many = Annotated[list[str] | None, Query()]


def event_filter(
    country: Annotated[list[str] | None, Query(description="ISO3 code or country name; repeat for several")] = None,
    admin1: Annotated[list[str] | None, Query(description="ISO 3166-2 code or province name")] = None,
    date_from: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    event_type: Many = None,
    sub_event_type: Many = None,
    actor: Annotated[str | None, Query(description="part of an actor's name")] = None,
    q: Annotated[str | None, Query(description="words in notes, places, actors or evidence")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    disputed: bool | None = None,
    status: Annotated[list[str] | None, Query(description=f"{', '.join(STATUSES)} or all")] = None,
) -> EventFilter:  # fmt: skip
    return EventFilter(
        country=_split(country), admin1=_split(admin1), date_from=date_from, date_to=date_to,
        event_type=_split(event_type), sub_event_type=_split(sub_event_type),
        actor=actor or None, q=q or None, bbox=_bbox(bbox), min_confidence=min_confidence,
        disputed=disputed, status=_status(status),
    )  # fmt: skip


def _split(values: list[str] | None) -> tuple[str, ...]:
    """Repeated parameters, and also comma-free values given once: ?country=IRQ&country=SYR."""
    return tuple(v for v in (values or []) if v)


def _status(values: list[str] | None) -> tuple[str, ...]:
    wanted = _split(values)
    if not wanted:
        return VISIBLE
    if "all" in wanted:
        return ()
    bad = [s for s in wanted if s not in STATUSES]
    if bad:
        raise ApiError(422, f"unknown status {bad[0]!r}; use {', '.join(STATUSES)} or all")
    return wanted


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(422, f"bad bbox {value!r}: give west,south,east,north in degrees") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise ApiError(422, f"bad bbox {value!r}: latitudes -90..90 (south <= north), "
                            "longitudes -180..180")  # fmt: skip
    return west, south, east, north
