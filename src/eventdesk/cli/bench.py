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

    What a process loads once (the gazetteer, the models, lingua's language models, the
    gazetteer's lazy indexes) is loaded before the clock starts, by coding a few short
    documents of its own; `load_s` says how long that took."""
    load0 = time.perf_counter()
    _warm_up()
    load = time.perf_counter() - load0
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
        "load_s": round(load, 2), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "docs_per_s": round(docs / wall, 1) if wall else None,
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }))  # fmt: skip


# Short reports of our own, one per language, with no language given: coding them loads what a
# first document would (lexicons, models, lingua's language models, the gazetteer's indexes).
_WARM_UP_DOCS = (
    "Gunmen attacked a police post near the town of Kidal on Monday, killing two officers.",
    "Des hommes armés ont attaqué un poste de police près de Kidal lundi, tuant deux agents.",
    "هاجم مسلحون مركزا للشرطة قرب مدينة كيدال يوم الاثنين وقتلوا شرطيين اثنين.",
)


def _warm_up() -> None:
    """Load what a first document would load, outside the timing."""
    from eventdesk.geo import Gazetteer

    Gazetteer.open().warm()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warm_up.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for n, text in enumerate(_WARM_UP_DOCS):
                f.write(json.dumps({"id": f"warm-up-{n}", "text": text}, ensure_ascii=False))
                f.write("\n")
        for _ in pipeline.extract_docs_jsonl(str(path)):
            pass


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


@bench.command("geo")
@click.argument("docs_jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--build", "rebuild", is_flag=True, help="Also time a fresh gazetteer build.")
@click.option("--repeat", type=int, default=3, help="Resolve the corpus this many times.")
def bench_geo(docs_jsonl: str, rebuild: bool, repeat: int) -> None:
    """Gazetteer size and build time, and resolution speed (toponyms per CPU second) on a JSON
    Lines corpus: its given toponym spans (as `eventdesk geoparse`), and the place names found
    in its texts. The gazetteer is loaded, and a few documents resolved, before the clock
    starts."""
    from eventdesk.evaluation import load_jsonl
    from eventdesk.geo import Gazetteer, default_path
    from eventdesk.geo.geoparse import geoparse_all

    path = default_path()
    result: dict[str, object] = {"stage": "geo", "gazetteer": str(path)}
    result["gazetteer_mb"] = round(path.stat().st_size / 1e6, 1) if path.exists() else None
    wall0 = time.perf_counter()
    Gazetteer.open()
    result["load_s"] = round(time.perf_counter() - wall0, 2)
    docs = load_jsonl(docs_jsonl)
    gaz = Gazetteer.open()
    for mode, corpus in (
        ("given", [d for d in docs if d.get("toponyms") is not None]),
        ("found", [{**d, "toponyms": None} for d in docs]),
    ):
        if not corpus:
            continue
        for _ in geoparse_all(gaz, corpus[:50]):  # warm-up: lazy indexes, caches
            pass
        cpu0 = time.process_time()
        count = 0
        for _ in range(max(1, repeat)):
            count += sum(len(r["toponyms"]) for r in geoparse_all(gaz, corpus))
        cpu = time.process_time() - cpu0
        result[f"{mode}_toponyms"] = count // max(1, repeat)
        result[f"{mode}_toponyms_per_cpu_s"] = round(count / cpu) if cpu else None
    result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    if rebuild:
        from eventdesk.geo.build import build  # (the package attribute may be the module)

        with tempfile.TemporaryDirectory() as tmp:
            report = build(Path(tmp) / "gazetteer.sqlite")
            result["build_s"] = round(report.seconds, 1)
            result["build_cpu_s"] = round(report.cpu_seconds, 1)
            result["build_mb"] = round(report.bytes / 1e6, 1)
            result["build_peak_rss_mb"] = round(_peak_rss_mb(), 1)
    click.echo(json.dumps(result))


def _add_api() -> None:
    from eventdesk.cli.bench_api import bench_api

    bench.add_command(bench_api)


_add_api()
