"""`eventdesk bench`: throughput and peak memory of a stage, measured on a corpus you name."""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import click

from eventdesk import config, pipeline
from eventdesk.store import open_store


@click.group()
def bench() -> None:
    """Measure speed (documents per second per core) and peak memory."""


@bench.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--repeat",
    type=int,
    default=1,
    help="Ingest the corpus this many times (each copy made distinct).",
)
@click.option(
    "--no-metadata",
    is_flag=True,
    help="Drop the inputs' language and publication date, so that every document goes through "
    "language detection and date inference (the ACLED exports give both).",
)
def bench_ingest(paths: tuple[str, ...], repeat: int, no_metadata: bool) -> None:
    """Ingest + clean + language + publication date + store, into a throw-away SQLite file."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        settings = config.load(None)
        copy = repeat > 1 or no_metadata
        inputs = _copies(paths, repeat, Path(tmp), no_metadata) if copy else list(paths)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        report = pipeline.ingest(inputs, store, settings)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    docs = report.read
    result = {
        "stage": "ingest", "documents": docs, "stored": report.stored,
        "duplicates": report.duplicates, "quarantined": report.quarantined,
        "metadata": not no_metadata, "cpus": len(os.sched_getaffinity(0)),
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "docs_per_s": round(docs / wall, 1) if wall else None,
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }  # fmt: skip
    click.echo(json.dumps(result))


@bench.command("extract")
@click.argument("docs_jsonl", type=click.Path(exists=True, dir_okay=False))
def bench_extract(docs_jsonl: str) -> None:
    """Clean + language + event coding of a JSON Lines file of documents (nothing stored).

    The gazetteer and the models are loaded before the clock starts (once per process)."""
    from eventdesk.geo import Gazetteer

    Gazetteer.open()
    _warm_up()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    docs = events = 0
    counted: set[str] = set()
    stream = pipeline.extract_docs_jsonl(docs_jsonl)
    for obj in stream:
        events += 1
        sources: list[dict[str, str]] = obj["sources"]  # type: ignore[assignment]
        counted.update(s["doc_id"] for s in sources)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    with open(docs_jsonl, encoding="utf-8") as f:
        docs = sum(1 for line in f if line.strip())
    click.echo(json.dumps({
        "stage": "extract", "documents": docs, "events": events, "docs_with_events": len(counted),
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "docs_per_s": round(docs / wall, 1) if wall else None,
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }))  # fmt: skip


def _warm_up() -> None:
    """Load what a first document would load (lexicons, models), outside the timing."""
    from eventdesk.code import lexicon

    for lang in lexicon.LANGUAGES:
        lexicon.load(lang)


def _copies(paths: tuple[str, ...], repeat: int, tmp: Path, no_metadata: bool) -> list[str]:
    """The corpus as one JSON Lines file, `repeat` times with distinct ids and texts (so no copy
    is a duplicate of another); without language and publication date if `no_metadata`."""
    from eventdesk.ingest import read_inputs
    from eventdesk.ingest.base import RawDocument

    out = tmp / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for n in range(repeat):
            for item in read_inputs(paths):
                if not isinstance(item, RawDocument):
                    continue
                row = {"id": item.id, "text": item.text, "source": item.source, "url": item.url,
                       "title": item.title, "published": item.published, "language": item.language}  # fmt: skip
                if repeat > 1:
                    row.update(id=f"{item.id}#{n}", text=f"{item.text}\n[{n}]")
                if no_metadata:
                    row.update(published=None, language=None)
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return [str(out)]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
