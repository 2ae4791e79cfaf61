"""`eventdesk bench api`: the API and dashboard on many synthetic events, in SQLite or PostgreSQL.

Measures p50/p95 latency of GET /events with typical filters, the time the dashboard takes in
headless Chromium to show the map of every event, and the export of all of them as CSV.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import httpx

from eventdesk.api.server import serving_process
from eventdesk.cli.common import err, user_errors
from eventdesk.store import Store, open_store, synthetic

TYPICAL: list[dict[str, Any]] = [
    {},
    {"country": "IRQ"},
    {"country": "NGA", "date_from": "2022-01-01", "date_to": "2022-12-31"},
    {"event_type": "Battles", "date_from": "2023-01-01"},
    {"admin1": "SY-ID", "sort": "-fatalities"},
    {"bbox": "40,30,46,38"},
    {"min_confidence": 0.8, "disputed": "true"},
    {"actor": "police forces"},
    {"q": "shelling"},
    {"country": "MLI", "with_total": "true"},
    {"sub_event_type": "Air/drone strike", "country": "YEM", "sort": "-confidence"},
]
TARGETS = {"events_p95_ms": 100, "map_s": 2.0, "export_csv_s": 10.0}


@click.command("api")
@click.option("--events", "n", type=int, default=200_000, show_default=True)
@click.option("--postgres", is_flag=True, help="A throw-away PostgreSQL server instead of SQLite.")
@click.option("--db", default=None,
              help="Use this database (filled unless it has the events already) instead of a "
                   "temporary one.")  # fmt: skip
@click.option("--rounds", type=int, default=20, show_default=True,
              help="Requests per typical query.")  # fmt: skip
@click.option("--browser/--no-browser", default=True, show_default=True,
              help="Time the dashboard's map in headless Chromium.")  # fmt: skip
def bench_api(n: int, postgres: bool, db: str | None, rounds: int, browser: bool) -> None:
    """Latency of GET /events, time to the dashboard's map, CSV export: one JSON line."""
    with user_errors(), _database(postgres, db) as url:
        store = open_store(url)
        result: dict[str, Any] = {"stage": "api", "engine": store.engine.dialect.name, "events": n}
        result["load_s"] = _fill(store, n)
        with (
            serving_process(url) as (base, pid),
            httpx.Client(base_url=base, timeout=120) as client,
        ):
            result.update(_latency(client, rounds))
            result["clusters_world_s"] = round(_timed(
                lambda: client.get("/events/clusters", params={"zoom": 3}).raise_for_status()), 3)  # fmt: skip
            result.update(_map(base, n) if browser else {"map_s": None})
            result.update(_export(client, n, pid))
        store.close()
    result["targets"] = TARGETS
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]  # others' work on the machine
    click.echo(json.dumps(result))


@contextlib.contextmanager
def _database(postgres: bool, db: str | None) -> Iterator[str]:
    if db:
        yield db
    elif postgres:
        from eventdesk.store.pgcluster import temporary_cluster

        with temporary_cluster() as url:
            yield url
    else:
        with tempfile.TemporaryDirectory() as tmp:
            yield str(Path(tmp) / "bench.db")


def _fill(store: Store, n: int) -> float | None:
    if store.count("events") >= n:
        err.print(f"the database has {store.count('events')} events already: not filled")
        return None
    t0 = time.perf_counter()
    batch = []
    for event in synthetic.events(n):
        batch.append(event)
        if len(batch) == 5000:
            store.save_events(batch)
            batch = []
    store.save_events(batch)
    if store.engine.dialect.name == "postgresql":  # as autovacuum leaves a table at rest
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE events")
    elapsed = time.perf_counter() - t0
    err.print(f"stored {n} synthetic events in {elapsed:.1f} s")
    return round(elapsed, 1)


def _latency(client: httpx.Client, rounds: int) -> dict[str, Any]:
    cursor = client.get("/events").json()["next_cursor"]
    queries = [*TYPICAL, {"cursor": cursor}]
    per: dict[str, list[float]] = {}
    for params in queries:
        key = "&".join(f"{k}={v}" for k, v in params.items() if k != "cursor") or (
            "page 2" if "cursor" in params else "(no filter)")  # fmt: skip
        client.get("/events", params=params).raise_for_status()  # warm up
        per[key] = [_timed(lambda p=params: client.get("/events", params=p).raise_for_status())
                    for _ in range(rounds)]  # fmt: skip
    every = [t for ts in per.values() for t in ts]
    return {
        "events_p50_ms": round(_pct(every, 50) * 1000, 1),
        "events_p95_ms": round(_pct(every, 95) * 1000, 1),
        "events_per_query_p95_ms": {k: round(_pct(v, 95) * 1000, 1) for k, v in per.items()},
    }


def _map(base: str, n: int) -> dict[str, Any]:
    """Seconds from navigation to the map drawn with every event (in the page's own clock)."""
    from eventdesk.web import browser

    why = browser.missing()
    if why:
        err.print(f"map not timed: {why}")
        return {"map_s": None, "map_skipped": why}
    from selenium.webdriver.support.ui import WebDriverWait

    runs = []
    with browser.chromium() as driver:
        for _ in range(3):
            driver.get(base + "/")
            WebDriverWait(driver, 120).until(
                lambda d: d.execute_script("return document.body.dataset.mapReady") == str(n)
            )
            runs.append(driver.execute_script("return window.eventdesk.timings"))
    ready = sorted(r["ready_ms"] for r in runs)
    return {"map_s": round(ready[1] / 1000, 2), "map_runs_ms": runs}


def _export(client: httpx.Client, n: int, server_pid: int) -> dict[str, Any]:
    """Wall time of the CSV download, and the server's CPU seconds for it (which other work on
    the machine does not change)."""
    import psutil

    server = psutil.Process(server_pid)
    cpu0 = sum(server.cpu_times()[:2])
    t0 = time.perf_counter()
    lines = size = 0
    with client.stream("GET", "/events/export", params={"format": "csv"}) as r:
        r.raise_for_status()
        for chunk in r.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - t0
    cpu = sum(server.cpu_times()[:2]) - cpu0
    return {"export_csv_s": round(elapsed, 2), "export_csv_server_cpu_s": round(cpu, 2),
            "export_csv_rows": lines - 1,
            "export_csv_mb": round(size / 1e6, 1)}  # fmt: skip


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]
