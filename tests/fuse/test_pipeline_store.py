"""`eventdesk extract PATH --db`: documents ingested one at a time give the events of one batch,
and extracting the same documents again changes nothing."""

from __future__ import annotations

import json
import random

import pytest
import sqlalchemy as sa

from eventdesk import config, pipeline
from eventdesk.store import open_store
from eventdesk.store import tables as t
from tests.conftest import REPO

INCIDENTS = ("I01", "I06", "I13", "I24", "D02", "I05")


def _docs() -> list[dict]:
    fixture = REPO / "tests" / "fixtures" / "fusion"
    gold = [json.loads(line) for line in (fixture / "gold.jsonl").read_text().splitlines()]
    wanted = {g["doc"] for g in gold if g["incident_id"] in INCIDENTS}
    docs = [json.loads(line) for line in (fixture / "docs.jsonl").read_text().splitlines()]
    return [d for d in docs if d["id"] in wanted]


def _write(path, docs) -> str:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return str(path)


def _events(store) -> list[dict]:
    return sorted(store.events(), key=lambda e: e["id"])


@pytest.mark.slow
def test_one_document_at_a_time_gives_the_batch_and_again_is_a_no_op(tmp_path, tmp_path_factory):
    settings = config.load(None)
    docs = _docs()
    batch = open_store(str(tmp_path_factory.mktemp("a") / "batch.db"))
    everything = _write(tmp_path / "all.jsonl", docs)
    pipeline.extract([everything], batch, settings)
    expected = _events(batch)
    assert any(e["source_count"] > 1 for e in expected)

    single = open_store(str(tmp_path_factory.mktemp("b") / "single.db"))
    order = list(docs)
    random.Random(5).shuffle(order)
    for n, doc in enumerate(order):
        pipeline.extract([_write(tmp_path / f"one_{n}.jsonl", [doc])], single, settings)
    assert _events(single) == expected

    with batch.engine.connect() as conn:
        before = [conn.execute(sa.select(table)).all() for table in (t.events, t.reports)]
    pipeline.extract([everything], batch, settings)
    with batch.engine.connect() as conn:
        after = [conn.execute(sa.select(table)).all() for table in (t.events, t.reports)]
    assert after == before
