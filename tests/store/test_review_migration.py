"""Migration 0004_review on both engines: events stored before it get their columns filled in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from eventdesk.store import open_store, query, synthetic
from eventdesk.store.engine import create, resolve_url
from eventdesk.store.eventrows import index_columns


def _upgrade(engine: sa.Engine, target: str) -> None:
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("eventdesk.store").joinpath("migrations"))
    )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def test_events_from_before_get_their_columns(db_url):
    engine = create(resolve_url(db_url))
    _upgrade(engine, "0002")
    events = [e.to_json() for e in synthetic.events(5, seed=2)]
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO events (id, event_date, event_type, sub_event_type, country_iso3, "
            "admin1_code, data, schema_version, updated_at) VALUES (:id, :d, :t, :s, :c, :a, "
            ":data, 1, :now)"), [
            {"id": e["id"], "d": e["event_date"], "t": e["event_type"], "s": e["sub_event_type"],
             "c": e["country_iso3"], "a": e["admin1_code"], "data": json.dumps(e),
             "now": datetime.now(UTC)} for e in events])  # fmt: skip
    engine.dispose()
    store = open_store(db_url)  # migrates to the head
    with store.engine.connect() as conn:
        for e in events:
            got = query.get(conn, e["id"])
            assert (
                got is not None
                and got["review"]["status"] == "new"
                and got["review"]["version"] == 1
            )
            row = conn.execute(sa.select(query.E.latitude, query.E.priority, query.E.search)
                               .where(query.E.id == e["id"])).one()  # fmt: skip
            want = index_columns(e)
            assert (row.latitude, row.priority, row.search) == (
                want["latitude"],
                want["priority"],
                want["search"],
            )
    store.close()


def test_sqlite_statistics_are_refreshed_when_the_table_grows(db):
    store = open_store(db)
    store.save_events(list(synthetic.events(50, seed=1)))
    assert store.refresh_statistics() is True
    assert store.refresh_statistics() is False  # nothing changed
    store.save_events(list(synthetic.events(100, seed=1, prefix="more")))
    assert store.refresh_statistics() is True
