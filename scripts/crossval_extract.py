#!/usr/bin/env python
"""K-fold evaluation of the whole coder on an ACLED-notes set whose notes also train the type
model: each fold is coded by a model trained without it, so no figure is read off notes the
model has seen.

    python scripts/crossval_extract.py --docs E/acled2020_world/docs.jsonl \
        --gold E/acled2020_world/gold.jsonl [--extra-docs E/acled2018_me/docs.jsonl \
        --extra-gold E/acled2018_me/gold.jsonl] [--folds 5] [--work /tmp/cv] --out preds.jsonl

then score the predictions: `eventdesk eval --docs ... --gold ... --pred preds.jsonl`. Each note
is coded alone (notes are distinct events); `--fuse` fuses them as `eventdesk extract` does.
By default each fold is coded as a collection of its own; `--whole` codes it among all the
notes, as `eventdesk extract` codes a user's file (the collection's focus is learned from the
texts, no gold), and keeps the fold's events: only the type model is held out.
Folds are fixed by a hash of the document id. Each fold retrains the model (about a minute).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--extra-docs", action="append", default=[], help="more training notes")
    ap.add_argument("--extra-gold", action="append", default=[])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--work", default="/tmp/eventdesk-cv")
    ap.add_argument("--out", required=True)
    ap.add_argument(
        "--fuse", action="store_true", help="fuse across notes (default: each note alone)"
    )
    ap.add_argument(
        "--whole", action="store_true", help="code each fold among all the notes (see above)"
    )
    args = ap.parse_args()

    from eventdesk import pipeline
    from eventdesk.code import model

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    docs, gold = _read(args.docs), _read(args.gold)
    extra = [x for pair in zip(args.extra_docs, args.extra_gold, strict=True) for x in pair]
    with open(args.out, "w", encoding="utf-8") as out:
        for k in range(args.folds):
            held = {d["id"] for d in docs if zlib.crc32(d["id"].encode()) % args.folds == k}
            _write(work / f"train{k}.docs.jsonl", [d for d in docs if d["id"] not in held])
            _write(work / f"train{k}.gold.jsonl", [g for g in gold if g["doc"] not in held])
            _write(work / f"test{k}.docs.jsonl", [d for d in docs if d["id"] in held])
            weights = work / f"model{k}.npz"
            pairs = ["--docs", str(work / f"train{k}.docs.jsonl"),
                     "--gold", str(work / f"train{k}.gold.jsonl")]  # fmt: skip
            for i in range(0, len(extra), 2):
                pairs += ["--docs", extra[i], "--gold", extra[i + 1]]
            subprocess.run(
                [sys.executable, str(HERE / "train_type_model.py"), *pairs, "--folds", "0",
                 "--out", str(weights)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            model.DEFAULT_PATH = weights
            test = args.docs if args.whole else str(work / f"test{k}.docs.jsonl")
            for event in pipeline.extract_docs_jsonl(test, fused=args.fuse):
                if any(s["doc_id"] in held for s in event["sources"]):
                    out.write(json.dumps(event, ensure_ascii=False) + "\n")
            print(f"fold {k + 1}/{args.folds}: {len(held)} notes", file=sys.stderr)


def _read(path: str) -> list[dict]:  # type: ignore[type-arg]
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:  # type: ignore[type-arg]
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
