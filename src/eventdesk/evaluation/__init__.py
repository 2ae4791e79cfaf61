"""Scoring predicted events against a dev set's gold (`eventdesk eval`).

    gold.py    reading JSONL, what a gold line says (required, unscored, dates), doc languages
    match.py   when a prediction may stand for a gold event, and the one-to-one assignment per doc
    score.py   detection P/R/F1, field accuracy, distance, per language, negatives, duplicates
    report.py  the report as a readable table

`score(docs, gold, preds, negatives)` is pure: it reads nothing and returns one JSON-able dict.
"""

from __future__ import annotations

from eventdesk.evaluation.gold import load_jsonl
from eventdesk.evaluation.report import format_report
from eventdesk.evaluation.score import score

__all__ = ["format_report", "load_jsonl", "score"]
