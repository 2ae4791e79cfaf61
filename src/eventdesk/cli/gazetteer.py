"""`eventdesk gazetteer`: build the local gazetteer, and look names up in it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from eventdesk.errors import EventdeskError

if TYPE_CHECKING:
    from eventdesk.geo.build import BuildReport


@click.group()
def gazetteer() -> None:
    """The local gazetteer (GeoNames-derived packages + the curated supplement)."""


out_option = click.option(
    "--out", "out", type=click.Path(dir_okay=False), default=None,
    help="Where to write it (default: $EVENTDESK_GAZETTEER, else <venv>/share/eventdesk/).",
)  # fmt: skip
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")


@gazetteer.command("build")
@out_option
@quiet_option
def build_cmd(out: str | None, quiet: bool) -> None:
    """Build the gazetteer SQLite file (about a minute); prints a JSON report."""
    from eventdesk.geo import build

    _report(lambda: build(out, _progress(quiet)))


@gazetteer.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@out_option
@click.option(
    "--country", "countries", multiple=True,
    help="Only import the places of this country (ISO alpha-2; repeat for more).",
)  # fmt: skip
@quiet_option
def import_cmd(paths: tuple[str, ...], out: str | None, countries: tuple[str, ...],
               quiet: bool) -> None:  # fmt: skip
    """Build the gazetteer with your own GeoNames dump merged in: allCountries.txt or a country
    file (ML.txt, or the .zip), and optionally alternateNamesV2.txt, admin1CodesASCII.txt,
    admin2Codes.txt. Keeps populated places, administrative divisions, military and air
    features; your entries take precedence. Prints a JSON report."""
    from eventdesk.geo import default_path
    from eventdesk.geo.importer import import_dumps

    wanted = {c.upper() for c in countries} or None
    _report(lambda: import_dumps(paths, out or default_path(), _progress(quiet), wanted))


def _report(run: Callable[[], BuildReport]) -> None:
    """Run a build, print its JSON report; exit 1 on an error or unresolved curated lines."""
    try:
        report = run()
    except EventdeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(json.dumps(report.as_dict()))
    if report.unresolved:
        sys.exit(1)


def _progress(quiet: bool) -> Callable[[str], None]:
    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"gazetteer: {message}", err=True)

    return progress


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="Only places in this ISO3 country.")
@click.option("--path", default=None, type=click.Path(dir_okay=False), help="Gazetteer file.")
def lookup_cmd(name: str, country: str | None, path: str | None) -> None:
    """The places called NAME, most likely first, one JSON object per line."""
    from dataclasses import asdict

    from eventdesk.geo import Gazetteer

    try:
        places = Gazetteer.open(path).lookup(name, country)
    except EventdeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for place in places:
        click.echo(json.dumps(asdict(place), ensure_ascii=False))
