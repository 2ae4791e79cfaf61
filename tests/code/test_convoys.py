"""Convoys and patrols hit on the road: the state whose convoy it was is the target, and an
air strike needs something that flies (sentences written for the tests)."""

from __future__ import annotations

import pytest

from eventdesk.code.events import _model_type
from eventdesk.records import SubEventType
from tests.code.coding import events as coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        ("Le 4 mars, une patrouille française a été touchée par un engin explosif près de "
         "Ménaka.", "fr", "France"),
        ("Le 4 mars, un convoi de ravitaillement américain a été pris pour cible près de "
         "Khanaqin.", "fr", "the United States"),
        ("On March 4, a US convoy was hit by a roadside bomb near Khanaqin.", "en",
         "the United States"),
    ],
)  # fmt: skip
def test_the_convoy_hit_is_the_target(text: str, lang: str, state: str) -> None:
    (event,) = coded(text, lang)
    assert event.actor2 is not None
    assert event.actor2.startswith(f"Military Forces of {state}")
    assert event.actor1 is None or state not in event.actor1


def test_a_convoy_targeted_with_nothing_flying_is_no_air_strike() -> None:
    (event,) = coded("On March 4, a US military convoy was targeted near Khanaqin.", "en")
    assert event.sub_event_type != "Air/drone strike"
    assert event.actor2 is not None and "United States" in event.actor2


def test_the_model_s_air_strike_needs_a_word_for_aircraft() -> None:
    ranked = [
        (SubEventType.AIR_DRONE_STRIKE.value, 0.5),
        (SubEventType.ARMED_CLASH.value, 0.2),
        (SubEventType.SHELLING.value, 0.18),
        (SubEventType.REMOTE_EXPLOSIVE.value, 0.12),
    ]
    assert _model_type(ranked, "Coalition jets hit a depot.") == ranked[0]
    assert _model_type(ranked, "Drones hit a depot.") == ranked[0]
    # nothing flies: the likeliest other remote violence, as sure as the air strike was
    assert _model_type(ranked, "A depot was targeted.") == (SubEventType.SHELLING.value, 0.5)
    other = [(SubEventType.ARMED_CLASH.value, 0.6), *ranked[:1]]
    assert _model_type(other, "A depot was targeted.") == other[0]
