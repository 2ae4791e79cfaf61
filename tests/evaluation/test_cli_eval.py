"""`eventdesk eval` through click's CliRunner, on small files written by the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from eventdesk.cli.evaluate import eval_cmd
from tests.evaluation.builders import doc, gold, pred


def _write(path: Path, records: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _files(tmp_path: Path) -> list[str]:
    golds = [gold("a"), gold("b", doc="d2", event_date="2024-04-01", acceptable_dates=[])]
    preds = [pred(golds[0]), pred(golds[0], "us", country_iso3="USA", admin1_code=None)]
    rules = [{"doc": "d1", "what": "stale caption", "forbid": {"country_iso3": "USA"}}]
    return [
        "--docs", _write(tmp_path / "docs.jsonl", [doc("d1"), doc("d2", "en")]),
        "--gold", _write(tmp_path / "gold.jsonl", golds),
        "--pred", _write(tmp_path / "pred.jsonl", preds),
        "--negatives", _write(tmp_path / "negatives.jsonl", rules),
    ]  # fmt: skip


def test_eval_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_cmd, [*_files(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["detection"]["tp"] == 1
    assert report["detection"]["fp"] == 1
    assert report["detection"]["recall"] == 0.5
    assert {"fields", "distance", "by_language", "negatives", "misses", "false_positives"} <= set(
        report
    )
    assert report["negatives"]["count"] == 1
    assert [m["id"] for m in report["misses"]] == ["b"]


def test_eval_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_cmd, _files(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["docs", "tp", "fp", "fn", "neutral", "P", "R", "F1"]
    assert lines[1].split() == ["all", "2", "1", "1", "1", "0", "0.500", "0.500", "0.500"]
    assert any(line.startswith("negatives: 1 rules, 1 predictions violate") for line in lines)


def test_eval_bad_gold_is_a_user_error(tmp_path: Path) -> None:
    args = _files(tmp_path)
    _write(tmp_path / "gold.jsonl", [{"id": "a"}])
    result = CliRunner().invoke(eval_cmd, args)
    assert result.exit_code == 1
    assert "has no 'doc'" in result.output


def test_eval_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_cmd, ["--docs", str(tmp_path / "nope"), "--gold", "x"])
    assert result.exit_code == 2
