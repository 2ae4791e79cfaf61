"""Compatibility of a prediction with a gold event, and the one-to-one assignment per document."""

from __future__ import annotations

import pytest

from eventdesk.evaluation.match import assign, cost, date_gap, km_between
from tests.evaluation.builders import gold, pred


def test_km_between_known_distance() -> None:
    paris, lyon = (
        {"latitude": 48.8566, "longitude": 2.3522},
        {"latitude": 45.764, "longitude": 4.8357},
    )
    assert km_between(paris, lyon) == pytest.approx(392, abs=3)
    assert km_between(paris, {"latitude": None, "longitude": 2.0}) is None


@pytest.mark.parametrize(("day", "gap"), [("2024-03-10", 0), ("2024-03-12", 2), ("2024-03-07", 3),
                                          ("2024-03-14", None), ("2024-03-06", None), (None, None)])  # fmt: skip
def test_date_window_is_three_days(day: str | None, gap: int | None) -> None:
    assert date_gap(gold("g"), {"event_date": day}) == gap


def test_acceptable_dates_are_exact_and_tolerance_comes_from_gold() -> None:
    g = gold("g", acceptable_dates=["2024-03-10", "2024-02-01"])
    assert date_gap(g, {"event_date": "2024-02-01"}) == 0
    assert date_gap(g, {"event_date": "2024-02-02"}) is None  # no window around the extras
    wide = gold("g", date_tolerance_days=7)
    assert date_gap(wide, {"event_date": "2024-03-17"}) == 7


def test_unknown_gold_date_and_country_match_on_what_is_known() -> None:
    g = gold("g", event_date=None, acceptable_dates=[], country_iso3=None)
    assert cost(g, pred(g, event_date="1999-01-01", country_iso3="FRA")) is not None
    assert cost(gold("g"), pred(gold("g"), country_iso3="NER")) is None


def test_province_by_code_or_by_distance() -> None:
    g = gold("g")
    far = pred(g, admin1_code="ML-6", latitude=16.77, longitude=-3.0)  # Tombouctou, ~320 km
    near = pred(g, admin1_code="ML-6", latitude=16.5, longitude=-0.2)  # other code, ~30 km
    assert cost(g, far) is None
    assert cost(g, near) is not None
    assert cost(g, pred(g, latitude=None, longitude=None)) is not None  # same code suffices
    assert cost(g, pred(g, admin1_code=None, latitude=None, longitude=None)) is None


def test_place_unknown_when_gold_has_neither_code_nor_point() -> None:
    g = gold("g", admin1_code=None, latitude=None, longitude=None)
    assert cost(g, pred(gold("x"), admin1_code="ML-6", latitude=10.0, longitude=10.0)) is not None


def test_augmenting_path_recovers_what_greedy_loses() -> None:
    a, b = gold("a"), gold("b", event_date="2024-03-13", acceptable_dates=[])
    x = pred(a, "x")  # exact for a, 3 days from b
    y = pred(a, "y", event_date="2024-03-07")  # 3 days from a, 6 from b: only a
    assert assign([a, b], [x, y]) == [(0, 1), (1, 0)]


def test_required_gold_takes_a_prediction_before_an_optional_one() -> None:
    optional = gold("o", required=False)
    required = gold("r", event_date="2024-03-12", acceptable_dates=[])
    assert assign([optional, required], [pred(optional)]) == [(1, 0)]


def test_closest_pairs_are_chosen() -> None:
    a = gold("a", admin1_code="ML-7", latitude=16.27, longitude=-0.04)
    b = gold("b", admin1_code="ML-6", latitude=16.77, longitude=-3.0)
    assert assign([a, b], [pred(b, "pb"), pred(a, "pa")]) == [(0, 1), (1, 0)]
