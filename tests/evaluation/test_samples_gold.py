"""samples/gold: the sample corpus's answer key as a gold set. Its files agree with the articles,
with the taxonomy and with each other, and the gold scores perfectly against itself."""

from __future__ import annotations

from datetime import date
from typing import Any

import pycountry
import pytest

from eventdesk.evaluation import load_jsonl, score
from eventdesk.records import SUB_EVENT_PARENT
from tests.conftest import SAMPLES

GOLD = SAMPLES / "gold"
KEYS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country_iso3",
        "admin1_code", "latitude", "longitude", "fatalities", "claimed_by")  # fmt: skip


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return load_jsonl(GOLD / "docs.jsonl")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_jsonl(GOLD / "gold.jsonl")


def test_docs_are_the_article_files_as_given(docs: list[dict[str, Any]]) -> None:
    files = {p.name: p for p in (SAMPLES / "articles").rglob("*.txt")}
    assert sorted(d["id"] for d in docs) == sorted(files)
    for doc in docs:
        assert doc["text"] == files[doc["id"]].read_text(encoding="utf-8"), doc["id"]
        assert doc["published"] is None and doc["language"] is None, doc["id"]


def test_every_article_has_required_gold(docs: list[dict[str, Any]], gold: list[dict]) -> None:
    assert {d["id"] for d in docs} == {g["doc"] for g in gold if g["required"]}
    assert len({g["id"] for g in gold}) == len(gold)


def test_gold_lines_are_well_formed(gold: list[dict[str, Any]]) -> None:
    for g in gold:
        sub = g["sub_event_type"]
        assert SUB_EVENT_PARENT[sub] == g["event_type"], g["id"]
        for other in g["acceptable_sub_event_types"]:
            assert other in SUB_EVENT_PARENT, (g["id"], other)
        assert sub in g["acceptable_sub_event_types"], g["id"]
        assert g["event_date"] in g["acceptable_dates"], g["id"]
        assert all(date.fromisoformat(d) for d in g["acceptable_dates"])
        country = pycountry.countries.get(alpha_3=g["country_iso3"])
        assert g["admin1_code"].startswith(country.alpha_2 + "-"), g["id"]
        assert (g["latitude"] is None) == (g["longitude"] is None), g["id"]


def test_negatives_name_known_documents(docs: list[dict[str, Any]]) -> None:
    ids = {d["id"] for d in docs}
    for rule in load_jsonl(GOLD / "negatives.jsonl"):
        assert rule["doc"] in ids and rule["forbid"] and rule["what"], rule


def test_gold_scores_one_against_itself_and_breaks_no_negative(
    docs: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    preds = [
        {"id": f"p-{g['id']}", **{k: g.get(k) for k in KEYS},
         "sources": [{"doc_id": g["doc"], "evidence": "", "start": 0, "end": 0}]}
        for g in gold
    ]  # fmt: skip
    report = score(docs, gold, preds, load_jsonl(GOLD / "negatives.jsonl"))
    assert report["detection"]["recall"] == 1.0 and report["detection"]["f1"] == 1.0
    assert report["detection"]["neutral"] == sum(not g["required"] for g in gold)
    assert all(f["accuracy"] == 1.0 for f in report["fields"].values() if f["n"])
    assert set(report["by_language"]) == {"ar", "en", "fr"}
    assert report["negatives"]["count"] == 0, report["negatives"]["violations"]
