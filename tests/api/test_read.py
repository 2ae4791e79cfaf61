"""Reading events over HTTP: every filter narrows to exactly what it says, pages cover all."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from eventdesk.export.acled import ACLED_COLUMNS


def _all(api, **params):
    items, cursor = [], None
    while True:
        r = api.get(
            "/events", params={**params, "limit": 37, **({"cursor": cursor} if cursor else {})}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items


def test_cursor_pages_cover_every_event_once_in_order(api):
    items = _all(api)
    ids = [e["id"] for e in items]
    assert len(ids) == len(set(ids)) == 300
    keys = [(e["event_date"], e["id"]) for e in items]
    assert keys == sorted(keys, reverse=True)
    asc = _all(api, sort="confidence")
    assert [e["confidence"] for e in asc] == sorted(e["confidence"] for e in asc)


@pytest.mark.parametrize(("params", "check"), [
    ({"country": "IRQ"}, lambda e: e["country_iso3"] == "IRQ"),
    ({"country": ["Mali", "NER"]}, lambda e: e["country_iso3"] in ("MLI", "NER")),
    ({"admin1": "NG-BO"}, lambda e: e["admin1_code"] == "NG-BO"),
    ({"date_from": "2021-01-01", "date_to": "2021-06-30"},
     lambda e: "2021-01-01" <= e["event_date"] <= "2021-06-30"),
    ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"sub_event_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
    ({"actor": "police forces"}, lambda e: "Police" in (e["actor1"] or "") + (e["actor2"] or "")),
    ({"q": "mopti locality"}, lambda e: e["admin1"] == "Mopti"),
    ({"bbox": "40,30,46,38"}, lambda e: 40 <= e["longitude"] <= 46 and 30 <= e["latitude"] <= 38),
    ({"min_confidence": 0.8}, lambda e: e["confidence"] >= 0.8),
    ({"disputed": "true"}, lambda e: e["disputed"] is True),
])  # fmt: skip
def test_each_filter_keeps_exactly_the_matching_events(api, params, check):
    everything = _all(api)
    expected = {e["id"] for e in everything if check(e)}
    got = _all(api, **params)
    assert expected and {e["id"] for e in got} == expected


def test_total_timeline_and_points_agree_with_the_list(api):
    params = {"country": "SYR"}
    listed = _all(api, **params)
    total = api.get("/events", params={**params, "with_total": True}).json()["total"]
    bins = api.get("/events/timeline", params=params).json()["bins"]
    points = api.get("/events/points", params=params).json()
    assert total == len(listed) == sum(b["count"] for b in bins) == len(points["id"])
    assert {points["types"][t] for t in points["type"]} == {e["event_type"] for e in listed}


@pytest.mark.parametrize("zoom", [2, 6, 12])
def test_map_clusters_hold_every_match_once(api, zoom):
    params = {"country": "IRQ", "event_type": "Battles"}
    listed = {e["id"]: e for e in _all(api, **params)}
    body = api.get("/events/clusters", params={**params, "zoom": zoom, "with_extent": True}).json()
    assert body["total"] == sum(body["count"]) == len(listed)
    for n, event_id, lat, lon in zip(
        body["count"], body["id"], body["lat"], body["lon"], strict=True
    ):
        if n == 1:  # a lone event is itself, where it is
            assert (listed[event_id]["latitude"], listed[event_id]["longitude"]) == (lat, lon)
    west, south, east, north = body["extent"]
    assert all(
        west <= e["longitude"] <= east and south <= e["latitude"] <= north for e in listed.values()
    )
    inside = api.get(
        "/events/clusters", params={**params, "zoom": zoom, "bbox": "40,30,46,38"}
    ).json()
    assert inside["total"] == sum(
        1 for e in listed.values() if 40 <= e["longitude"] <= 46 and 30 <= e["latitude"] <= 38
    )
    if zoom >= 12:
        assert max(body["count"]) < len(listed) / 4  # cells shrink as the map zooms in
    else:
        assert zoom > 2 or len(body["count"]) <= 2  # at world scale a country is one or two cells


def test_one_event_has_its_sources_history_and_etag(api):
    event = _all(api, country="YEM")[0]
    r = api.get(f"/events/{event['id']}")
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    body = r.json()
    assert body["sources"][0]["evidence"] and body["history"] == []
    assert body["review"]["status"] == "new"


def test_errors_have_one_shape(api):
    for r, status in [
        (api.get("/events/no-such-event"), 404),
        (api.get("/documents/no-such-doc"), 404),
        (api.get("/events", params={"bbox": "1,2,3"}), 422),
        (api.get("/events", params={"sort": "colour"}), 400),
        (api.get("/events", params={"cursor": "%%%"}), 400),
        (api.get("/events", params={"status": "maybe"}), 422),
        (api.get("/events/export", params={"format": "xls"}), 400),
    ]:
        assert r.status_code == status, r.text
        error = r.json()["error"]
        assert error["status"] == status and error["code"] and error["message"]


def test_exports_of_a_query_in_every_format(api):
    params = {"country": "NGA"}
    n = len(_all(api, **params))
    rows = list(
        csv.reader(io.StringIO(api.get("/events/export", params={**params, "format": "csv"}).text))
    )
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS and len(rows) == n + 1
    assert {r[ACLED_COLUMNS.index("country")] for r in rows[1:]} == {"Nigeria"}
    lines = api.get("/events/export", params={**params, "format": "jsonl"}).text.splitlines()
    assert len(lines) == n and all(json.loads(x)["country_iso3"] == "NGA" for x in lines)
    geo = api.get("/events/export", params={**params, "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == n
    table = pq.read_table(
        io.BytesIO(api.get("/events/export", params={**params, "format": "parquet"}).content)
    )
    assert table.num_rows == n and table.column("iso").to_pylist()[0] == 566


def test_docs_work_offline(api):
    page = api.get("/docs").text
    assert "/static/vendor/swagger/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert api.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200


def test_openapi_is_served(api):
    spec = api.get("/openapi.json").json()
    assert {
        "/events",
        "/events/{event_id}",
        "/documents/{doc_id}",
        "/ingest",
        "/events/{event_id}/edit",
        "/events/merge",
        "/reviews/{review_id}/undo",
    } <= set(spec["paths"])
