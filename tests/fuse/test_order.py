"""Fusion depends on the set of reports only: one at a time, in any order, or all at once."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk import fuse
from eventdesk.fuse.report import DocFeatures, make_report
from eventdesk.records import Event, EventType, GeoPrecision, Source, SubEventType, TimePrecision

PLACES = [("Gao", "ML-7", 16.27, -0.04, 1), ("Bourem", "ML-7", 16.95, -0.35, 2),
          ("Menaka", "ML-9", 15.43, 3.02, 3)]  # fmt: skip
TYPES = [SubEventType.ARMED_CLASH, SubEventType.REMOTE_EXPLOSIVE, SubEventType.ATTACK]
PARENT = {SubEventType.ARMED_CLASH: EventType.BATTLES,
          SubEventType.REMOTE_EXPLOSIVE: EventType.EXPLOSIONS,
          SubEventType.ATTACK: EventType.VIOLENCE_AGAINST_CIVILIANS}  # fmt: skip


def _report(n: int, place: int, day: int, sub: int, toll: int | None, outlet: int,
            noncombat: bool = False):  # fmt: skip
    name, code, lat, lon, gid = PLACES[place]
    date = (dt.date(2024, 3, 10) + dt.timedelta(days=day)).isoformat()
    text = f"Gunmen attacked soldiers in {name} with {toll} dead."
    event = Event(
        id=f"ev-{n}", event_date=date, time_precision=TimePrecision.DAY,
        event_type=PARENT[TYPES[sub]], sub_event_type=TYPES[sub], actor1=None,
        actor2="Military Forces of Mali (2021-)", country="Mali", country_iso3="MLI",
        admin1=name, admin1_code=code, location=name, latitude=lat, longitude=lon,
        geo_precision=GeoPrecision.PLACE, geonameid=gid, fatalities=toll, claimed_by=None,
        confidence=0.6, sources=(Source(f"doc{n}", text, 0, len(text), f"Outlet {outlet}"),),
    )  # fmt: skip
    doc = DocFeatures(f"doc{n}", f"Outlet {outlet}", None, None, date, "en", (n,) * 64,
                      frozenset({name.lower()}), frozenset({name.lower()}), 12)  # fmt: skip
    return make_report(event, doc, noncombat=noncombat)


reports = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(0, 2),
              st.one_of(st.none(), st.integers(0, 12)), st.integers(0, 3),
              st.sampled_from([False, False, False, True])),
    min_size=1, max_size=12,
).map(lambda rows: [_report(n, *row) for n, row in enumerate(rows)])  # fmt: skip


def _as_set(events):
    return sorted((e.to_json() for e in events), key=lambda e: e["id"])


@settings(max_examples=60, deadline=None)
@given(reports, st.randoms(use_true_random=False))
def test_any_order_gives_the_same_events(items, rnd) -> None:
    batch = _as_set(fuse.fuse(items))
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert _as_set(fuse.fuse(shuffled)) == batch
    # one at a time: each new report fused with everything seen before it
    seen: list = []
    for r in shuffled:
        seen.append(r)
        fuse.fuse(seen)
    assert _as_set(fuse.fuse(seen)) == batch


def test_two_reports_of_one_incident_are_one_event_with_both_sources() -> None:
    a, b = _report(0, 0, 0, 0, 9, 0), _report(1, 0, 0, 0, 11, 1)
    (event,) = fuse.fuse([a, b])
    assert [s.doc_id for s in event.sources] == ["doc0", "doc1"]
    assert event.fatalities == 9 and event.disputed and "fatalities" in event.disputed_fields
    assert {(c.count, c.doc_id) for c in event.fatalities_claims} == {(9, "doc0"), (11, "doc1")}
    assert event.source_count == 2


def test_two_places_far_apart_stay_two_events() -> None:
    a, b = _report(0, 0, 0, 0, 9, 0), _report(1, 1, 0, 0, 9, 1)
    assert len(fuse.fuse([a, b])) == 2
