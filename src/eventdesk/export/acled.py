"""Events as rows in ACLED's column order (the `event_id_cnty ... timestamp` export layout),
followed by the fields eventdesk adds."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

import pycountry

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
EXTRA_COLUMNS = ("admin1_code", "confidence", "disputed", "claimed_by", "source_count",
                 "review_status")  # fmt: skip
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
CIVILIANS = 7  # ACLED inter code
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type: political violence, demonstrations (or both), strategic developments."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence" or event_type in VIOLENT:
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two actor types, lower first (10 when alone)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def row(event: dict[str, Any]) -> tuple[Any, ...]:
    """One event (schema JSON with its `review` state) as a tuple in COLUMNS order."""
    review = event.get("review") or {}
    iso3 = event["country_iso3"]
    disorder = disorder_type(event["event_type"], event["sub_event_type"])
    inter1, inter2 = event.get("inter1"), event.get("inter2")
    targets_civilians = inter2 == CIVILIANS and "Political violence" in disorder
    outlets = list(dict.fromkeys(s.get("source") or s["doc_id"] for s in event.get("sources", [])))
    return (
        event["id"], event["event_date"], int(event["event_date"][:4]), event["time_precision"],
        disorder, event["event_type"], event["sub_event_type"],
        event.get("actor1") or "", "; ".join(event.get("assoc_actor_1", [])), inter1,
        event.get("actor2") or "", "; ".join(event.get("assoc_actor_2", [])), inter2,
        interaction(inter1, inter2), "Civilian targeting" if targets_civilians else "",
        iso_numeric(iso3), regions().get(iso3, ""), event["country"], event.get("admin1") or "",
        event.get("admin2") or "", "", event["location"], event["latitude"], event["longitude"],
        event["geo_precision"], "; ".join(outlets), "", event.get("notes", ""),
        event.get("fatalities") or 0,  # ACLED writes 0 where no toll is reported
        "", _epoch(review.get("updated_at")),
        event.get("admin1_code") or "", event["confidence"], bool(event.get("disputed")),
        event.get("claimed_by") or "", event.get("source_count", len(outlets)),
        review.get("status", ""),
    )  # fmt: skip


def row_dict(event: dict[str, Any]) -> dict[str, Any]:
    return dict(zip(COLUMNS, row(event), strict=True))


@cache
def iso_numeric(iso3: str) -> int | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return int(country.numeric) if country else None


@cache
def _epoch(iso: str | None) -> int | None:
    if not iso:
        return None
    moment = datetime.fromisoformat(iso)  # SQLite gives it back without a zone: it is UTC
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


@cache
def regions() -> dict[str, str]:
    text = (
        resources.files("eventdesk.data").joinpath("export", "acled_regions.tsv").read_text("utf-8")
    )
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {iso3: region for iso3, region in pairs}
