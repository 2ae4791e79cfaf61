"""`eventdesk extract`: documents in, ACLED-coded events out (JSON Lines)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from eventdesk import config, pipeline
from eventdesk.ingest.base import Rejected
from eventdesk.store import open_store


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--docs-jsonl",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A JSON Lines file of documents; events are not stored.",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write events here (default: stdout).",
)
@click.option("--db", envvar="EVENTDESK_DB", default=None, help="Database URL or SQLite file.")
@click.option(
    "--published", default=None, help="Publication date of every input (YYYY-MM-DD or YYYY-MM)."
)
@click.option("--quiet", "-q", is_flag=True)
@click.option(
    "--no-fuse",
    is_flag=True,
    help="With --docs-jsonl: each document's own events, not fused across documents.",
)
def extract(paths: tuple[str, ...], docs_jsonl: str | None, out_path: str | None, db: str | None,
            published: str | None, quiet: bool, no_fuse: bool) -> None:  # fmt: skip
    """Code every incident the documents report as ACLED events, one JSON object per line."""
    from eventdesk.cli import err, progress_bar, user_errors

    if not paths and not docs_jsonl:
        raise click.UsageError("give PATH... or --docs-jsonl FILE")
    bad = 0
    with user_errors():
        settings = config.load(None, published=published)
        out: IO[str] = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
        try:
            count = 0
            if docs_jsonl:

                def rejected(r: Rejected) -> None:
                    nonlocal bad
                    bad += 1
                    err.print(f"skipped {r.reason}: {r.message}")

                for obj in pipeline.extract_docs_jsonl(
                    docs_jsonl, settings, rejected, fused=not no_fuse
                ):
                    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                    count += 1
            if paths:
                store = open_store(db)
                with progress_bar(not quiet and err.is_terminal, "extract") as tick:
                    report, events = pipeline.extract(
                        paths, store, settings, tick, stdin=sys.stdin.buffer
                    )
                bad += report.quarantined
                for event in events:
                    out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
                count += len(events)
                if not quiet:
                    err.print(
                        f"documents {report.read} · quarantined {report.quarantined} · db {store.where}"
                    )
        finally:
            if out_path:
                out.close()
    if not quiet:
        err.print(f"events {count}" + (f" → {out_path}" if out_path else ""))
    sys.exit(1 if bad else 0)
