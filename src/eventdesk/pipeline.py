"""The only place that knows the order of the stages.

ingest -> clean (hygiene, clutter, learned boilerplate) -> lang -> publication date -> store.
Documents go through in batches: the lines of a batch are counted first, so documents read
together clean each other; lines that become boilerplate later are applied to the documents
already stored (`refresh`), so one new document from a known outlet is cleaned like a batch.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventdesk import clean as clean_stage
from eventdesk import lang
from eventdesk.config import IngestSettings, parse_published
from eventdesk.ingest import read_inputs
from eventdesk.ingest.base import RawDocument, Rejected
from eventdesk.records import DateMethod, DatePrecision, Document, Event
from eventdesk.store import Store, StoredDocument
from eventdesk.store.unknown import UnknownRow
from eventdesk.timex.pubdate import infer_published

if TYPE_CHECKING:
    import datetime as dt

    from eventdesk.code import Coded
    from eventdesk.geo import Gazetteer

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    refreshed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    hashes: list[str] = field(default_factory=list)  # content hashes of the documents read

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read, "stored": self.stored, "duplicates": self.duplicates,
            "quarantined": self.quarantined, "refreshed": self.refreshed,
            "quarantine_reasons": dict(sorted(self.reasons.items())),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Prepared:
    raw: RawDocument
    content_hash: str
    outlet: str
    prepared: clean_stage.Prepared
    keys: tuple[str, ...]  # distinct line keys, first occurrence order
    examples: tuple[str, ...]


class Learner:
    """Line counts per outlet: the store's, plus those of documents seen in this run.

    The store's counts are read once per batch (`fetch`) and forgotten when the batch is saved
    (`saved`), so a batch costs one query per outlet, not one per document."""

    def __init__(self, store: Store | None, min_docs: int):
        self.store = store
        self.min_docs = min_docs
        self.pending: Counter[tuple[str, str]] = Counter()
        self.stored: dict[tuple[str, str], int] = {}  # the store's counts, as fetched

    def fetch(self, prepared: Iterable[Prepared]) -> None:
        """Read the store's counts of these documents' lines, one query per outlet."""
        wanted: dict[str, set[str]] = {}
        for p in prepared:
            wanted.setdefault(p.outlet, set()).update(
                k for k in p.keys if (p.outlet, k) not in self.stored
            )
        for outlet, keys in wanted.items():
            if self.store is not None and keys:
                found = self.store.line_counts(outlet, keys)
                self.stored.update(((outlet, k), found.get(k, 0)) for k in keys)

    def saved(self) -> None:
        """What was pending is in the store now: read it from there next time."""
        self.pending.clear()
        self.stored.clear()

    def counts(self, outlet: str, keys: Iterable[str]) -> dict[str, int]:
        keys = list(keys)
        missing = [k for k in keys if (outlet, k) not in self.stored]
        if missing and self.store is not None:
            found = self.store.line_counts(outlet, missing)
            self.stored.update(((outlet, k), found.get(k, 0)) for k in missing)
        return {k: self.stored.get((outlet, k), 0) + self.pending[(outlet, k)] for k in keys}

    def observe(self, p: Prepared) -> bool:
        lengths = {k: len(ex) for k, ex in zip(p.keys, p.examples, strict=True)}
        learn = clean_stage.teaches(lengths, self.counts(p.outlet, p.keys), self.min_docs)
        if learn:
            self.pending.update((p.outlet, k) for k in p.keys)
        return learn

    def boilerplate(self, outlet: str, keys: Iterable[str]) -> set[str]:
        return {k for k, n in self.counts(outlet, keys).items() if n >= self.min_docs}


def prepare(raw: RawDocument) -> Prepared:
    prepared = clean_stage.prepare(raw.text)
    outlet = clean_stage.outlet_key(raw.source, raw.url, raw.group, prepared.footer_outlet)
    first: dict[str, str] = {}
    for key, para in zip(prepared.keys, prepared.paragraphs, strict=True):
        first.setdefault(key, para.text)
    content_hash = hashlib.sha256(raw.text.encode("utf-8")).hexdigest()
    return Prepared(raw, content_hash, outlet, prepared, tuple(first), tuple(first.values()))


def build(p: Prepared, boilerplate: set[str], settings: IngestSettings) -> Document | Rejected:
    """Clean one prepared input and date it; an input with nothing left is rejected."""
    raw = p.raw
    cleaned = clean_stage.clean(p.prepared, boilerplate)
    if not cleaned.text.text.strip():
        return Rejected(raw.origin, "empty", f"{raw.origin}: no text left after cleaning",
                        sample=raw.text[:200].encode("utf-8"))  # fmt: skip
    kept = cleaned.text.text.split("\n")
    language = lang.normalise_code(raw.language) or lang.detect(kept)
    published, precision, method = _published(raw, cleaned.told, settings)
    footer = p.prepared.footer_outlet
    return Document(
        id=raw.id, text=raw.text, clean=cleaned.text.text, offsets=cleaned.text.runs,
        content_hash=p.content_hash, url=raw.url, source=raw.source or footer, title=raw.title,
        published=published, published_precision=precision, published_method=method,
        language=language, origin=raw.origin, format=raw.format,
    )  # fmt: skip


def _published(
    raw: RawDocument, told: str, settings: IngestSettings
) -> tuple[str | None, DatePrecision | None, DateMethod | None]:
    if settings.published:
        value, precision = parse_published(settings.published)
        return value, DatePrecision(precision), DateMethod.OVERRIDE
    if raw.published:
        precision = DatePrecision.MONTH if len(raw.published) == 7 else DatePrecision.DAY
        return raw.published, precision, DateMethod.METADATA
    guess = infer_published(told, settings.today())
    if guess is None:
        return None, None, None
    return guess.date, guess.precision, guess.method


def ingest(
    paths: Iterable[str],
    store: Store,
    settings: IngestSettings,
    progress: Progress | None = None,
    stdin=None,  # type: ignore[no-untyped-def]
) -> IngestReport:
    """Read, clean, date and store every input; report what happened to each."""
    report = IngestReport()
    learner = Learner(store, settings.boilerplate_min_docs)
    run_id = store.start_run("ingest")
    for batch in _batches(read_inputs(paths, max_bytes=settings.max_bytes, stdin=stdin),
                          settings.batch_size):  # fmt: skip
        _ingest_batch(batch, store, learner, settings, report, progress)
    report.refreshed = refresh(store, settings)
    store.finish_run(run_id, report.as_dict())
    return report


def _ingest_batch(
    batch: list[RawDocument | Rejected],
    store: Store,
    learner: Learner,
    settings: IngestSettings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    rejected = [x for x in batch if isinstance(x, Rejected)]
    raws = [x for x in batch if isinstance(x, RawDocument)]
    prepared = [prepare(r) for r in raws]
    known = store.known_hashes([p.content_hash for p in prepared])
    fresh: list[Prepared] = []
    for p in prepared:
        if p.content_hash in known:
            report.duplicates += 1
            _tick(progress, "duplicate")
        else:
            known.add(p.content_hash)
            fresh.append(p)
    report.read += len(raws)
    report.hashes.extend(p.content_hash for p in prepared)
    learner.fetch(fresh)
    learns = [learner.observe(p) for p in fresh]
    docs: list[StoredDocument] = []
    for p, learn in zip(fresh, learns, strict=True):
        built = build(p, learner.boilerplate(p.outlet, p.keys), settings)
        if isinstance(built, Rejected):
            rejected.append(built)
            continue
        docs.append(StoredDocument(built, p.outlet, list(p.keys), list(p.examples), learn))
        _tick(progress, "stored")
    store.save(docs, rejected)
    learner.saved()
    report.stored += len(docs)
    report.quarantined += len(rejected)
    report.reasons.update(r.reason for r in rejected)
    for _ in rejected:
        _tick(progress, "quarantined")


def refresh(store: Store, settings: IngestSettings) -> int:
    """Re-clean stored documents that kept a line which has since become boilerplate.

    Only the cleaned text changes: the document keeps its language and publication date."""
    pending = store.unapplied_boilerplate(settings.boilerplate_min_docs)
    if not pending:
        return 0
    learner = Learner(store, settings.boilerplate_min_docs)
    changed: dict[str, Document] = {}
    for outlet, key, _example in pending:
        for doc in store.documents_with_line(outlet, key):
            if doc.content_hash not in changed and _kept(doc.clean, key):
                built = _reclean(doc, outlet, learner)
                if built.clean != doc.clean:
                    changed[doc.content_hash] = built
    store.update_cleaned(list(changed.values()), [(o, k) for o, k, _ in pending])
    return len(changed)


def _kept(clean: str, key: str) -> bool:
    """Whether a line with this key is still in a cleaned text."""
    return any(clean_stage.line_key(line) == key for line in clean.split("\n"))


def _reclean(doc: Document, outlet: str, learner: Learner) -> Document:
    prepared = clean_stage.prepare(doc.text)
    keys = dict.fromkeys(prepared.keys)
    cleaned = clean_stage.clean(prepared, learner.boilerplate(outlet, keys))
    return replace(doc, clean=cleaned.text.text, offsets=cleaned.text.runs)


def clean_inputs(
    paths: Iterable[str],
    store: Store | None,
    settings: IngestSettings,
    stdin=None,  # type: ignore[no-untyped-def]
) -> Iterator[Document | Rejected]:
    """Clean inputs without storing them, learning boilerplate from them and from the store."""
    items = list(read_inputs(paths, max_bytes=settings.max_bytes, stdin=stdin))
    learner = Learner(store, settings.boilerplate_min_docs)
    prepared = [prepare(x) for x in items if isinstance(x, RawDocument)]
    seen = store.known_hashes([p.content_hash for p in prepared]) if store else set()
    learner.fetch(prepared)
    for p in prepared:  # a stored document is already counted in the store
        if p.content_hash not in seen:
            seen.add(p.content_hash)
            learner.observe(p)
    by_origin = iter(prepared)
    for item in items:
        if isinstance(item, Rejected):
            yield item
        else:
            p = next(by_origin)
            yield build(p, learner.boilerplate(p.outlet, p.keys), settings)


def _batches(
    items: Iterable[RawDocument | Rejected], n: int
) -> Iterator[list[RawDocument | Rejected]]:
    batch: list[RawDocument | Rejected] = []
    for item in items:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _tick(progress: Progress | None, what: str) -> None:
    if progress is not None:
        progress(what)


# -- extraction: documents -> events ---------------------------------------------------------

MAX_DEFERRED = 20_000  # documents held back to be coded with their collection's focus


def extract(
    paths: Iterable[str],
    store: Store,
    settings: IngestSettings,
    progress: Progress | None = None,
    stdin=None,  # type: ignore[no-untyped-def]
) -> tuple[IngestReport, list[Event]]:
    """Ingest the inputs, code every document they contain, fuse their reports with the stored
    ones (`fuse.stored`), and return the events the documents report."""
    from eventdesk import fuse
    from eventdesk.fuse.stored import fuse_stored
    from eventdesk.geo import Gazetteer

    gazetteer = Gazetteer.open()  # fails before the first document if it is not built
    report = ingest(paths, store, settings, progress, stdin=stdin)
    wanted = set(report.hashes)
    reports: dict[str, list[fuse.Report]] = {}
    unknown: dict[str, tuple[str, str | None, list[UnknownRow]]] = {}
    wanted_docs = (doc for doc in store.documents() if doc.content_hash in wanted)
    for doc, coded in code_collection(wanted_docs, gazetteer, settings.today()):
        reports[doc.content_hash] = fuse.reports_of(doc, coded.events, gazetteer, coded.noncombat)
        found = [UnknownRow(u.name, u.sentence) for u in coded.unknown]
        unknown[doc.content_hash] = (doc.id, doc.language, found)
    store.unknown.replace(unknown)
    return report, fuse_stored(store.fusion, reports)


def extract_docs_jsonl(
    path: str,
    settings: IngestSettings | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
    fused: bool = True,
) -> Iterator[dict[str, object]]:
    """Fused events (as schema JSON objects) from a JSON Lines file of documents: each document
    is coded alone, then the events of all are fused (one event per incident, every document that
    reports it in its sources). `fused=False`: each document's own events, not fused (a set of
    already-distinct incident notes, or to score the coder alone).

    Every line is coded, even one whose text repeats another's (its events then list both ids).
    A bad line is passed to `on_rejected` and the run goes on."""
    from eventdesk import fuse
    from eventdesk.geo import Gazetteer

    if not fused:
        for _, coded in code_docs_jsonl(path, settings, on_rejected):
            yield from (event.to_json() for event in coded.events)
        return
    reports: list[fuse.Report] = []
    for doc, coded in code_docs_jsonl(path, settings, on_rejected):
        reports.extend(fuse.reports_of(doc, coded.events, Gazetteer.open(), coded.noncombat))
    for event in fuse.fuse(reports):
        yield event.to_json()


def code_docs_jsonl(
    path: str,
    settings: IngestSettings | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> Iterator[tuple[Document, Coded]]:
    """Each document of a JSON Lines file with what the code stage reads in it (as
    `code_collection` codes them: a document whose places were in doubt comes later)."""
    from eventdesk.geo import Gazetteer

    settings = settings or IngestSettings()
    gazetteer = Gazetteer.open()
    learner = Learner(None, settings.boilerplate_min_docs)

    def built_docs() -> Iterator[Document]:
        for item in read_inputs([path], max_bytes=settings.max_bytes):
            if isinstance(item, Rejected):
                if on_rejected is not None:
                    on_rejected(item)
                continue
            p = prepare(item)
            learner.observe(p)
            built = build(p, learner.boilerplate(p.outlet, p.keys), settings)
            if isinstance(built, Rejected):
                if on_rejected is not None:
                    on_rejected(built)
                continue
            yield built

    yield from code_collection(built_docs(), gazetteer, settings.today())


def code_collection(
    docs: Iterable[Document], gazetteer: Gazetteer, undated: dt.date
) -> Iterator[tuple[Document, Coded]]:
    """Each document with what the code stage reads in it, the names its text leaves in doubt
    resolved with its collection's focus (eventdesk.geo.focus): a document that named a place
    with doubt or a village of a country the collection is a stranger to, or told an incident
    with no place it knows, is coded again, after the others,
    with the focus the sure places of all taught (its country is then the collection's).
    A document that tells fire whose initiator it does not name comes last too: the side that
    the collection's other reports name at that place initiates it (eventdesk.code.sides).
    At most MAX_DEFERRED documents wait; after that, each is coded with the focus so far."""
    from eventdesk.code import code_document
    from eventdesk.code.sides import Sides, unnamed
    from eventdesk.geo import focus

    learner = focus.Learner()
    sides = Sides()
    waiting: list[tuple[Document, Coded]] = []
    held: list[tuple[Document, Coded]] = []  # incidents with no named initiator: sides last
    for doc in docs:
        late = len(waiting) >= MAX_DEFERRED
        coded = code_document(doc, gazetteer, undated, learner.prior() if late else None)
        told = [p for s in coded.sentences if s.hits for p in s.places]
        actors = [a for s in coded.sentences for a in s.actors]
        generic = [a for a in actors if a.actor is None and a.kind in focus.SIDE_KINDS]
        learner.add(told, [focus.phrase_key(a.text) for a in generic])
        placeless = any(s.hits for s in coded.sentences) and not told
        named = {a.actor.country_iso3 for a in actors if a.actor is not None}
        doubt = (
            placeless
            or focus.unsure(told)
            or focus.strange(told, learner.prior(sides=False))
            or focus.unvouched(told, named)  # to be placed again with its phrases' countries
        )
        if doubt and len(waiting) < MAX_DEFERRED:
            waiting.append((doc, coded))
            continue
        sides.add(coded.events)
        if any(unnamed(e) for e in coded.events) and len(held) < MAX_DEFERRED:
            held.append((doc, coded))
        else:
            yield doc, coded
    prior = learner.prior()
    for doc, coded in waiting:  # too small a collection has no focus: nothing to code again
        again = coded if prior is None else code_document(doc, gazetteer, undated, prior)
        sides.add(again.events)
        held.append((doc, again))
    for doc, coded in held:
        yield doc, replace(coded, events=sides.fill(coded.events))
