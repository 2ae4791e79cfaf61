"""The evaluation gate: dev-set figures checked against floors that only go up.

Floors live in tests/eval_floors.json: {set: {figure path: floor}}. A floor is raised (never
lowered) when the coder gets better; the closing note of each change says which. A set is a
folder of docs.jsonl, gold.jsonl and optionally negatives.jsonl: ../shared/eval/NAME, or one of
IN_REPO (the repository's own gold, e.g. the sample corpus's answer key in samples/gold).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES, shared_path

FLOORS = json.loads((REPO / "tests" / "eval_floors.json").read_text())
IN_REPO = {"samples": SAMPLES / "gold"}


def _folder(name: str) -> Path:
    return IN_REPO[name] if name in IN_REPO else shared_path("eval", name)


@cache
def _report(name: str) -> dict:
    from eventdesk import pipeline
    from eventdesk.evaluation import load_jsonl, score

    folder = _folder(name)
    docs = load_jsonl(folder / "docs.jsonl")
    gold = load_jsonl(folder / "gold.jsonl")
    if gold and "toponyms" in gold[0]:  # a geoparsing set: `eventdesk eval --geo`
        return _geo_report(docs, gold)
    # the coder's figures are read off each document's own events: the dev sets of incident notes
    # are distinct events by construction (fusion is gated by tests/fixtures/fusion); the
    # samples, full articles, are scored as users get them, fused
    fused = name == "samples"
    preds = list(pipeline.extract_docs_jsonl(str(folder / "docs.jsonl"), fused=fused))
    negatives_path = folder / "negatives.jsonl"
    negatives = load_jsonl(negatives_path) if negatives_path.exists() else None
    return score(docs, gold, preds, negatives)


def _geo_report(docs: list[dict], gold: list[dict]) -> dict:
    """Resolution figures, and `margin.<corpus>`: acc161 above the most-populous baseline."""
    from eventdesk.evaluation.geo import score_geo
    from eventdesk.geo import Gazetteer
    from eventdesk.geo.geoparse import geoparse_all

    gaz = Gazetteer.open()
    report = score_geo(gold, list(geoparse_all(gaz, docs)))
    baseline = score_geo(gold, list(geoparse_all(gaz, docs, "population")))
    report["margin"] = {
        name: round(figures["acc161"] - baseline["corpora"][name]["acc161"], 4)
        for name, figures in report["corpora"].items()
    }
    return report


def _figure(report: dict, path: str) -> float:
    value: object = report
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    assert isinstance(value, int | float), f"{path} is {value!r}"
    return float(value)


CASES = [(name, path, floor) for name, figures in FLOORS.items() for path, floor in figures.items()]


@pytest.mark.parametrize(("name", "path", "floor"), CASES, ids=[f"{n}:{p}" for n, p, _ in CASES])
def test_dev_set_figure_is_at_least_its_floor(name: str, path: str, floor: float) -> None:
    report = _report(name)
    if path == "negatives.count":
        assert _figure(report, path) <= floor, report["negatives"]["violations"]
        return
    got = _figure(report, path)
    assert got >= floor, f"{name} {path}: {got} < floor {floor}"


def test_floors_file_is_well_formed() -> None:
    assert FLOORS and all(isinstance(v, dict) and v for v in FLOORS.values())
    assert Path(REPO / "tests" / "eval_floors.json").read_text().endswith("\n")
