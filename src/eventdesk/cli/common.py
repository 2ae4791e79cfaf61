"""What every command shares: the error console, the --db/--quiet/--config options, and the
translation of eventdesk's errors into a message and exit code 1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console

from eventdesk.errors import EventdeskError

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped

db_option = click.option(
    "--db", envvar="EVENTDESK_DB", default=None,
    help="Database URL or SQLite file (default ./eventdesk.db, or $EVENTDESK_DB).",
)  # fmt: skip
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr."
)
config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None,
    help="A TOML settings file ([ingest] table).",
)  # fmt: skip


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True)
    sys.exit(1)


@contextmanager
def user_errors() -> Iterator[None]:
    try:
        yield
    except EventdeskError as exc:
        fail(str(exc))
