"""The two seed articles (../shared/seeds), ingested together: clutter out, evidence kept, dates right.

The clutter is checked line by line: each pattern below must find its line in the raw seed (so the
test cannot go stale silently), and no part of that line may be left in the cleaned text. Cleaning
is checked through the CLI, both ways the issue names: the seeds given together to
`eventdesk clean`, and each seed cleaned alone after both were ingested (the store remembers
what it learned); and each seed cleaned alone with nothing learned, which the rules must clean.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk import config, pipeline
from eventdesk.clean import rules as rules_mod
from eventdesk.clean.hygiene import normalise_line
from eventdesk.cli import main
from eventdesk.records import DateMethod, DatePrecision
from eventdesk.store import open_store
from tests.conftest import shared_path

# Raw lines that are clutter, and how many lines of each seed each pattern finds.
CLUTTER = {
    r"^TV$": (1, 1),  # a header scrap
    r"on the East Steps of the US Capitol .*\(AFP photo\)$": (1, 1),  # the stale English caption
    r"^Les combattants de la Résistance irakienne\. ©": (1, 0),  # French photo captions
    r"^Deux convois .*\(Photo d'archives\)$": (0, 1),
    r"^Lire plus:": (1, 0),  # teasers, with the title they announce
    r"^Lire aussi:": (0, 3),
    r"^Partager Cet Article$": (1, 1),
    r"^SOURCE:": (1, 1),
}
Cleaner = Callable[[list[Path]], dict[str, str]]


@pytest.fixture(autouse=True)
def _no_default_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`eventdesk clean` reads ./eventdesk.db or $EVENTDESK_DB when they exist: not here."""
    monkeypatch.delenv("EVENTDESK_DB", raising=False)
    monkeypatch.chdir(tmp_path)


def _seed_paths() -> list[Path]:
    return sorted(shared_path("seeds").glob("*.txt"))


def _lines(text: str) -> list[str]:
    return [normalise_line(line, 0, len(line)).text for line in text.splitlines() if line.strip()]


def _clean_together(paths: list[Path], db: Path | None = None) -> dict[str, str]:
    args = ["clean", "--json", *(["--db", str(db)] if db else []), *map(str, paths)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    return {d["id"]: d["clean"] for d in map(json.loads, res.stdout.splitlines())}


def _clean_each_after_ingest(paths: list[Path], db: Path) -> dict[str, str]:
    res = CliRunner().invoke(main, ["ingest", "--db", str(db), "--quiet", *map(str, paths)])
    assert res.exit_code == 0, res.output
    out: dict[str, str] = {}
    for path in paths:
        out.update(_clean_together([path], db))
    return out


def _clean_each_alone(paths: list[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in paths:
        out.update(_clean_together([path]))
    return out


@pytest.fixture(params=["together", "each-after-ingest", "each-alone"])
def cleaner(request: pytest.FixtureRequest, tmp_path: Path) -> Cleaner:
    """Together and after ingest, the lines both seeds repeat are also learned as boilerplate;
    alone, the rules must do all the work."""
    if request.param == "together":
        return _clean_together
    if request.param == "each-alone":
        return _clean_each_alone
    return lambda paths: _clean_each_after_ingest(paths, tmp_path / "seeds.db")


def test_seed_clutter_is_removed(cleaner: Cleaner):
    paths = _seed_paths()
    cleaned = cleaner(paths)
    assert sorted(cleaned) == [p.name for p in paths]
    for n, path in enumerate(paths):
        raw_lines = _lines(path.read_text("utf-8"))
        kept = " ".join(cleaned[path.name].split())
        for pattern, counts in CLUTTER.items():
            found = [line for line in raw_lines if re.search(pattern, line)]
            assert len(found) == counts[n], (path.name, pattern, found)
            for line in found:
                assert line not in kept, (path.name, line)
                tail = line.split(":", 1)[-1].strip()  # a teaser's title, a source's outlet
                assert tail not in kept, (path.name, line)


def test_every_gold_evidence_sentence_is_kept(cleaner: Cleaner):
    cleaned = cleaner(_seed_paths())
    gold = [
        json.loads(line) for line in shared_path("gold", "seeds.jsonl").read_text().splitlines()
    ]
    assert gold
    for event in gold:
        kept = " ".join(cleaned[event["doc"]].split())
        for piece in event["evidence"].split("..."):
            piece = normalise_line(piece, 0, len(piece)).text.strip(" .")
            if piece:
                assert piece in kept, (event["id"], piece)


def test_the_stale_caption_goes_by_repetition_alone(monkeypatch, tmp_path):
    """Without any caption rule, the English caption both seeds share is learned as boilerplate,
    whether they are cleaned together or one at a time after being ingested together; a seed
    cleaned alone with nothing learned keeps it (nothing names it)."""
    plain = dataclasses.replace(rules_mod.load_rules(), captions=())
    monkeypatch.setattr("eventdesk.clean.clutter.load_rules", lambda: plain)
    paths = _seed_paths()
    for cleaned in (_clean_together(paths), _clean_each_after_ingest(paths, tmp_path / "s.db")):
        assert all("US Capitol" not in text for text in cleaned.values())
    alone = _clean_together(paths[:1])
    assert all("US Capitol" in text for text in alone.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_c957d7479f9cf7ce.txt", "2021-08-05"), ("001_b189620d332bfdff.txt", "2021-01-18")],
)
def test_inferred_publication_dates_are_consistent_with_the_events(tmp_path, name, expected):
    """The seeds carry no date: it is inferred, with week precision, on or after every event they
    report and within a week of the latest one."""
    store = open_store(str(tmp_path / "seeds.db"))
    pipeline.ingest([str(p) for p in _seed_paths()], store, config.load(None))
    doc = next(d for d in store.documents() if d.id == name)
    assert doc.published == expected
    assert doc.published_method == DateMethod.INFERRED
    assert doc.published_precision == DatePrecision.WEEK
    assert doc.source == "FRENCH PRESS TV"
    gold = [
        json.loads(line) for line in shared_path("gold", "seeds.jsonl").read_text().splitlines()
    ]
    latest = max(dt.date.fromisoformat(e["event_date"]) for e in gold if e["doc"] == name)
    published = dt.date.fromisoformat(doc.published)
    assert latest <= published <= latest + dt.timedelta(days=7)
