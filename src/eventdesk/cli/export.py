"""`eventdesk export`: the stored events (filtered) as ACLED-column CSV, JSONL, GeoJSON or Parquet."""

from __future__ import annotations

import sys

import click

from eventdesk.cli.common import db_option, user_errors
from eventdesk.export.writers import FORMATS, writer
from eventdesk.store import open_store, query
from eventdesk.store.query import STATUSES, VISIBLE, EventFilter


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="csv", show_default=True)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: stdout; Parquet needs a file).",
)
@click.option("--country", multiple=True, help="ISO3 code or name; repeat for several.")
@click.option("--admin1", multiple=True, help="ISO 3166-2 code or province name.")
@click.option("--from", "date_from", default=None, help="First day, YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="Last day, YYYY-MM-DD.")
@click.option("--event-type", multiple=True)
@click.option(
    "--status",
    multiple=True,
    type=click.Choice([*STATUSES, "all"]),
    help="Review states to include (default: all but rejected and merged).",
)
@db_option
def export(fmt: str, out_path: str | None, country: tuple[str, ...], admin1: tuple[str, ...],
           date_from: str | None, date_to: str | None, event_type: tuple[str, ...],
           status: tuple[str, ...], db: str | None) -> None:  # fmt: skip
    """Export events; CSV has ACLED's columns in ACLED's order, then eventdesk's."""
    if fmt == "parquet" and not out_path:
        raise click.UsageError("Parquet is binary: give --out FILE")
    f = EventFilter(country=country, admin1=admin1, date_from=date_from, date_to=date_to,
                    event_type=event_type,
                    status=() if "all" in status else (status or VISIBLE))  # fmt: skip
    chunks, _, _ = writer(fmt)
    with user_errors(), open_store(db).engine.connect() as conn:
        out = open(out_path, "wb") if out_path else sys.stdout.buffer  # noqa: SIM115
        try:
            for chunk in chunks(query.stream(conn, f)):
                out.write(chunk)
        finally:
            if out_path:
                out.close()
