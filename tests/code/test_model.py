"""The shipped ACLED type model: it loads, stays small, and reads plain notes right.

The notes below are written for these tests; none comes from ACLED data.
"""

from __future__ import annotations

import json

import pytest

from eventdesk.code.model import DEFAULT_PATH, TypeModel, normalise
from eventdesk.records import SUB_EVENT_PARENT, EventType, SubEventType

NOTES = [
    (
        "On 3 March 2024, protesters gathered in front of parliament in the capital to demand "
        "higher pensions for retired teachers. [size=no report]",
        SubEventType.PEACEFUL_PROTEST,
    ),
    (
        "On 14 June 2023, mortar shells fell on a residential neighbourhood on the edge of the "
        "town, wounding two children.",
        SubEventType.SHELLING,
    ),
    (
        "On 5 January 2024, unidentified gunmen shot dead a trader at the cattle market in the "
        "town and fled on motorbikes.",
        SubEventType.ATTACK,
    ),
    (
        "On 21 August 2023, an IED exploded next to a military convoy on the road to the district "
        "centre, wounding three soldiers.",
        SubEventType.REMOTE_EXPLOSIVE,
    ),
    (
        "On 2 February 2024, soldiers clashed with militants near the village. Several fighters "
        "were killed in the exchange of fire.",
        SubEventType.ARMED_CLASH,
    ),
]


@pytest.fixture(scope="module")
def model() -> TypeModel:
    loaded = TypeModel.load()
    assert loaded is not None, f"the shipped model {DEFAULT_PATH} is missing"
    return loaded


def test_the_shipped_model_is_small_and_has_a_card() -> None:
    assert DEFAULT_PATH.stat().st_size < 20 * 1024 * 1024
    card = json.loads(DEFAULT_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert card["trained_on"] and card["file_bytes"] == DEFAULT_PATH.stat().st_size


def test_load_is_cached_and_a_missing_file_gives_none(model: TypeModel, tmp_path) -> None:
    assert TypeModel.load() is model
    assert TypeModel.load(tmp_path / "absent.npz") is None


@pytest.mark.parametrize(("text", "expected"), NOTES, ids=[s.name for _, s in NOTES])
def test_short_notes_get_their_type(model: TypeModel, text: str, expected: SubEventType) -> None:
    best, _ = model.predict(text)[0]
    assert SUB_EVENT_PARENT[SubEventType(best)] == SUB_EVENT_PARENT[expected]
    assert best == expected
    assert model.predict_event_types(text)[0][0] == SUB_EVENT_PARENT[expected]


def test_predictions_are_sorted_probabilities_of_known_types(model: TypeModel) -> None:
    ranked = model.predict(NOTES[0][0])
    probs = [p for _, p in ranked]
    assert probs == sorted(probs, reverse=True)
    assert sum(probs) == pytest.approx(1.0, abs=1e-4)
    assert {s for s, _ in ranked} <= set(map(str, SubEventType))
    assert {e for e, _ in model.predict_event_types(NOTES[0][0])} == set(map(str, EventType))


def test_predict_many_matches_predict_and_takes_empty_text(model: TypeModel) -> None:
    texts = [t for t, _ in NOTES] + [""]
    many = model.predict_many(texts)
    assert len(many) == len(texts)
    for text, ranked in zip(texts, many, strict=True):
        assert ranked[0][0] == model.predict(text)[0][0]
    assert model.predict_many([]) == []


def test_normalise_drops_dates_and_digits_but_keeps_the_size_suffix() -> None:
    text = "On 9 May 2020, about 200 workers marched. [size=around 200]"
    assert normalise(text) == "about 000 workers marched. [size=around 000]"
    assert normalise("Around 4 May 2020 (as reported), a man was found.") == "a man was found."
    assert "Tuesday" not in normalise("Gunmen struck on Tuesday, police said on May 5.")
