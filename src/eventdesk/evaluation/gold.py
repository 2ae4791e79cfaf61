"""Reading the evaluation files, and what a gold line says.

A gold line is one event of one document (`doc`). `required: false` marks an event a system may
report without reward or penalty; `type_scored: false` leaves its types unscored; `unscored`
lists other fields not to score; null means unknown (match and score on what is known).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventdesk.errors import FormatError

Record = dict[str, Any]

DATE_DAYS = 3  # default matching window, when the gold line gives no `date_tolerance_days`
UNKNOWN_LANGUAGE = "und"


def load_jsonl(path: str | Path) -> list[Record]:
    """Every JSON object of a JSON Lines file; blank lines skipped, anything else a FormatError."""
    records: list[Record] = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FormatError(f"{path}:{number}: not JSON ({exc.msg})", origin=str(path),
                                  line=number) from exc  # fmt: skip
            if not isinstance(record, dict):
                raise FormatError(f"{path}:{number}: expected a JSON object, got {record!r:.40}",
                                  origin=str(path), line=number)  # fmt: skip
            records.append(record)
    return records


def is_required(gold: Record) -> bool:
    return gold.get("required", True) is not False


def is_unscored(gold: Record, *keys: str) -> bool:
    unscored = gold.get("unscored") or ()
    return any(key in unscored for key in keys)


def exact_dates(gold: Record) -> set[str]:
    """The dates that count as exactly right: `event_date` and the `acceptable_dates`."""
    dates = set(gold.get("acceptable_dates") or ())
    if gold.get("event_date"):
        dates.add(gold["event_date"])
    return dates


def date_tolerance(gold: Record) -> int:
    tolerance = gold.get("date_tolerance_days")
    return DATE_DAYS if tolerance is None else int(tolerance)


def pred_docs(pred: Record) -> list[str]:
    """The documents an event belongs to: those of its sources, each once."""
    ids = (s.get("doc_id") for s in pred.get("sources") or () if isinstance(s, dict))
    return list(dict.fromkeys(i for i in ids if i is not None))


def by_doc(gold: Iterable[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = defaultdict(list)
    for line in gold:
        out[line["doc"]].append(line)
    return out


def doc_languages(docs: Iterable[Record]) -> dict[str, str]:
    """Document id -> its `language`, or the language detected in its text, or 'und'."""
    out: dict[str, str] = {}
    for doc in docs:
        language = doc.get("language") or _detect(doc.get("text") or "")
        out[str(doc["id"])] = language or UNKNOWN_LANGUAGE
    return out


def _detect(text: str) -> str | None:
    if not text.strip():
        return None
    from eventdesk.lang import detect  # lingua loads only when a doc has no language

    return detect([p for p in text.split("\n") if p.strip()])
