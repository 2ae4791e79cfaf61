"""`eventdesk geoparse`: the toponyms of documents, resolved (JSON Lines in, JSON Lines out)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from eventdesk.errors import EventdeskError


@click.command("geoparse")
@click.option(
    "--docs-jsonl", "docs_path", type=click.Path(exists=True, dir_okay=False), required=True,
    help='Documents, one JSON object a line: {"id", "text"}, optionally "toponyms": '
    '[{"start", "end"}] (then exactly those spans are resolved).',
)  # fmt: skip
@click.option(
    "--out", "out_path", type=click.Path(dir_okay=False, writable=True), default=None,
    help="Write the results here (default: stdout).",
)  # fmt: skip
@click.option(
    "--method", type=click.Choice(["context", "population"]), default="context",
    help="'population': the most-populous-namesake baseline, for comparison.",
)  # fmt: skip
@click.option("--gazetteer", "gaz_path", type=click.Path(dir_okay=False), default=None,
              help="Gazetteer file (default: the installed one).")  # fmt: skip
def geoparse_cmd(docs_path: str, out_path: str | None, method: str, gaz_path: str | None) -> None:
    """Resolve each document's place names to coordinates, country and province.

    Output: {"id", "toponyms": [{"start", "end", "latitude", "longitude", "country_iso3",
    "admin1_code", "geonameid"}]} per document; nulls where a span names no known place.
    """
    from eventdesk.evaluation import load_jsonl
    from eventdesk.geo import Gazetteer
    from eventdesk.geo.geoparse import geoparse_all

    try:
        gaz = Gazetteer.open(gaz_path)
        docs = load_jsonl(docs_path)
        out: IO[str] = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
        try:
            for result in geoparse_all(gaz, docs, method):
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
        finally:
            if out_path:
                out.close()
    except EventdeskError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
