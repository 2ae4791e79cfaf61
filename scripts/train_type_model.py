"""Train eventdesk's ACLED type model from ACLED-coded notes, measure it, and write it.

    python scripts/train_type_model.py --docs A/docs.jsonl --gold A/gold.jsonl \\
        [--docs B/docs.jsonl --gold B/gold.jsonl] [--csv acled_export.csv] [--folds 5] [--cross]

Inputs: pairs of JSON Lines files (docs: `id`, `text`; gold: `doc`, `event_type`,
`sub_event_type` (may be null), `required`), or ACLED CSV exports (`notes`, `event_type`,
`sub_event_type`). Rows with no event type are skipped; rows with an event type but no
sub-event type teach only the event-type head.

Writes `src/eventdesk/data/models/acled_types.npz` (weights as float16, no pickle) and
`acled_types.json`, a card with the training sets, sizes, date and the accuracy measured:
`--folds K` runs K-fold cross-validation within each set (and with the other sets added to the
training folds); `--cross` trains on each set alone and tests on each other one. See
scripts/README.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import StratifiedKFold

from eventdesk.code import model as tm
from eventdesk.records import SUB_EVENT_PARENT, EventType, SubEventType

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "eventdesk" / "data" / "models" / "acled_types.npz"
MAX_BYTES = 20 * 1024 * 1024
PARENT = {str(s): str(e) for s, e in SUB_EVENT_PARENT.items()}


@dataclass
class Rows:
    """One training set: texts with their event type and sub-event type ('' when unknown)."""

    name: str
    source: str
    text: list[str]
    event: np.ndarray
    sub: np.ndarray

    def take(self, idx: np.ndarray) -> Rows:
        pick = [self.text[i] for i in idx]
        return Rows(self.name, self.source, pick, self.event[idx], self.sub[idx])


def _rows(name: str, source: str, triples: list[tuple[str, str, str]]) -> Rows:
    """Rows of one set; those whose types are not of the current taxonomy are counted and skipped."""
    events, subs = set(map(str, EventType)), set(map(str, SubEventType))
    kept, skipped = [], Counter[str]()
    for text, event, sub in triples:
        if event not in events or (sub and (sub not in subs or PARENT[sub] != event)):
            skipped[f"{event}/{sub}" if sub else event] += 1
        else:
            kept.append((text, event, sub))
    if skipped:
        _log(
            f"{source}: skipped {sum(skipped.values())} rows of types outside the taxonomy: {dict(skipped)}"
        )
    texts = [t for t, _, _ in kept]
    event_arr = np.array([e for _, e, _ in kept], dtype=object)
    sub_arr = np.array([s for _, _, s in kept], dtype=object)
    return Rows(name, source, texts, event_arr, sub_arr)


def read_jsonl(docs: Path, gold: Path) -> Rows:
    texts = {}
    with docs.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                texts[d["id"]] = d["text"]
    triples = []
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            g = json.loads(line)
            if g.get("required", True) and g.get("event_type") and g["doc"] in texts:
                triples.append((texts[g["doc"]], g["event_type"], g.get("sub_event_type") or ""))
    return _rows(docs.parent.name or docs.stem, f"{_short(docs)} + {_short(gold)}", triples)


def read_csv(path: Path) -> Rows:
    """An ACLED export: columns `notes`, `event_type`, `sub_event_type` (others ignored)."""
    triples = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            notes, event = (row.get("notes") or "").strip(), (row.get("event_type") or "").strip()
            if notes and event:
                triples.append((notes, event, (row.get("sub_event_type") or "").strip()))
    return _rows(path.stem, _short(path), triples)


def fit(sets: list[Rows], alpha: float, balance: bool) -> dict[str, np.ndarray]:
    """The arrays of a model file, trained on the rows of `sets`."""
    vecs = tm.vectorizers(tm.FEATURES)
    texts = [t for s in sets for t in s.text]
    event = np.concatenate([s.event for s in sets])
    sub = np.concatenate([s.sub for s in sets])
    # With --balance each set weighs as much in total as the smallest one.
    smallest = min(len(s.text) for s in sets)
    weight = np.concatenate(
        [np.full(len(s.text), smallest / len(s.text) if balance else 1.0) for s in sets]
    )
    x = tm.features(texts, vecs)
    arrays: dict[str, np.ndarray] = {}
    for head, y, rows in (("event", event, event != ""), ("sub", sub, sub != "")):
        clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=100, tol=1e-4, random_state=0)
        clf.fit(x[rows], y[rows], sample_weight=weight[rows])
        coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_, clf.coef_])
        bias = clf.intercept_ if len(clf.classes_) > 2 else np.array([-1, 1]) * clf.intercept_
        cols = np.flatnonzero(np.abs(coef).max(axis=0) > 0)
        arrays[f"{head}_labels"] = np.array([str(c) for c in clf.classes_])
        arrays[f"{head}_cols"] = cols.astype(np.int32)
        arrays[f"{head}_coef"] = coef[:, cols].astype(np.float16)
        arrays[f"{head}_bias"] = bias.astype(np.float32)
    parent = {s: PARENT[s] for s in arrays["sub_labels"]}
    config = {"format": tm.FORMAT, "features": tm.FEATURES, "parent": parent, "alpha": alpha}
    arrays["config"] = np.array(json.dumps(config))
    return arrays


def score(arrays: dict[str, np.ndarray], test: Rows) -> dict[str, Any]:
    """Event-type and sub-event-type accuracy of a model on labelled rows."""
    model = tm.from_arrays(arrays)
    subs = np.array(model.sub_event_types, dtype=object)[
        model.sub_probabilities(test.text).argmax(axis=1)
    ]
    events = np.array(model.event_types, dtype=object)[
        model.event_probabilities(test.text).argmax(axis=1)
    ]
    known = test.sub != ""
    seen = np.isin(test.event, model.event_types)
    return {
        "n": len(test.text),
        "event_correct": int((events == test.event).sum()),
        "sub_n": int(known.sum()),
        "sub_correct": int((subs[known] == test.sub[known]).sum()),
        "seen_n": int(seen.sum()),
        "seen_correct": int((events[seen] == test.event[seen]).sum()),
    }


def _summary(parts: list[dict[str, Any]]) -> dict[str, Any]:
    total = {k: sum(p[k] for p in parts) for k in parts[0]}
    out: dict[str, Any] = {"notes": total["n"]}
    out["event_type_accuracy"] = round(total["event_correct"] / total["n"], 4)
    if total["sub_n"]:
        out["sub_event_type_notes"] = total["sub_n"]
        out["sub_event_type_accuracy"] = round(total["sub_correct"] / total["sub_n"], 4)
    if total["seen_n"] != total["n"]:
        out["notes_of_types_seen_in_training"] = total["seen_n"]
        out["event_type_accuracy_on_those"] = round(
            total["seen_correct"] / max(total["seen_n"], 1), 4
        )
    return out


def cross_validate(
    sets: list[Rows], k: int, alpha: float, balance: bool, alone: bool
) -> dict[str, Any]:
    """K-fold accuracy on each set; with `alone` False the other sets join every training fold."""
    report = {}
    for i, target in enumerate(sets):
        others = [] if alone else [s for j, s in enumerate(sets) if j != i]
        folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=0)
        parts = []
        for train_idx, test_idx in folds.split(target.text, target.event):
            arrays = fit([target.take(train_idx), *others], alpha, balance)
            parts.append(score(arrays, target.take(test_idx)))
        report[target.name] = _summary(parts)
        _log(
            f"cv ({'alone' if alone else 'with the other sets'}) {target.name}: {report[target.name]}"
        )
    return report


def cross_sets(sets: list[Rows], alpha: float) -> dict[str, Any]:
    report = {}
    for train in sets:
        arrays = fit([train], alpha, balance=False)
        for test in sets:
            if test is not train:
                key = f"train {train.name} -> test {test.name}"
                report[key] = _summary([score(arrays, test)])
                _log(f"{key}: {report[key]}")
    return report


def _describe(s: Rows) -> dict[str, Any]:
    return {
        "name": s.name,
        "source": s.source,
        "notes": len(s.text),
        "notes_with_sub_event_type": int((s.sub != "").sum()),
        "event_types": dict(Counter(s.event).most_common()),
    }


def _speed(arrays: dict[str, np.ndarray], texts: list[str]) -> dict[str, int]:
    """Notes a second through `TypeModel`: in one batch, and one `predict` call per note."""
    model = tm.from_arrays(arrays)
    start = time.perf_counter()
    model.predict_many(texts)
    batch = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts[:500]:
        model.predict(text)
    single = min(len(texts), 500) / (time.perf_counter() - start)
    return {"predict_many": round(batch), "predict": round(single)}


def _short(path: Path) -> str:
    """A path as the card shows it: its folder and name, not where it sat on one machine."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=Path, action="append", default=[], help="docs JSONL (id, text)")
    ap.add_argument(
        "--gold", type=Path, action="append", default=[], help="gold JSONL, one per --docs"
    )
    ap.add_argument("--csv", type=Path, action="append", default=[], help="an ACLED CSV export")
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="model file (.npz); card beside it"
    )
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    ap.add_argument(
        "--cross", action="store_true", help="also train on each set, test on the others"
    )
    ap.add_argument(
        "--alpha", type=float, default=1e-5, help="L2 strength of the SGD logistic regressions"
    )
    ap.add_argument("--balance", action="store_true", help="give each set the same total weight")
    ap.add_argument("--no-save", action="store_true", help="measure only")
    args = ap.parse_args(argv)
    if len(args.docs) != len(args.gold):
        ap.error("give one --gold per --docs")
    sets = [read_jsonl(d, g) for d, g in zip(args.docs, args.gold, strict=True)]
    sets += [read_csv(p) for p in args.csv]
    if not sets:
        ap.error("nothing to train on: give --docs/--gold pairs or --csv files")
    for s in sets:
        if not s.text:
            ap.error(f"{s.source}: no row with an event type of the current ACLED taxonomy")
        _log(f"{s.name}: {len(s.text)} notes, {int((s.sub != '').sum())} with a sub-event type")
    card: dict[str, Any] = {
        "model": "eventdesk ACLED type model",
        "trained": dt.date.today().isoformat(),
        "trained_on": [_describe(s) for s in sets],
        "method": (
            "hashed word 1-2 grams + char_wb 3-5 grams of the note (dates removed, digits -> 0), "
            "two L2 logistic regressions (SGD, one-vs-rest) (event type on every labelled row; sub-event type on rows "
            "that have one); P(sub) = P(event) * P(sub | event)"
        ),
        "features": tm.FEATURES,
        "alpha": args.alpha,
        "balance": args.balance,
        "scikit_learn": sklearn.__version__,
        "data_licence": "ACLED data (ACLED Terms of Use); the notes themselves are not shipped",
        "how_to_read": (
            "accuracies are the share of test notes whose top prediction is the gold label; "
            "sub_event_type_accuracy counts only notes that have a gold sub-event type; "
            "out_of_set event_type_accuracy counts every test note, also those of event types "
            "the training set never has, and event_type_accuracy_on_those only the others"
        ),
    }
    started = time.monotonic()
    if args.folds > 1:
        card["cross_validation"] = {
            "folds": args.folds,
            "each_set_alone": cross_validate(
                sets, args.folds, args.alpha, args.balance, alone=True
            ),
        }
        if len(sets) > 1:
            card["cross_validation"]["with_the_other_sets_in_training"] = cross_validate(
                sets, args.folds, args.alpha, args.balance, alone=False
            )
    if args.cross and len(sets) > 1:
        card["out_of_set"] = cross_sets(sets, args.alpha)
    arrays = fit(sets, args.alpha, args.balance)
    card["labels"] = {
        "event_types": list(arrays["event_labels"]),
        "sub_event_types": list(arrays["sub_labels"]),
    }
    card["seconds_to_measure_and_train"] = round(time.monotonic() - started)
    card["notes_per_second"] = _speed(arrays, [t for s in sets for t in s.text][:2000])
    if args.no_save:
        print(json.dumps(card, indent=2))
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)  # type: ignore[arg-type]  # numpy's stub types **kwds badly
    size = args.out.stat().st_size
    card["file_bytes"] = size
    if size > MAX_BYTES:
        raise SystemExit(
            f"{args.out} is {size} bytes, over the {MAX_BYTES} allowed; lower n_features"
        )
    args.out.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    _log(f"wrote {args.out} ({size / 1e6:.1f} MB) and its card")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
