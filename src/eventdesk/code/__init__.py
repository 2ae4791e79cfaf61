"""The code stage: ACLED-coded events from one cleaned document.

`code_document(doc, gazetteer)` returns the document's events (one per incident, each with the
sentences it was read from); `Coded` also keeps the drafts for inspection. French and English
are data (eventdesk/data/code/*_<lang>.tsv) plus this shared machinery.
Assigns: Event records (fields of shared/schema/event.schema.json), confidence, evidence spans.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventdesk.code import assemble, dateline, events, facts, lexicon, persons, sentences
from eventdesk.code.dates import base_date
from eventdesk.code.model import TypeModel
from eventdesk.records import Document, Event

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer

__all__ = ["Coded", "UnknownActor", "code_document", "SUPPORTED"]
SUPPORTED = lexicon.LANGUAGES


@dataclass(frozen=True, slots=True)
class UnknownActor:
    """A group's name the actor registry does not know, as the text writes it."""

    name: str
    sentence: str  # the sentence it was read in (one that tells an incident or a claim)


@dataclass(frozen=True, slots=True)
class Coded:
    events: list[Event]
    drafts: list[assemble.Draft]
    sentences: list[facts.Sentence]
    unknown: list[UnknownActor] = field(default_factory=list)
    # deaths a source calls non-combat ("died in a road accident"): no event of their own, a
    # competing claim for the fuse stage (the incident another telling reports is disputed)
    noncombat: list[Event] = field(default_factory=list)


def code_document(doc: Document, gazetteer: Gazetteer, undated: dt.date | None = None) -> Coded:
    """`undated`: the date given to incidents of a document that has no date at all (neither a
    publication date nor a date in its text); the pipeline passes the processing day. Such events
    have time_precision 3 and say so in their notes."""
    from eventdesk import actors as actors_stage

    lang = doc.language if doc.language in SUPPORTED else "en"
    lex = lexicon.load(lang)
    text = doc.clean
    published = base_date(doc.published)
    filed = dateline.find(text, published)
    if filed is not None and filed.day is not None:
        published = filed.day  # relative dates are told from the day the dispatch was filed
    span = (filed.start, filed.end) if filed is not None else None
    actor_mentions = actors_stage.find_actors(text, lang=lang)
    people = persons.spans(text, lang)
    places = _places(gazetteer, text, actor_mentions, persons.mask(text, lang))
    sents = []
    offset = 0
    paragraph_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for start, end in sentences.split(text):
        while offset + 1 < len(paragraph_starts) and paragraph_starts[offset + 1] <= start:
            offset += 1
        sents.append(
            facts.read(text, start, end, offset, lex, published, places, actor_mentions, span)
        )
    drafts = assemble.drafts(sents, published, _armed_kinds(), undated)
    claims = [
        (s.start, s.text, _claimant(s))
        for s in sents
        if "claim" in s.cues and "general" not in s.cues and _claimant(s) is not None
    ]
    events.attach_claims(drafts, claims)
    model = TypeModel.load() if lang == "en" else None  # trained on English ACLED notes
    built = _events(doc, drafts, model)
    denied = assemble.drafts(
        [assemble.noncombat(s) for s in sents], published, _armed_kinds(), undated
    )
    noncombat = [
        replace(
            e,
            id="nc-" + e.id.removeprefix("ev-"),
            notes="A death a source calls non-combat: " + e.notes,
        )
        for _, e in _events(doc, denied, None).values()
    ]
    elsewhere = [(p.start, p.end) for p in places] + people
    unknown = [
        u
        for u in _unknown(text, lang, sents, actor_mentions, elsewhere)
        if gazetteer.country(u.name) is None  # "the Islamic Resistance in Iraq claimed"
    ]
    return Coded([event for _, event in built.values()], drafts, sents, unknown, noncombat)


def _events(
    doc: Document, drafts: list[assemble.Draft], model: TypeModel | None
) -> dict[str, tuple[list[assemble.Draft], Event]]:
    built: dict[str, tuple[list[assemble.Draft], Event]] = {}
    for group in events.merge(drafts):
        event = _build(doc, group, model)
        if event is not None and event.id in built:
            # typed alike in the end (the type model read both tellings the same way): one incident
            group = built.pop(event.id)[0] + group
            event = _build(doc, group, model)
        if event is not None:
            built[event.id] = (group, event)
    return built


def _unknown(text, lang, sents, actor_mentions, elsewhere) -> list[UnknownActor]:  # type: ignore[no-untyped-def]
    """The names of groups the registry does not know, in sentences that tell an incident or a
    claim (kept for `eventdesk actors unknown`)."""
    from eventdesk.actors.unknown import unknown_names

    telling = [s for s in sents if s.hits or "claim" in s.cues]
    out = []
    for u in unknown_names(text, lang, actor_mentions, elsewhere):
        sentence = next((s for s in telling if s.start <= u.start < s.end), None)
        if sentence is not None:
            out.append(UnknownActor(u.name, sentence.text.strip()))
    return out


def _build(doc: Document, group: list[assemble.Draft], model: TypeModel | None) -> Event | None:
    from eventdesk import actors as actors_stage

    return events.build(doc, group, actors_stage.resolve, group[0].when.date.year, model)


# "la Force Qods", "the Quds Force", "Brigade Hamza": a unit named after a place is not that place
_ORGANISATION = re.compile(
    r"\b(?:force|forces|corps|brigades?|bataillons?|battalions?|army|armée|front|division|"
    r"gardiens|guards?|régiment|regiment|état islamique|etat islamique|islamic state)"
    r"\s+(?:de la |du |des |de l'|of the |of )?$",  # not "in": "forces in Farah" is a place
    re.I,
)


def _places(gazetteer: Gazetteer, text: str, actor_mentions: list, masked: str) -> list:  # type: ignore[type-arg]
    """Place mentions, resolved a second time with the document's country focus: the country its
    places and its actors point to most. `masked`: the text with people's names blanked out."""
    first = [p for p in gazetteer.find_places(masked) if _kept(text, p)]
    votes: dict[str, float] = {}
    for p in first:
        iso = p.place.country_iso3
        votes[iso] = votes.get(iso, 0.0) + p.score * (2.0 if p.precision >= 2 else 1.0)
    for a in actor_mentions:
        if a.actor is not None and a.actor.country_iso3:
            votes[a.actor.country_iso3] = votes.get(a.actor.country_iso3, 0.0) + 0.5
    if not votes:
        return first
    focus = max(votes, key=lambda k: votes[k])
    second = [p for p in gazetteer.find_places(masked, country_iso3=focus) if _kept(text, p)]
    home_lines = {_line(text, p.start) for p in second if p.place.country_iso3 == focus}
    kept = [
        p
        for p in second
        if p.place.country_iso3 == focus
        or p.place.feature == "country"
        or (p.score >= _FOREIGN_SCORE and _line(text, p.start) not in home_lines)
    ]
    return _within_named_provinces(text, kept)


_SMALL_PLACE = 100_000  # a locality this small outside the province just named is a homonym


def _within_named_provinces(text: str, places: list) -> list:  # type: ignore[type-arg]
    """Once a paragraph names a province ("in Tijuana, Baja California, ..."), a small locality
    it names afterwards that the gazetteer puts in another province is taken for a homonym of a
    neighbourhood or village there, and dropped ("Colonia Buena Vista")."""
    named: dict[int, set[str]] = {}
    out = []
    for p in places:
        line = _line(text, p.start)
        provinces = named.setdefault(line, set())
        if p.place.feature == "admin1" and p.place.admin1_code:
            provinces.add(p.place.admin1_code)
        elif (
            provinces
            and p.place.admin1_code not in provinces
            and p.place.feature not in ("admin1", "admin2", "country")
            and p.place.population < _SMALL_PLACE
        ):
            continue
        out.append(p)
    return out


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _kept(text: str, p) -> bool:  # type: ignore[no-untyped-def]
    """Not a unit named after a place ("la Force Qods"), not a dateline ("BAMAKO, 3 mars (AFP) -":
    where the story was filed, not where it happened)."""
    if _ORGANISATION.search(text[: p.start]):
        return False
    line_start = text.rfind("\n", 0, p.start) + 1
    return not (text[line_start : p.start].strip() == "" and _DATELINE.match(text, p.end))


_DATELINE = re.compile(
    r"\s*(?:\([A-Z][\w .-]{0,20}\)\s*)?(?:,\s*(?:le\s+)?\d|,\s*[A-Z][a-zé]+\.? \d|\s*[-–—]\s)"
)
_FOREIGN_SCORE = 0.95  # a place outside the document's country must be that sure to be kept


_UNARMED = {"civilians", "protesters", "rioters"}


def _armed_kinds() -> set[str]:
    from eventdesk import actors as actors_stage

    return set(actors_stage.kinds()) - _UNARMED


def _claimant(s: facts.Sentence):  # type: ignore[no-untyped-def]
    named = [a for a in s.actors if a.actor is not None and a.actor.inter in (2, 3, 4, 8)]
    return named[0] if named else None
