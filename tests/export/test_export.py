"""Exports: ACLED's columns and codes, and every format reading back the same events."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from eventdesk.export.acled import ACLED_COLUMNS, COLUMNS, disorder_type, interaction, row_dict
from eventdesk.export.writers import writer
from eventdesk.store import synthetic


def _events(n: int = 40) -> list[dict]:
    out = []
    for e in synthetic.events(n, seed=5):
        data = e.to_json()
        data["review"] = {"status": "new", "version": 1, "updated_at": "2026-01-02T03:04:05"}
        out.append(data)
    return out


def test_columns_start_with_acleds_in_acleds_order():
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")


@pytest.mark.parametrize(("event_type", "sub", "expected"), [
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Strategic developments", "Arrests", "Strategic developments"),
])  # fmt: skip
def test_disorder_type(event_type, sub, expected):
    assert disorder_type(event_type, sub) == expected


def test_interaction_codes_put_the_lower_actor_type_first():
    assert interaction(1, 2) == 12 and interaction(2, 1) == 12
    assert interaction(3, None) == 30 and interaction(None, 4) is None


def test_one_row():
    event = _events(1)[0]
    event.update(inter1=3, inter2=7, fatalities=None, country_iso3="NGA", event_type="Battles",
                 sub_event_type="Armed clash")  # fmt: skip
    r = row_dict(event)
    assert (
        r["iso"] == 566
        and r["region"] == "Western Africa"
        and r["year"] == int(event["event_date"][:4])
    )
    assert r["civilian_targeting"] == "Civilian targeting" and r["interaction"] == 37
    assert r["fatalities"] == 0  # ACLED's convention for no reported toll
    assert r["timestamp"] == 1767323045 and r["source"] == event["sources"][0]["source"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "parquet"])
def test_every_format_holds_every_event(fmt):
    events = _events()
    chunks, _, _ = writer(fmt)
    data = b"".join(chunks(iter(events)))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        ids = [r["event_id_cnty"] for r in rows]
    elif fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in data.decode().splitlines()]
    elif fmt == "geojson":
        features = json.loads(data)["features"]
        ids = [f["id"] for f in features]
        assert features[0]["geometry"]["coordinates"] == [
            events[0]["longitude"],
            events[0]["latitude"],
        ]
    else:
        ids = pq.read_table(io.BytesIO(data)).column("event_id_cnty").to_pylist()
    assert ids == [e["id"] for e in events]


def test_empty_exports_are_valid():
    for fmt in ("csv", "geojson", "parquet"):
        chunks, _, _ = writer(fmt)
        data = b"".join(chunks(iter([])))
        if fmt == "geojson":
            assert json.loads(data) == {"type": "FeatureCollection", "features": []}
        elif fmt == "parquet":
            assert pq.read_table(io.BytesIO(data)).num_rows == 0
        else:
            assert data.decode().strip() == ",".join(COLUMNS)
