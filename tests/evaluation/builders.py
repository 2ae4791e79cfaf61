"""Hand-built gold lines, predicted events and documents (fictional, for the evaluation tests)."""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]


def gold(gid: str, doc: str = "d1", **fields: Any) -> Record:
    """A required gold event in Gao (Mali), with every scored field known."""
    base: Record = {
        "id": gid, "doc": doc, "required": True, "type_scored": True,
        "event_date": "2024-03-10", "acceptable_dates": ["2024-03-10"], "time_precision": 1,
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "acceptable_sub_event_types": ["Armed clash"],
        "actor1": "Military Forces of Mali (2021-)", "actor2": "Unidentified Armed Group (Mali)",
        "country_iso3": "MLI", "admin1_code": "ML-7", "latitude": 16.27, "longitude": -0.04,
        "fatalities": 2, "claimed_by": None, "incident_id": None, "unscored": [],
    }  # fmt: skip
    return base | fields


def pred(like: Record, pid: str | None = None, docs: tuple[str, ...] = (), **fields: Any) -> Record:
    """The prediction that copies gold event `like` (then `fields` change it)."""
    keys = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country_iso3",
            "admin1_code", "latitude", "longitude", "fatalities", "claimed_by")  # fmt: skip
    sources = [{"doc_id": d, "evidence": "", "start": 0, "end": 0} for d in docs or (like["doc"],)]
    event = {"id": pid or f"p-{like['id']}", **{k: like.get(k) for k in keys}, "sources": sources}
    return event | fields


def doc(did: str, language: str | None = "fr", text: str = "") -> Record:
    return {"id": did, "text": text, "language": language}
