"""The command line: thin commands over importable functions. Data on stdout, logs on stderr.

Exit codes: 0 done; 1 a user error, or some inputs were quarantined; 2 a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventdesk import __version__, config, pipeline
from eventdesk.cli.common import (  # noqa: E402,F401  (re-exported for the commands)
    config_option,
    db_option,
    err,
    fail,
    quiet_option,
    user_errors,
)
from eventdesk.ingest.base import Rejected
from eventdesk.store import open_store


@contextmanager
def progress_bar(enabled: bool, label: str) -> Iterator[pipeline.Progress | None]:
    if not enabled:
        yield None
        return
    with Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
        TextColumn("{task.completed} docs · {task.fields[q]} quarantined"),
        TimeElapsedColumn(), console=err, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(label, total=None, q=0)
        quarantined = 0

        def tick(what: str) -> None:
            nonlocal quarantined
            quarantined += what == "quarantined"
            bar.update(task, advance=what != "quarantined", q=quarantined)

        yield tick


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventdesk")
def main() -> None:
    """eventdesk: news articles in, trustworthy conflict-event data out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@config_option
@click.option(
    "--published", default=None, help="Publication date of every input (YYYY-MM-DD or YYYY-MM)."
)
@click.option("--max-bytes", type=int, default=None, help="Quarantine inputs larger than this.")
@quiet_option
def ingest(paths: tuple[str, ...], db: str | None, config_path: str | None,
           published: str | None, max_bytes: int | None, quiet: bool) -> None:  # fmt: skip
    """Read, clean, date and store documents (files, directories, HTML, feeds, WARC, JSONL, -)."""
    with user_errors():
        settings = config.load(config_path, published=published, max_bytes=max_bytes)
        store = open_store(db)
        with progress_bar(not quiet and err.is_terminal, "ingest") as tick:
            report = pipeline.ingest(paths, store, settings, tick, stdin=sys.stdin.buffer)
    if not quiet:
        err.print(
            f"read {report.read} · stored {report.stored} · duplicates {report.duplicates} · "
            f"quarantined {report.quarantined} · re-cleaned {report.refreshed} · db {store.where}"
        )
        for item in store.quarantined()[-report.quarantined :] if report.quarantined else []:
            err.print(f"  quarantined {item['reason']}: {item['message']}")
    click.echo(json.dumps(report.as_dict()))
    sys.exit(1 if report.quarantined else 0)


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@db_option
@config_option
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per document (id, clean text)."
)
def clean_cmd(
    paths: tuple[str, ...], db: str | None, config_path: str | None, as_json: bool
) -> None:
    """Print the cleaned text of each input. Inputs given together, and the store's outlets, teach
    each other their boilerplate."""
    with user_errors():
        settings = config.load(config_path)
        store = open_store(db, create_missing=False) if db or _default_db_exists() else None
        bad = 0
        for item in pipeline.clean_inputs(paths, store, settings, stdin=sys.stdin.buffer):
            if isinstance(item, Rejected):
                bad += 1
                err.print(f"skipped {item.reason}: {item.message}")
            elif as_json:
                click.echo(json.dumps({"id": item.id, "language": item.language,
                                       "published": item.published, "clean": item.clean},
                                      ensure_ascii=False))  # fmt: skip
            else:
                if len(paths) > 1:
                    click.echo(f"==> {item.id} <==")
                click.echo(item.clean)
    sys.exit(1 if bad else 0)


@main.command()
@db_option
@click.option("--full", is_flag=True, help="Include the cleaned text.")
def docs(db: str | None, full: bool) -> None:
    """List stored documents, one JSON object per line."""
    with user_errors():
        store = open_store(db, create_missing=False)
        for doc in store.documents():
            row = {
                "id": doc.id, "content_hash": doc.content_hash[:16], "source": doc.source,
                "language": doc.language, "published": doc.published,
                "published_precision": doc.published_precision, "published_method": doc.published_method,
                "chars": len(doc.clean), "origin": doc.origin,
            }  # fmt: skip
            if full:
                row["clean"] = doc.clean
            click.echo(json.dumps(row, ensure_ascii=False, default=str))


@main.command()
@db_option
def quarantine(db: str | None) -> None:
    """List quarantined inputs and why, one JSON object per line."""
    with user_errors():
        for row in open_store(db, create_missing=False).quarantined():
            click.echo(json.dumps(row, ensure_ascii=False))


def _default_db_exists() -> bool:
    from pathlib import Path

    from eventdesk.store.engine import DEFAULT_DB

    return Path(DEFAULT_DB).exists()


from eventdesk.cli import actors as _actors  # noqa: E402
from eventdesk.cli import bench as _bench  # noqa: E402
from eventdesk.cli import bench_fuse as _bench_fuse  # noqa: E402
from eventdesk.cli import evaluate as _evaluate  # noqa: E402
from eventdesk.cli import export as _export  # noqa: E402
from eventdesk.cli import extract as _extract  # noqa: E402
from eventdesk.cli import gazetteer as _gazetteer  # noqa: E402
from eventdesk.cli import geoparse as _geoparse  # noqa: E402
from eventdesk.cli import serve as _serve  # noqa: E402
from eventdesk.cli import users as _users  # noqa: E402

_bench.bench.add_command(_bench_fuse.bench_fuse)
main.add_command(_bench.bench)
main.add_command(_extract.extract)
main.add_command(_evaluate.eval_cmd)
main.add_command(_gazetteer.gazetteer)
main.add_command(_geoparse.geoparse_cmd)
main.add_command(_export.export)
main.add_command(_serve.serve)
main.add_command(_users.users)
main.add_command(_actors.actors)
