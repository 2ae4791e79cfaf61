"""The dev sets' gold, turned into predictions, scores perfectly against itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventdesk.evaluation import load_jsonl, score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
KEYS = ("id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country_iso3",
        "admin1", "admin1_code", "location", "latitude", "longitude", "fatalities", "claimed_by")  # fmt: skip

pytestmark = pytest.mark.shared


def _eval_set(name: str) -> Path:
    path = SHARED / "eval" / name
    if not (path / "gold.jsonl").exists():
        pytest.skip(f"needs {path} (the project's shared/ folder beside the repository); absent")
    return path


def _as_predictions(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**{k: g.get(k) for k in KEYS},
         "sources": [{"doc_id": g["doc"], "evidence": "", "start": 0, "end": 0}]}
        for g in gold
    ]  # fmt: skip


def test_seeds_gold_scores_one_against_itself() -> None:
    path = _eval_set("seeds")
    gold = load_jsonl(path / "gold.jsonl")
    report = score(
        load_jsonl(path / "docs.jsonl"), gold, _as_predictions(gold),
        load_jsonl(path / "negatives.jsonl"),
    )  # fmt: skip
    detection = report["detection"]
    assert detection["recall"] == 1.0 and detection["f1"] == 1.0
    assert detection["tp"] == sum(g["required"] for g in gold)
    assert detection["neutral"] == sum(not g["required"] for g in gold)
    assert all(f["accuracy"] == 1.0 for f in report["fields"].values() if f["n"])
    assert report["negatives"]["rules"] > 0 and report["negatives"]["count"] == 0


def test_popcorn_gold_with_unknowns_scores_one_against_itself() -> None:
    path = _eval_set("popcorn_fr_train")
    gold = load_jsonl(path / "gold.jsonl")
    required = [g for g in gold if g["required"]]
    report = score(load_jsonl(path / "docs.jsonl"), gold, _as_predictions(required))
    assert report["detection"]["recall"] == 1.0 and report["detection"]["f1"] == 1.0
