"""One article published twice (a text file and its web page) tells its incidents once."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventdesk.cli import main
from tests.conftest import SAMPLES


def test_an_article_and_its_web_page_give_one_event_per_incident(db: str, tmp_path) -> None:
    out = tmp_path / "events.jsonl"
    files = [str(SAMPLES / "articles" / "fr_02_burkina_djibo.txt"),
             str(SAMPLES / "html" / "fr_burkina_page.html")]  # fmt: skip
    result = CliRunner().invoke(main, ["extract", *files, "--db", db, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    docs = [{s["doc_id"] for s in e["sources"]} for e in events]
    assert events and all(d == {"fr_02_burkina_djibo.txt", "fr_burkina_page.html"} for d in docs)
