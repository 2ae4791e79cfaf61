"""Event JSON -> the columns the store filters and sorts by. Pure functions; the store calls
`index_columns` whenever it writes an event's JSON, so the two never disagree."""

from __future__ import annotations

from typing import Any

UNKNOWN_ACTORS = frozenset({"", "unidentified armed group", "unidentified military forces"})


def index_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The derived columns of one event (its schema JSON)."""
    actors = [data.get("actor1"), data.get("actor2"), *data.get("assoc_actor_1", []),
              *data.get("assoc_actor_2", [])]  # fmt: skip
    names = [a.lower() for a in actors if a]
    evidence = [s.get("evidence") or "" for s in data.get("sources", [])]
    words = [data.get("location"), data.get("admin1"), data.get("admin2"), data.get("country"),
             data.get("notes"), data.get("claimed_by"), *names, *evidence]  # fmt: skip
    return {
        "event_date": data["event_date"],
        "event_type": data["event_type"],
        "sub_event_type": data["sub_event_type"],
        "country_iso3": data["country_iso3"],
        "admin1_code": data.get("admin1_code"),
        "country": data.get("country"),
        "admin1": data.get("admin1"),
        "location": data.get("location"),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "fatalities": data.get("fatalities"),
        "confidence": float(data.get("confidence") or 0.0),
        "disputed": bool(data.get("disputed")),
        "actors": "\n".join(names),
        "search": "\n".join(w.lower() for w in words if w),
        "priority": priority(data),
    }


def priority(data: dict[str, Any]) -> float:
    """How much an event needs a human, 0-100: low confidence, disputed, high tolls, unknown actors.

    Low confidence weighs most (40), then a dispute between sources (25), the toll (25 at 100
    killed or more, on a square-root scale so a first death counts), and an unknown
    perpetrator (10)."""
    confidence = min(max(float(data.get("confidence") or 0.0), 0.0), 1.0)
    toll = min(int(data.get("fatalities") or 0), 100)
    actor1 = (data.get("actor1") or "").lower()
    score = 40 * (1 - confidence) + 25 * (toll / 100) ** 0.5
    score += 25 if data.get("disputed") else 0
    score += 10 if actor1 in UNKNOWN_ACTORS else 0
    return round(score, 3)
