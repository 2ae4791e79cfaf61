"""Scores predicted events against gold: detection, fields, distance, per language, negatives.

Only the documents given count: a prediction or gold event of another document is left out (and
counted under `coverage`). In each document the assignment of `match.assign` pairs predictions
with gold events; a pair with a required gold event is a true positive, a pair with a
non-required one drops the prediction from scoring, an unpaired prediction is a false positive
(also in a document with no gold at all), an unpaired required gold event a false negative.
Fields are scored over the true-positive pairs only, where the gold knows the value.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from eventdesk.evaluation.calibration import calibration
from eventdesk.evaluation.gold import (
    Record,
    by_doc,
    doc_languages,
    exact_dates,
    is_required,
    is_unscored,
    pred_docs,
)
from eventdesk.evaluation.match import MAX_KM, assign, has_point, km_between

Check = Callable[[Record, Record], bool | None]  # None: not scored for this gold event

_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def relaxed_actor(name: object) -> str | None:
    """An actor name without ACLED's period tags ("Military Forces of Syria (2000-)") or case."""
    if not isinstance(name, str):
        return None
    return " ".join(_PERIOD.sub("", name).split()).casefold()


def _same(key: str) -> Check:
    return lambda gold, pred: pred.get(key) == gold.get(key)


def _known(key: str) -> Check:
    return lambda gold, pred: None if gold.get(key) is None else pred.get(key) == gold[key]


def _fatalities(gold: Record, pred: Record) -> bool | None:
    """Exact toll. ACLED writes 0 where no toll is reported and eventdesk writes null, so a null
    prediction is right against a gold 0 (`fatalities_strict` does not allow that)."""
    if gold.get("fatalities") is None:
        return None
    return pred.get("fatalities") == gold["fatalities"] or (
        pred.get("fatalities") is None and gold["fatalities"] == 0
    )


def _date(gold: Record, pred: Record) -> bool | None:
    dates = exact_dates(gold)
    return pred.get("event_date") in dates if dates else None


def _event_type(gold: Record, pred: Record) -> bool | None:
    if not gold.get("type_scored") or gold.get("event_type") is None:
        return None
    return pred.get("event_type") == gold["event_type"]


def _sub_event_type(gold: Record, pred: Record) -> bool | None:
    if not gold.get("type_scored") or gold.get("sub_event_type") is None:
        return None
    accepted = {gold["sub_event_type"], *(gold.get("acceptable_sub_event_types") or ())}
    return pred.get("sub_event_type") in accepted


def _relaxed(key: str) -> Check:
    return lambda gold, pred: relaxed_actor(pred.get(key)) == relaxed_actor(gold.get(key))


# name -> (gold keys whose presence in `unscored` skips it, check)
FIELDS: dict[str, tuple[tuple[str, ...], Check]] = {
    "date": (("event_date", "date"), _date),
    "event_type": (("event_type",), _event_type),
    "sub_event_type": (("sub_event_type",), _sub_event_type),
    "actor1": (("actor1",), _same("actor1")),
    "actor1_relaxed": (("actor1",), _relaxed("actor1")),
    "actor2": (("actor2",), _same("actor2")),
    "actor2_relaxed": (("actor2",), _relaxed("actor2")),
    "fatalities": (("fatalities",), _fatalities),
    "fatalities_strict": (("fatalities",), _known("fatalities")),
    "claimed_by": (("claimed_by",), _same("claimed_by")),
    "province": (("admin1_code", "province"), _known("admin1_code")),
}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Tally:
    docs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in FIELDS})
    km: list[float] = field(default_factory=list)
    km_scored: int = 0  # pairs whose gold has coordinates

    def add_pair(self, gold: Record, pred: Record, required: bool) -> None:
        """A true positive (scored) when the gold event is required, else a neutral pair."""
        if not required:
            self.neutral += 1
            return
        self.tp += 1
        for name, (keys, check) in FIELDS.items():
            verdict = None if is_unscored(gold, *keys) else check(gold, pred)
            if verdict is not None:
                self.fields[name][0] += 1
                self.fields[name][1] += verdict
        if has_point(gold):
            self.km_scored += 1
            if (km := km_between(gold, pred)) is not None:
                self.km.append(km)

    def as_dict(self) -> dict[str, Any]:
        precision, recall = _ratio(self.tp, self.tp + self.fp), _ratio(self.tp, self.tp + self.fn)
        f1 = _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)
        return {
            "docs": self.docs,
            "detection": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "neutral": self.neutral,
                          "precision": precision, "recall": recall, "f1": f1},
            "fields": {name: {"n": n, "correct": ok, "accuracy": _ratio(ok, n)}
                       for name, (n, ok) in self.fields.items()},
            "distance": {
                "n": self.km_scored, "with_coordinates": len(self.km),
                "mean_km": round(statistics.fmean(self.km), 1) if self.km else None,
                "median_km": round(statistics.median(self.km), 1) if self.km else None,
                "acc50": _ratio(sum(km <= MAX_KM for km in self.km), self.km_scored),
            },
        }  # fmt: skip


def score(
    docs: list[Record],
    gold: list[Record],
    preds: list[Record],
    negatives: list[Record] | None = None,
) -> dict[str, Any]:
    """The evaluation report of `preds` against `gold` over `docs`, as one JSON-able dict."""
    languages = doc_languages(docs)
    gold_of = by_doc(gold)
    preds_of: dict[str, list[int]] = defaultdict(list)
    for index, pred in enumerate(preds):
        for doc_id in pred_docs(pred):
            preds_of[doc_id].append(index)
    overall = Tally()
    per_language: defaultdict[str, Tally] = defaultdict(Tally)
    misses: list[Record] = []
    false_positives: list[Record] = []
    links: list[tuple[str, Record, str]] = []  # (doc, required gold, key of its prediction)
    outcomes: list[tuple[float, bool]] = []  # (confidence, right) per scored prediction
    for doc_id, language in languages.items():
        tallies = (overall, per_language[language])
        for tally in tallies:
            tally.docs += 1
        golds, indices = gold_of.get(doc_id, []), preds_of.get(doc_id, [])
        pairs = assign(golds, [preds[i] for i in indices])
        for g, p in pairs:
            required = is_required(golds[g])
            if required:
                links.append((doc_id, golds[g], _pred_key(preds, indices[p])))
            for tally in tallies:
                tally.add_pair(golds[g], preds[indices[p]], required)
        paired_gold, paired_pred = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, event in enumerate(golds):
            if is_required(event) and g not in paired_gold:
                misses.append(_brief(doc_id, event, event.get("id")))
                for tally in tallies:
                    tally.fn += 1
        outcomes.extend(
            (float(preds[indices[p]].get("confidence") or 0.0), is_required(golds[g]))
            for g, p in pairs
            if is_required(golds[g])
        )
        for p, index in enumerate(indices):
            if p not in paired_pred:
                outcomes.append((float(preds[index].get("confidence") or 0.0), False))
                false_positives.append(_brief(doc_id, preds[index], _pred_key(preds, index)))
                for tally in tallies:
                    tally.fp += 1
    return {
        **overall.as_dict(),
        "by_language": {lang: t.as_dict() for lang, t in sorted(per_language.items())},
        "negatives": check_negatives(negatives or [], preds, preds_of, languages),
        "calibration": calibration(outcomes),
        "duplicates": duplicate_f1(
            links,
            any(g.get("incident_id") for g in gold),
            [
                (doc, g["incident_id"])
                for doc, gs in gold_of.items()
                if doc in languages
                for g in gs
                if g.get("incident_id") and is_required(g)
            ],
        ),  # fmt: skip
        "coverage": {
            "gold_outside_docs": sum(len(v) for k, v in gold_of.items() if k not in languages),
            "preds_outside_docs": sum(all(d not in languages for d in pred_docs(p)) for p in preds),
        },
        "misses": misses,
        "false_positives": false_positives,
    }


def check_negatives(
    rules: Iterable[Record], preds: list[Record], preds_of: dict[str, list[int]],
    languages: dict[str, str],
) -> dict[str, Any]:  # fmt: skip
    """Predictions that match every condition of a forbid rule of their document."""
    rules = [r for r in rules if r.get("doc") in languages]
    violations = [
        _brief(rule["doc"], preds[i], _pred_key(preds, i)) | {"what": rule.get("what")}
        for rule in rules
        for i in preds_of.get(rule["doc"], [])
        if _forbidden(rule.get("forbid") or {}, preds[i])
    ]
    distinct = {(v["doc"], v["id"]) for v in violations}
    return {"rules": len(rules), "count": len(distinct), "violations": violations}


def _forbidden(forbid: Record, pred: Record) -> bool:
    day = pred.get("event_date")
    for key, value in forbid.items():
        if key == "event_date_from":
            ok = isinstance(day, str) and day[:10] >= str(value)
        elif key == "event_date_to":
            ok = isinstance(day, str) and day[:10] <= str(value)
        else:
            ok = pred.get(key) == value
        if not ok:
            return False
    return bool(forbid)


def duplicate_f1(
    links: list[tuple[str, Record, str]],
    has_incidents: bool,
    every: list[tuple[str, str]] | None = None,
) -> dict[str, Any] | None:
    """Pairs of matched gold events of different documents: same incident vs same prediction;
    `over_merged` counts the predicted events matched to gold events of two or more incidents.
    `every` (document, incident) of every required gold event, matched or not: `recall_all`
    counts the pairs of documents no event was read in (an uncoded language) as missed."""
    if not has_incidents:
        return None
    linked = [(doc, g["incident_id"], key) for doc, g, key in links if g.get("incident_id")]
    gold_pairs = _pairs(linked, lambda item: item[1])
    pred_pairs = _pairs(linked, lambda item: item[2])
    both = len(gold_pairs & pred_pairs)
    incidents: dict[str, set[str]] = defaultdict(set)
    for _, incident, key in linked:
        incidents[key].add(incident)
    over = sorted(key for key, found in incidents.items() if len(found) > 1)
    every_pairs = _pairs([(d, i, "") for d, i in every or []], lambda item: item[1])
    return {"gold_pairs": len(gold_pairs), "pred_pairs": len(pred_pairs), "both": both,
            "gold_pairs_all": len(every_pairs), "recall_all": _ratio(both, len(every_pairs)),
            "precision": _ratio(both, len(pred_pairs)), "recall": _ratio(both, len(gold_pairs)),
            "f1": _ratio(2 * both, len(gold_pairs) + len(pred_pairs)),
            "over_merged": len(over), "over_merged_events": over}  # fmt: skip


def _pairs(
    linked: list[tuple[str, str, str]], group: Callable[[tuple[str, str, str]], str]
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of items of different documents that fall in the same group."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(linked):
        groups[group(item)].append(i)
    return {
        (i, j)
        for members in groups.values()
        for i, j in combinations(members, 2)
        if linked[i][0] != linked[j][0]
    }


def _pred_key(preds: list[Record], index: int) -> str:
    return str(preds[index].get("id") or f"#{index}")


def _brief(doc_id: str, event: Record, key: object) -> Record:
    keep = ("event_date", "event_type", "sub_event_type", "country_iso3", "admin1_code", "location")
    return {"doc": doc_id, "id": key, **{k: event.get(k) for k in keep}}
