"""`eventdesk eval`: score predicted events against a dev set's gold.

Registered in `eventdesk.cli` with `main.add_command(evaluate.eval_cmd)`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from eventdesk.errors import EventdeskError, InputError
from eventdesk.evaluation import format_report, load_jsonl, score
from eventdesk.evaluation.geo import format_geo_report, score_geo

_file = click.Path(exists=True, dir_okay=False)


@click.command("eval")
@click.option(
    "--docs",
    "docs_path",
    type=_file,
    required=True,
    help="The documents (JSON Lines with id, text, language); only these are scored.",
)
@click.option(
    "--gold",
    "gold_path",
    type=_file,
    required=True,
    help="Gold events, one JSON object per line (the dev sets' gold.jsonl).",
)
@click.option(
    "--pred",
    "pred_path",
    type=_file,
    default=None,
    help="Predicted events (JSON Lines, event schema). Default: extract from --docs.",
)
@click.option(
    "--negatives",
    "negatives_path",
    type=_file,
    default=None,
    help="Forbid rules: {doc, what, forbid: {field: value, event_date_from/_to}}.",
)
@click.option(
    "--geo",
    is_flag=True,
    help="Score toponym resolution (a geoparsing set: gold toponyms per document) instead.",
)
@click.option(
    "--method",
    type=click.Choice(["context", "population"]),
    default="context",
    help="With --geo and no --pred: eventdesk's resolution, or the most-populous baseline.",
)
@click.option(
    "--no-fuse",
    is_flag=True,
    help="Without --pred: score each document's own events (the coder alone), not fused ones.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as one JSON object.")
def eval_cmd(docs_path: str, gold_path: str, pred_path: str | None, negatives_path: str | None,
             geo: bool, method: str, no_fuse: bool, as_json: bool) -> None:  # fmt: skip
    """Detection P/R/F1, field accuracy, distance, per language; misses and false positives.

    With --geo: accuracy within 161 km, mean and median error, AUC, country and province
    accuracy of the resolved toponyms, per corpus."""
    try:
        if geo:
            report = evaluate_geo_files(docs_path, gold_path, pred_path, method)
        else:
            report = evaluate_files(docs_path, gold_path, pred_path, negatives_path, not no_fuse)
    except EventdeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        click.echo(format_geo_report(report) if geo else format_report(report))


def evaluate_geo_files(
    docs_path: str, gold_path: str, pred_path: str | None = None, method: str = "context"
) -> dict[str, Any]:
    """Geoparses the documents (unless predictions are given) and scores the toponyms."""
    from eventdesk.geo import Gazetteer
    from eventdesk.geo.geoparse import geoparse_all

    docs, gold = load_jsonl(docs_path), load_jsonl(gold_path)
    _require(docs, "id", docs_path)
    _require(gold, "id", gold_path)
    if pred_path:
        preds = load_jsonl(pred_path)
    else:
        preds = list(geoparse_all(Gazetteer.open(), docs, method))
    wanted = {str(d["id"]) for d in docs}
    return score_geo([g for g in gold if str(g["id"]) in wanted], preds)


def evaluate_files(
    docs_path: str, gold_path: str, pred_path: str | None = None,
    negatives_path: str | None = None, fused: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Reads the files (and runs extraction when no predictions are given) and scores them."""
    docs, gold = load_jsonl(docs_path), load_jsonl(gold_path)
    _require(docs, "id", docs_path)
    _require(gold, "doc", gold_path)
    preds = load_jsonl(pred_path) if pred_path else _extract(docs_path, fused)
    negatives = load_jsonl(negatives_path) if negatives_path else None
    return score(docs, gold, preds, negatives)


def _extract(docs_path: str, fused: bool = True) -> list[dict[str, Any]]:
    try:
        from eventdesk.pipeline import extract_docs_jsonl  # type: ignore[attr-defined]
    except ImportError as exc:
        raise InputError(
            "this build cannot extract events (no eventdesk.pipeline.extract_docs_jsonl); "
            "pass the predictions with --pred"
        ) from exc

    def rejected(item: Any) -> None:  # its gold events will count as misses: say so
        click.echo(f"skipped {item.reason}: {item.message}", err=True)

    return list(extract_docs_jsonl(docs_path, on_rejected=rejected, fused=fused))


def _require(records: list[dict[str, Any]], key: str, path: str) -> None:
    for number, record in enumerate(records, 1):
        if record.get(key) is None:
            raise InputError(f"{path}: record {number} has no {key!r}", origin=path, line=number)
