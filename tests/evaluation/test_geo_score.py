"""Scoring toponym resolution (`eventdesk eval --geo`) on gold written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.evaluation.geo import WORST_KM, score_geo


def _gold() -> list[dict]:
    return [
        {"id": "a", "corpus": "X", "toponyms": [
            {"start": 0, "end": 5, "latitude": 10.0, "longitude": 10.0, "country_iso3": "AAA",
             "admin1_code": "AA-1"},
            {"start": 10, "end": 15, "latitude": 20.0, "longitude": 20.0, "country_iso3": None,
             "admin1_code": None},
            {"start": 20, "end": 25, "latitude": 30.0, "longitude": 30.0},
            {"start": 30, "end": 35, "latitude": None, "longitude": None},
        ]},
        {"id": "b", "corpus": "Y", "toponyms": [
            {"start": 0, "end": 4, "latitude": 0.0, "longitude": 0.0, "country_iso3": "BBB"},
        ]},
    ]  # fmt: skip


def _preds() -> list[dict]:
    return [
        {"id": "a", "toponyms": [
            {"start": 0, "end": 5, "latitude": 10.5, "longitude": 10.0, "country_iso3": "AAA",
             "admin1_code": "AA-2"},  # 56 km off, right country, wrong province
            {"start": 10, "end": 15, "latitude": 25.0, "longitude": 20.0},  # 556 km off
            {"start": 20, "end": 25, "latitude": None, "longitude": None},  # unresolved
        ]},
    ]  # fmt: skip


def test_accuracy_errors_and_codes_per_corpus() -> None:
    report = score_geo(_gold(), _preds())
    x, y = report["corpora"]["X"], report["corpora"]["Y"]
    assert x["n"] == 3  # the toponym without gold coordinates is not scored
    assert x["acc161"] == pytest.approx(1 / 3, abs=1e-4)
    assert x["resolved"] == pytest.approx(2 / 3, abs=1e-4)
    assert x["median_km"] == pytest.approx(556.0, abs=1.0)
    assert x["mean_km"] == pytest.approx((55.6 + 556.0 + WORST_KM) / 3, abs=1.0)
    assert x["country"] == {"n": 1, "accuracy": 1.0}
    assert x["admin1"] == {"n": 1, "accuracy": 0.0}
    assert (y["n"], y["acc161"], y["resolved"]) == (1, 0.0, 0.0)  # no prediction: worst error
    assert report["all"]["n"] == 4
    assert 0 < x["auc"] < 1
    assert {m["id"] for m in report["misses"]} == {"a", "b"}


def test_eval_geo_command_with_predictions(tmp_path: Path) -> None:
    docs, gold, pred = (tmp_path / f"{n}.jsonl" for n in ("docs", "gold", "pred"))
    docs.write_text("".join(json.dumps({"id": i, "text": "x" * 40}) + "\n" for i in "ab"))
    gold.write_text("".join(json.dumps(g) + "\n" for g in _gold()))
    pred.write_text("".join(json.dumps(p) + "\n" for p in _preds()))
    args = ["eval", "--geo", "--docs", str(docs), "--gold", str(gold), "--pred", str(pred)]
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["corpora"]["X"]["n"] == 3
    table = CliRunner().invoke(main, args)
    assert "acc161" in table.output and "X" in table.output
