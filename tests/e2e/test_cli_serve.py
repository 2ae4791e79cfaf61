"""The serve-side commands: users, export, and `bench api` on a few events (no timing asserted)."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.export.acled import ACLED_COLUMNS
from eventdesk.store import open_store, synthetic


def test_users_and_export(db):
    store = open_store(db)
    store.save_events(list(synthetic.events(30, seed=4)))
    run = CliRunner().invoke
    added = run(main, ["users", "add", "sam", "--role", "reviewer", "--db", db])
    assert added.exit_code == 0 and added.stdout.strip().startswith("edk_")
    assert run(main, ["users", "add", "sam", "--db", db]).exit_code == 1  # exists
    assert run(main, ["users", "add", "x", "--role", "boss", "--db", db]).exit_code == 2
    listed = [json.loads(x) for x in run(main, ["users", "list", "--db", db]).stdout.splitlines()]
    assert listed == [{**listed[0], "name": "sam", "role": "reviewer", "tokens": 1}]
    assert run(main, ["users", "revoke", "sam", "--db", db]).exit_code == 0
    assert run(main, ["users", "revoke", "nobody", "--db", db]).exit_code == 1
    out = run(main, ["export", "--db", db, "--country", "IRQ"])
    rows = list(csv.reader(io.StringIO(out.stdout)))
    want = sum(1 for e in synthetic.events(30, seed=4) if e.country_iso3 == "IRQ")
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS and len(rows) == want + 1
    assert run(main, ["export", "--db", db, "--format", "parquet"]).exit_code == 2  # needs --out


def test_bench_api_runs(db):
    out = CliRunner().invoke(main, ["bench", "api", "--events", "300", "--rounds", "2",
                                    "--no-browser", "--db", db])  # fmt: skip
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["events"] == 300 and result["export_csv_rows"] == 300
    assert set(result["events_per_query_p95_ms"]) >= {"(no filter)", "country=IRQ", "page 2"}
