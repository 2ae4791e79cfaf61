"""The evaluation report (the dict `score` returns) as a table for people."""

from __future__ import annotations

from typing import Any

from eventdesk.evaluation.calibration import format_calibration


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _detection_row(label: str, part: dict[str, Any]) -> str:
    d = part["detection"]
    return (
        f"{label:<8} {part['docs']:>6} {d['tp']:>6} {d['fp']:>6} {d['fn']:>6} {d['neutral']:>7}"
        f"  {_num(d['precision']):>6} {_num(d['recall']):>6} {_num(d['f1']):>6}"
    )


def _fields(report: dict[str, Any]) -> list[str]:
    lines = [f"{'field':<16} {'n':>6} {'correct':>8} {'accuracy':>9}"]
    for name, f in report["fields"].items():
        lines.append(f"{name:<16} {f['n']:>6} {f['correct']:>8} {_num(f['accuracy']):>9}")
    km = report["distance"]
    lines.append(
        f"distance: {km['n']} pairs with gold coordinates ({km['with_coordinates']} predicted),"
        f" mean {_num(km['mean_km'], 1)} km, median {_num(km['median_km'], 1)} km,"
        f" acc@50km {_num(km['acc50'])}"
    )
    return lines


def _negatives(negatives: dict[str, Any]) -> list[str]:
    lines = [f"negatives: {negatives['rules']} rules, {negatives['count']} predictions violate"]
    for v in negatives["violations"]:
        lines.append(f"  {v['doc']} {v['id']} {v['event_date']} {v['country_iso3']}"
                     f" {v['admin1_code']}: {v['what']}")  # fmt: skip
    return lines


def _duplicates(dup: dict[str, Any] | None) -> str:
    if dup is None:
        return "duplicates: not scored (no gold incident_id)"
    return (
        f"duplicates: {dup['gold_pairs']} gold pairs, {dup['pred_pairs']} predicted, "
        f"P {_num(dup['precision'])} R {_num(dup['recall'])} F1 {_num(dup['f1'])}, "
        f"{dup.get('over_merged', 0)} events merge distinct incidents; "
        f"R over all {dup.get('gold_pairs_all', 0)} gold pairs (documents read no event in "
        f"count as missed) {_num(dup.get('recall_all'))}"
    )


def format_report(report: dict[str, Any]) -> str:
    header = f"{'':<8} {'docs':>6} {'tp':>6} {'fp':>6} {'fn':>6} {'neutral':>7}  {'P':>6} {'R':>6} {'F1':>6}"
    rows = [_detection_row(lang, part) for lang, part in report["by_language"].items()]
    coverage = report["coverage"]
    lines = [
        header,
        _detection_row("all", report),
        *rows,
        "",
        *_fields(report),
        "",
        *_negatives(report["negatives"]),
        _duplicates(report["duplicates"]),
        *format_calibration(report["calibration"]),
        f"outside the docs: {coverage['gold_outside_docs']} gold events, "
        f"{coverage['preds_outside_docs']} predictions (not scored)",
        f"misses: {len(report['misses'])}, false positives: {len(report['false_positives'])}"
        " (listed with --json)",
    ]
    return "\n".join(lines)
