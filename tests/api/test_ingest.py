"""POST /ingest: documents stored (and coded) through the API, with a reviewer token."""

from __future__ import annotations

import pytest

from tests.api.conftest import auth

ARTICLE = ("DAMATURU, Nigeria, March 4, 2024 - Suspected Boko Haram fighters stormed the town of "
           "Potiskum in Yobe State on Sunday, burning shops and killing five civilians, residents "
           "said.")  # fmt: skip


def test_documents_are_stored_and_shown(api, tokens):
    doc = {"id": "posted-1", "text": "Une manifestation pacifique a eu lieu à Bamako.",
           "published": "2024-03-04", "source": "Example Wire <b>bold</b>"}  # fmt: skip
    r = api.post(
        "/ingest", json={"documents": [doc], "extract": False}, headers=auth(tokens["reviewer"])
    )
    assert r.status_code == 200, r.text
    assert r.json()["report"]["stored"] == 1 and r.json()["events"] == []
    got = api.get("/documents/posted-1").json()
    assert got["text"] == doc["text"] and got["source"] == doc["source"] and got["events"] == []
    bad = api.post("/ingest", json={"documents": [{"id": "x"}]}, headers=auth(tokens["reviewer"]))
    assert bad.status_code == 422 and "text" in bad.json()["error"]["message"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_documents_are_coded_into_events(api, tokens):
    doc = {"id": "posted-2", "text": ARTICLE, "published": "2024-03-04", "language": "en"}
    r = api.post("/ingest", json={"documents": [doc]}, headers=auth(tokens["reviewer"]))
    assert r.status_code == 200, r.text
    ids = r.json()["events"]
    assert ids
    event = api.get(f"/events/{ids[0]}").json()
    assert event["country_iso3"] == "NGA" and "posted-2" in event["documents"]
    assert api.get("/documents/posted-2").json()["events"] == sorted(ids)
