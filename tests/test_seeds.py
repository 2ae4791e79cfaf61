"""The two seed articles (../shared/seeds), ingested together: clutter out, evidence kept, dates right."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from eventdesk import config, pipeline
from eventdesk.clean import rules as rules_mod
from eventdesk.clean.hygiene import normalise_line
from eventdesk.records import DateMethod, Document
from eventdesk.store import open_store
from tests.conftest import shared_path

CLUTTER = [
    r"^TV$",
    r"US Capitol",
    r"Les combattants de la Résistance irakienne\. ©",
    r"\(Photo d'archives\)",
    r"^Lire plus:",
    r"^Lire aussi:",
    r"Partager Cet Article",
    r"^SOURCE:",
]


def _seed_paths() -> list[str]:
    seeds = shared_path("seeds")
    return sorted(str(p) for p in seeds.glob("*.txt"))


def _cleaned(paths: list[str]) -> dict[str, Document]:
    items = pipeline.clean_inputs(paths, None, config.load(None))
    return {d.id: d for d in items if isinstance(d, Document)}


def test_seed_clutter_is_removed():
    docs = _cleaned(_seed_paths())
    assert len(docs) == 2
    for doc in docs.values():
        for pattern in CLUTTER:
            assert not re.search(pattern, doc.clean, re.MULTILINE), (doc.id, pattern)


def test_every_gold_evidence_sentence_is_kept():
    docs = _cleaned(_seed_paths())
    gold = [
        json.loads(line) for line in shared_path("gold", "seeds.jsonl").read_text().splitlines()
    ]
    assert gold
    for event in gold:
        clean = docs[event["doc"]].clean
        for piece in event["evidence"].split("..."):
            piece = normalise_line(piece, 0, len(piece)).text.strip(" .")
            if piece:
                assert piece in " ".join(clean.split()), (event["id"], piece)


def test_the_stale_caption_goes_by_repetition_alone(monkeypatch):
    """Without any caption rule, the English caption both seeds share is learned as boilerplate;
    a seed cleaned alone keeps it (nothing names it)."""
    plain = dataclasses.replace(rules_mod.load_rules(), captions=())
    monkeypatch.setattr("eventdesk.clean.clutter.load_rules", lambda: plain)
    together = _cleaned(_seed_paths())
    assert all("US Capitol" not in d.clean for d in together.values())
    alone = _cleaned(_seed_paths()[:1])
    assert all("US Capitol" in d.clean for d in alone.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_c957d7479f9cf7ce.txt", "2021-08-05"), ("001_b189620d332bfdff.txt", "2021-01-18")],
)
def test_inferred_publication_dates_are_consistent_with_the_events(tmp_path, name, expected):
    store = open_store(str(tmp_path / "seeds.db"))
    pipeline.ingest(_seed_paths(), store, config.load(None))
    doc = next(d for d in store.documents() if d.id == name)
    assert doc.published == expected
    assert doc.published_method == DateMethod.INFERRED
    assert doc.published_precision is not None
    assert doc.source == "FRENCH PRESS TV"
