"""Scoring a geoparser's toponyms against a geoparsing corpus (`eventdesk eval --geo`).

Gold lines: {"id", "corpus", "toponyms": [{"start", "end", "latitude", "longitude",
"country_iso3", "admin1_code", ...}]}; predictions: what `eventdesk geoparse` writes. A gold
toponym is matched by its exact span. The figures of the geoparsing literature (Gritta et al.
2018), per corpus and over all:

- `acc161`: share of gold toponyms resolved within 161 km (100 miles);
- `mean_km`, `median_km`: error distance, and `auc`: the area under the curve of sorted
  log errors (0 best, 1 worst);
- `country`, `admin1`: share with the right ISO country / ISO 3166-2 province, over the gold
  toponyms whose corpus gives them;
- `resolved`: share the geoparser gave coordinates at all.

A toponym left unresolved counts as wrong, at the largest error on Earth (20,039 km), so a
geoparser cannot gain by answering only where it is sure.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from typing import Any

from eventdesk.evaluation.gold import Record
from eventdesk.evaluation.match import has_point, km_between

WITHIN_KM = 161.0
WORST_KM = 20039.0


def score_geo(gold: list[Record], preds: list[Record]) -> dict[str, Any]:
    """{"corpora": {name: figures}, "all": figures, "misses": [...]} (see the docstring)."""
    predicted = {
        (str(p.get("id")), int(t["start"]), int(t["end"])): t
        for p in preds
        for t in p.get("toponyms") or ()
    }
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    misses = []
    for line in gold:
        corpus = str(line.get("corpus") or "all")
        for t in line.get("toponyms") or ():
            if not has_point(t):
                continue
            pred = predicted.get((str(line["id"]), int(t["start"]), int(t["end"])))
            km = km_between(t, pred) if pred else None
            error = WORST_KM if km is None else km
            row = {
                "km": error,
                "resolved": km is not None,
                "country": _same(t, pred, "country_iso3"),
                "admin1": _same(t, pred, "admin1_code"),
            }
            rows[corpus].append(row)
            if error >= WITHIN_KM:
                misses.append({"id": line["id"], "corpus": corpus, "text": t.get("text"),
                               "start": t["start"], "km": round(error, 1)})  # fmt: skip
    everything = [r for corpus_rows in rows.values() for r in corpus_rows]
    return {
        "corpora": {name: _figures(r) for name, r in sorted(rows.items())},
        "all": _figures(everything),
        "misses": sorted(misses, key=lambda m: (m["corpus"], m["id"], m["start"])),
    }


def _same(gold: Record, pred: Record | None, key: str) -> bool | None:
    if gold.get(key) is None:
        return None
    return pred is not None and pred.get(key) == gold[key]


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {"n": 0}
    errors = [r["km"] for r in rows]
    return {
        "n": len(rows),
        "resolved": round(sum(r["resolved"] for r in rows) / len(rows), 4),
        "acc161": round(sum(e < WITHIN_KM for e in errors) / len(rows), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(_auc(errors), 4),
        "country": _share(rows, "country"),
        "admin1": _share(rows, "admin1"),
    }


def _share(rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    known = [r[key] for r in rows if r[key] is not None]
    return {"n": len(known), "accuracy": round(sum(known) / len(known), 4) if known else None}


def _auc(errors: list[float]) -> float:
    """Area under the sorted curve of log(1 + km) / log(1 + 20,039), by the trapezium rule."""
    scaled = sorted(math.log1p(e) / math.log1p(WORST_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
    return area / (len(scaled) - 1)


def format_geo_report(report: dict[str, Any]) -> str:
    head = (
        f"{'corpus':<12} {'n':>6} {'acc161':>7} {'mean_km':>8} {'median_km':>9} {'auc':>6}"
        f" {'country':>8} {'admin1':>7} {'resolved':>8}"
    )
    lines = [head]
    for name, f in [*report["corpora"].items(), ("all", report["all"])]:
        if not f["n"]:
            continue
        lines.append(
            f"{name:<12} {f['n']:>6} {f['acc161']:>7.3f} {f['mean_km']:>8.1f}"
            f" {f['median_km']:>9.1f} {f['auc']:>6.3f} {_acc(f['country']):>8}"
            f" {_acc(f['admin1']):>7} {f['resolved']:>8.3f}"
        )
    return "\n".join(lines)


def _acc(share: dict[str, Any]) -> str:
    return "-" if share["accuracy"] is None else f"{share['accuracy']:.3f}"
