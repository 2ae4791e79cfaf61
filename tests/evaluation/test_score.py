"""Scoring hand-built predictions against hand-built gold."""

from __future__ import annotations

from itertools import permutations
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.errors import FormatError
from eventdesk.evaluation import load_jsonl, score
from eventdesk.evaluation.score import relaxed_actor
from tests.evaluation.builders import doc, gold, pred

DOCS = [doc("d1"), doc("d2", "en")]


def test_perfect_prediction_scores_one() -> None:
    golds = [gold("a"), gold("b", "d2", admin1_code="ML-6", latitude=16.77, longitude=-3.0)]
    report = score(DOCS, golds, [pred(g) for g in golds])
    assert report["detection"] | {} == {"tp": 2, "fp": 0, "fn": 0, "neutral": 0,
                                        "precision": 1.0, "recall": 1.0, "f1": 1.0}  # fmt: skip
    assert all(f["accuracy"] == 1.0 for f in report["fields"].values() if f["n"])
    assert report["fields"]["date"]["n"] == 2
    assert report["distance"] | {} == {"n": 2, "with_coordinates": 2, "mean_km": 0.0,
                                       "median_km": 0.0, "acc50": 1.0}  # fmt: skip
    assert report["misses"] == [] and report["false_positives"] == []


def test_missed_event_lowers_recall_and_is_listed() -> None:
    golds = [gold("a"), gold("b", event_date="2024-03-20", acceptable_dates=[])]
    report = score(DOCS, golds, [pred(golds[0])])
    assert report["detection"]["recall"] == 0.5
    assert report["detection"]["precision"] == 1.0
    assert [(m["doc"], m["id"]) for m in report["misses"]] == [("d1", "b")]


def test_wrong_province_does_not_match() -> None:
    g = gold("a")
    wrong = pred(g, admin1_code="ML-6", latitude=16.77, longitude=-3.0)
    detection = score(DOCS, [g], [wrong])["detection"]
    assert (detection["tp"], detection["fp"], detection["fn"]) == (0, 1, 1)


@pytest.mark.parametrize(("day", "tp"), [("2024-03-14", 0), ("2024-03-12", 1), ("2024-03-08", 1)])
def test_date_off_by_four_does_not_match_off_by_two_does(day: str, tp: int) -> None:
    g = gold("a")
    report = score(DOCS, [g], [pred(g, event_date=day)])
    assert report["detection"]["tp"] == tp
    if tp:
        assert report["fields"]["date"] == {"n": 1, "correct": 0, "accuracy": 0.0}


def test_matched_optional_gold_is_neutral() -> None:
    optional = gold("o", required=False)
    report = score(DOCS, [optional], [pred(optional)])
    assert report["detection"] | {} == {"tp": 0, "fp": 0, "fn": 0, "neutral": 1,
                                        "precision": None, "recall": None, "f1": None}  # fmt: skip
    assert report["fields"]["date"]["n"] == 0


def test_unmatched_optional_gold_is_not_a_miss() -> None:
    report = score(DOCS, [gold("o", required=False)], [])
    assert report["detection"]["fn"] == 0 and report["misses"] == []


def test_prediction_without_gold_counts_only_inside_docs() -> None:
    p_in = pred(gold("x", doc="d2"))
    p_out = pred(gold("y", doc="elsewhere"))
    report = score(DOCS, [gold("z", doc="elsewhere")], [p_in, p_out])
    assert report["detection"]["fp"] == 1
    assert [(f["doc"], f["id"]) for f in report["false_positives"]] == [("d2", "p-x")]
    assert report["coverage"] == {"gold_outside_docs": 1, "preds_outside_docs": 1}


def test_event_with_two_sources_is_scored_in_each_doc() -> None:
    g1, g2 = gold("a"), gold("b", doc="d2")
    report = score(DOCS, [g1, g2], [pred(g1, docs=("d1", "d2"))])
    assert report["detection"]["tp"] == 2


def test_negatives_violation_detected() -> None:
    rules = [
        {"doc": "d1", "what": "stale caption", "forbid": {"country_iso3": "USA"}},
        {"doc": "d1", "what": "link title", "forbid": {"admin1_code": "ML-7",
                                                       "event_date_from": "2024-03-11"}},
        {"doc": "nowhere", "what": "not in docs", "forbid": {"country_iso3": "MLI"}},
    ]  # fmt: skip
    g = gold("a")
    preds = [pred(g), pred(g, "us", country_iso3="USA", admin1_code="US-DC")]
    negatives = score(DOCS, [g], preds, rules)["negatives"]
    assert negatives["rules"] == 2
    assert negatives["count"] == 1
    assert [(v["id"], v["what"]) for v in negatives["violations"]] == [("us", "stale caption")]
    late = score(DOCS, [g], [pred(g, event_date="2024-03-12")], rules)["negatives"]
    assert [v["what"] for v in late["violations"]] == ["link title"]


def test_per_language_split() -> None:
    golds = [gold("a"), gold("b", doc="d2")]
    report = score(DOCS, golds, [pred(golds[0])])
    by_language = report["by_language"]
    assert sorted(by_language) == ["en", "fr"]
    assert by_language["fr"]["detection"]["recall"] == 1.0
    assert by_language["en"]["detection"]["recall"] == 0.0
    assert by_language["en"]["docs"] == 1


def test_language_detected_when_docs_give_none() -> None:
    text = "Des hommes armés ont attaqué une patrouille de l'armée près de Gao samedi matin."
    report = score([doc("d1", None, text)], [], [])
    assert list(report["by_language"]) == ["fr"]


def test_actor_relaxed_ignores_period_and_case() -> None:
    g = gold("a")
    report = score(DOCS, [g], [pred(g, actor1="military forces of mali")])
    fields = report["fields"]
    assert fields["actor1"]["accuracy"] == 0.0
    assert fields["actor1_relaxed"]["accuracy"] == 1.0
    assert relaxed_actor("Military Forces of Somalia (2017-) Jubaland Security Force") == (
        "military forces of somalia jubaland security force"
    )
    assert relaxed_actor("Police Forces of Mali (1991-2002)") == "police forces of mali"
    assert relaxed_actor(None) is None


def test_fatalities_null_against_zero_is_right_only_in_the_acled_reading() -> None:
    """ACLED writes 0 where nothing is reported; eventdesk writes null. `fatalities` accepts that,
    `fatalities_strict` does not; a wrong number is wrong in both."""
    zero = gold("a", fatalities=0)
    fields = score(DOCS, [zero], [pred(zero, fatalities=None)])["fields"]
    assert fields["fatalities"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert fields["fatalities_strict"] == {"n": 1, "correct": 0, "accuracy": 0.0}
    wrong = score(DOCS, [zero], [pred(zero, fatalities=2)])["fields"]
    assert wrong["fatalities"]["correct"] == 0 and wrong["fatalities_strict"]["correct"] == 0
    unknown = gold("a", fatalities=None)
    assert score(DOCS, [unknown], [pred(unknown, fatalities=3)])["fields"]["fatalities"]["n"] == 0


def test_types_scored_only_where_gold_says_so() -> None:
    g = gold("a", acceptable_sub_event_types=["Armed clash", "Attack"])
    fields = score(DOCS, [g], [pred(g, sub_event_type="Attack")])["fields"]
    assert fields["sub_event_type"]["accuracy"] == 1.0
    unscored = gold("a", type_scored=False)
    fields = score(DOCS, [unscored], [pred(unscored, event_type="Riots")])["fields"]
    assert fields["event_type"]["n"] == fields["sub_event_type"]["n"] == 0


def test_unscored_fields_are_skipped() -> None:
    g = gold("a", unscored=["claimed_by", "actor1"], claimed_by="JNIM")
    fields = score(DOCS, [g], [pred(g, claimed_by=None, actor1="x")])["fields"]
    assert fields["claimed_by"]["n"] == fields["actor1"]["n"] == fields["actor1_relaxed"]["n"] == 0
    assert fields["actor2"]["n"] == 1


def test_province_and_distance_figures() -> None:
    g = gold("a")
    report = score(DOCS, [g], [pred(g, admin1_code="ML-6", latitude=16.5, longitude=-0.2)])
    assert report["fields"]["province"]["accuracy"] == 0.0
    assert 25 < report["distance"]["mean_km"] < 40
    assert report["distance"]["acc50"] == 1.0


def test_duplicates_scored_when_gold_has_incidents() -> None:
    g1, g2 = gold("a", incident_id="i1"), gold("b", doc="d2", incident_id="i1")
    fused = score(DOCS, [g1, g2], [pred(g1, "e", docs=("d1", "d2"))])["duplicates"]
    assert fused["gold_pairs"] == 1 and fused["f1"] == 1.0
    split = score(DOCS, [g1, g2], [pred(g1, "e1"), pred(g2, "e2")])["duplicates"]
    assert split["recall"] == 0.0 and split["pred_pairs"] == 0
    assert score(DOCS, [gold("a")], [])["duplicates"] is None


def test_recall_over_all_gold_pairs_counts_documents_read_no_event_in_as_missed() -> None:
    g1, g2 = gold("a", incident_id="i1"), gold("b", doc="d2", incident_id="i1")
    uncoded = score(DOCS, [g1, g2], [pred(g1, "e")])["duplicates"]
    assert uncoded["gold_pairs"] == 0 and uncoded["recall"] is None
    assert uncoded["gold_pairs_all"] == 1 and uncoded["recall_all"] == 0.0
    fused = score(DOCS, [g1, g2], [pred(g1, "e", docs=("d1", "d2"))])["duplicates"]
    assert fused["recall_all"] == 1.0


def _max_pairs(gold_days: list[int], pred_days: list[int]) -> int:
    """Brute force: the most gold events that one-to-one pairs within 3 days can cover."""
    short, long = sorted((gold_days, pred_days), key=len)
    best = 0
    for chosen in permutations(long, len(short)):
        best = max(best, sum(abs(a - b) <= 3 for a, b in zip(short, chosen, strict=True)))
    return best


days = st.lists(st.integers(1, 12), max_size=4)


@given(days, days, st.randoms(use_true_random=False))
def test_true_positives_are_the_most_possible_in_any_order(
    gold_days: list[int], pred_days: list[int], rnd: Random
) -> None:
    golds = [gold(f"g{i}", event_date=f"2024-03-{d:02}", acceptable_dates=[])
             for i, d in enumerate(gold_days)]  # fmt: skip
    preds = [
        pred(gold("x"), f"p{i}", event_date=f"2024-03-{d:02}") for i, d in enumerate(pred_days)
    ]
    rnd.shuffle(preds)
    detection = score(DOCS, golds, preds)["detection"]
    best = _max_pairs(gold_days, pred_days)
    assert (detection["tp"], detection["fp"], detection["fn"]) == (
        best,
        len(preds) - best,
        len(golds) - best,
    )


def test_load_jsonl_reports_bad_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n\n[1]\n', encoding="utf-8")
    with pytest.raises(FormatError, match=r"gold.jsonl:3: expected a JSON object"):
        load_jsonl(path)
    path.write_text('{"id": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(FormatError, match=r":2: not JSON"):
        load_jsonl(path)
