"""Fusion through the store: reports fused one document at a time, in any order, give the events
one batch gives; an event keeps its id when a later report joins it; fusing again writes nothing."""

from __future__ import annotations

import json

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk import fuse
from eventdesk.fuse.stored import fuse_stored
from eventdesk.store import open_store
from eventdesk.store import tables as t
from tests.fuse.test_order import _as_set, _report, reports


def _stored_events(store) -> list[dict]:
    return sorted(store.events(), key=lambda e: e["id"])


def _by_document(items) -> dict[str, list]:
    out: dict[str, list] = {}
    for r in items:
        out.setdefault(f"hash-{r.doc.doc_id}", []).append(r)
    return out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reports, st.randoms(use_true_random=False))
def test_one_document_at_a_time_through_the_store_gives_the_batch(
    tmp_path_factory, items, rnd
) -> None:
    store = open_store(str(tmp_path_factory.mktemp("s") / "fuse.db"))
    docs = list(_by_document(items).items())
    rnd.shuffle(docs)
    for content_hash, rs in docs:
        fuse_stored(store.fusion, {content_hash: rs})
    assert _stored_events(store) == _as_set(fuse.fuse(items))
    # every report points at the event that lists its document; only a death called
    # non-combat that disputes no incident points at none
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.reports.c.event_id, t.reports.c.data)).all()
    events = {e["id"]: {s["doc_id"] for s in e["sources"]} for e in _stored_events(store)}
    for event_id, data in rows:
        report = json.loads(data)
        if event_id is None:
            assert report["noncombat"]
        else:
            assert report["doc"]["doc_id"] in events[event_id]


def test_a_later_report_joins_the_event_and_the_id_stays(db) -> None:
    store = open_store(db)
    first, later = _report(0, 0, 0, 0, 9, 0), _report(1, 0, 0, 0, 9, 1)
    (event,) = fuse_stored(store.fusion, {"h0": [first]})
    (joined,) = fuse_stored(store.fusion, {"h1": [later]})
    assert joined.id == event.id and joined.source_count == 2
    assert [e["id"] for e in store.events()] == [event.id]


def test_an_earlier_report_moves_the_id_and_the_old_one_resolves(db) -> None:
    store = open_store(db)
    later, earlier = _report(1, 0, 0, 0, 9, 1), _report(0, 0, 0, 0, 9, 0)
    (event,) = fuse_stored(store.fusion, {"h1": [later]})
    (joined,) = fuse_stored(store.fusion, {"h0": [earlier]})
    assert joined.id != event.id  # named by its earliest report, as a batch names it
    assert store.fusion.resolve(event.id) == joined.id == store.fusion.resolve(joined.id)


def test_fusing_the_same_documents_again_writes_nothing(db) -> None:
    store = open_store(db)
    items = [_report(n, n % 2, 0, 0, 9, n) for n in range(4)]
    fuse_stored(store.fusion, _by_document(items))
    with store.engine.connect() as conn:
        before = conn.execute(sa.select(t.events)).all(), conn.execute(sa.select(t.reports)).all()
    fuse_stored(store.fusion, _by_document(items))
    with store.engine.connect() as conn:
        after = conn.execute(sa.select(t.events)).all(), conn.execute(sa.select(t.reports)).all()
    assert after == before


def test_a_document_coded_again_replaces_its_reports(db) -> None:
    store = open_store(db)
    a, b = _report(0, 0, 0, 0, 9, 0), _report(1, 0, 0, 0, 9, 1)
    fuse_stored(store.fusion, {"h0": [a], "h1": [b]})
    (event,) = _stored_events(store)
    fuse_stored(store.fusion, {"h1": []})  # the second document reports nothing now
    (left,) = _stored_events(store)
    assert [s["doc_id"] for s in left["sources"]] == ["doc0"] and left["id"] == event["id"]
    with store.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(t.reports)) == 1
    assert json.loads(json.dumps(left))["source_count"] == 1


def test_events_coded_before_fusion_was_stored_are_replaced(db) -> None:
    store = open_store(db)
    a, b = _report(0, 0, 0, 0, 9, 0), _report(1, 0, 0, 0, 9, 1)
    store.save_events([a.event, b.event])  # per-document events, as before 0003_fusion
    (event,) = fuse_stored(store.fusion, {"h0": [a], "h1": [b]})
    assert [e["id"] for e in store.events()] == [event.id]
