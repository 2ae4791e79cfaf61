"""The code stage: ACLED-coded events from one cleaned document.

`code_document(doc, gazetteer)` returns the document's events (one per incident, each with the
sentences it was read from); `Coded` also keeps the drafts for inspection. French and English
are data (eventdesk/data/code/*_<lang>.tsv) plus this shared machinery.
Assigns: Event records (fields of shared/schema/event.schema.json), confidence, evidence spans.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from eventdesk.actors.matcher import FAMILIES
from eventdesk.code import (
    assemble,
    dateline,
    dates,
    events,
    facts,
    lexicon,
    persons,
    sentences,
    sublocal,
)
from eventdesk.code.classify import Hit
from eventdesk.code.cued import cued_towns
from eventdesk.code.dates import base_date
from eventdesk.code.model import TypeModel
from eventdesk.code.qualifiers import abbreviated, paired, qualifiers, within_qualifiers
from eventdesk.code.shares import split_count
from eventdesk.code.sublocal import line_of
from eventdesk.geo.borders import borders_any
from eventdesk.geo.focus import own_name, phrase_key, village
from eventdesk.geo.fold import fold
from eventdesk.geo.places import POINT_FEATURES
from eventdesk.records import DateMethod, Document, Event, SubEventType

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer
    from eventdesk.geo.focus import Prior

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


def code_document(
    doc: Document,
    gazetteer: Gazetteer,
    undated: dt.date | None = None,
    focus: Prior | None = None,
) -> Coded:
    """`undated`: the date given to incidents of a document that has no date at all (neither a
    publication date nor a date in its text); the pipeline passes the processing day. Such events
    have time_precision 3 and say so in their notes. `focus`: where the document's collection
    is (eventdesk.geo.focus), for the names its text leaves in doubt."""
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
    if filed is not None:  # "BAMAKO, March 3 (AFP) -": the agency that filed it is no actor
        agency = _AGENCY.match(text, filed.end)
        if agency is not None:
            actor_mentions = [
                a for a in actor_mentions if not agency.start() <= a.start < agency.end()
            ]
    masked = persons.mask(text, lang)  # people's and organisations' names, origins
    opening = lexicon.heading(text, lex)  # "Movement of forces: ...": the note's kind
    if opening is not None:  # "Agreement: ..." is no place
        masked = " " * opening[0] + masked[opening[0] :]
    people = persons.spans(text, lang)
    places = _places(gazetteer, text, actor_mentions, masked, focus) or _nationality(
        gazetteer, masked
    )
    sents = []
    offset = 0
    paragraph_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for start, end in sentences.split(text):
        while offset + 1 < len(paragraph_starts) and paragraph_starts[offset + 1] <= start:
            offset += 1
        sents.append(
            facts.read(
                text, start, end, offset, lex, published, places, actor_mentions, masked, span
            )
        )
    sents = facts.antecedents(sents)
    if opening is not None:
        n = next((i for i, s in enumerate(sents) if s.start <= opening[0] < s.end), None)
        if n is not None:  # the label reports the development: a trigger of its sentence
            label = Hit(sents[n].start, opening[0], opening[1].value, 1.0)
            sents[n] = replace(sents[n], hits=(label, *sents[n].hits), dropped=())
    anchored = doc.published_method != DateMethod.INFERRED
    drafts = assemble.drafts(sents, published, _armed_kinds(), undated, anchored)
    claims = [
        (s.start, s.text, claimant)
        for s in sents
        if "claim" in s.cues
        and "general" not in s.cues
        and not _denied_claim(s.text, lex)
        and (claimant := _claimant(s, lex)) is not None
    ]
    events.attach_claims(drafts, claims)
    model = TypeModel.load() if lang == "en" else None  # trained on English ACLED notes
    built = _events(doc, drafts, model, opening[1] if opening else None)
    denied = assemble.drafts(
        [assemble.noncombat(s) for s in sents], published, _armed_kinds(), undated, anchored
    )
    noncombat = [
        replace(
            e,
            id="nc-" + e.id.removeprefix("ev-"),
            notes="A death a source calls non-combat: " + e.notes,
        )
        for _, e in _events(doc, denied, None)
    ]
    elsewhere = [(p.start, p.end) for p in places] + people
    unknown = [
        u
        for u in _unknown(text, lang, sents, actor_mentions, elsewhere)
        if gazetteer.country(u.name) is None  # "the Islamic Resistance in Iraq claimed"
    ]
    coded = [_at_capital(gazetteer, event) for _, event in built]
    return Coded(coded, drafts, sents, unknown, noncombat)


def _at_capital(gazetteer: Gazetteer, event: Event) -> Event:
    """ACLED: an event whose place is only its country is coded at the capital (geo_precision
    3), in the capital's province; the coder put it at the capital's point already."""
    if event.admin1_code is not None or event.location != event.country:
        return event
    capital = gazetteer.capital(event.country_iso3)
    if capital is None or (capital.latitude, capital.longitude) != (
        event.latitude,
        event.longitude,
    ):
        return event
    return replace(
        event, admin1=capital.admin1, admin1_code=capital.admin1_code, admin2=capital.admin2
    )


def _events(
    doc: Document,
    drafts: list[assemble.Draft],
    model: TypeModel | None,
    heading: SubEventType | None = None,
) -> list[tuple[list[assemble.Draft], Event]]:
    built: list[tuple[list[assemble.Draft], Event]] = []
    for group in events.merge(drafts):
        event = _build(doc, group, model, heading)
        twin = next((i for i, (_, e) in enumerate(built) if event and _alike(e, event)), None)
        if event is not None and twin is not None:
            # typed alike in the end (the type model read both tellings the same way), on the
            # same day at the same place or near it: one incident
            group = built.pop(twin)[0] + group
            event = _build(doc, group, model, heading)
        if event is not None:
            built.append((group, event))
    return _split_tolls(doc.clean, built)


def _split_tolls(
    text: str, built: list[tuple[list[assemble.Draft], Event]]
) -> list[tuple[list[assemble.Draft], Event]]:
    """A note's toll it says is split evenly across N places ("a toll of 9, split across three
    villages") is divided: each event takes its part, the first places in the text the
    remainder (10 over three: 4, 3, 3). A share the note allocates to a place by name
    (shares.shares) stays that place's."""
    parts = split_count(text)
    if parts is None:
        return _spread_tolls(built)
    told = [
        i
        for i, (group, event) in enumerate(built)
        if event.fatalities and any(d.toll == event.fatalities for d in group)
    ]
    out = list(built)
    for n, i in enumerate(sorted(told, key=lambda i: _first_place(built[i][0]))):
        out[i] = _with_share(built[i], built[i][1].fatalities or 0, parts, n)
    return out


def _with_share(
    built: tuple[list[assemble.Draft], Event], total: int, parts: int, n: int
) -> tuple[list[assemble.Draft], Event]:
    """The event with the n-th of `parts` even shares of `total` as its toll (the first shares
    take the remainder: 10 over three is 4, 3, 3)."""
    group, event = built
    base, extra = divmod(total, parts)
    share = base + (1 if n < extra else 0)
    claims = tuple(replace(c, count=share) for c in event.fatalities_claims)
    return group, replace(event, fatalities=share, fatalities_claims=claims)


def _spread_tolls(
    built: list[tuple[list[assemble.Draft], Event]],
) -> list[tuple[list[assemble.Draft], Event]]:
    """One sentence's toll over the places it lists ("strikes on X and Y killed 10", "24 air
    strikes in X and Y provinces, killing 180") is one toll, not one per place: ACLED splits it
    between their events (10 over two: 5 and 5; the first places in the text take the
    remainder)."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    text: dict[int, str] = {}
    for i, (group, event) in enumerate(built):
        told = {
            d.sentence.start: d.sentence.text
            for d in group
            if d.toll and d.toll == event.fatalities
        }
        if len(told) == 1:
            start, text[start] = told.popitem()
            by_sentence.setdefault((start, event.fatalities or 0), []).append(i)
    out = list(built)
    for (start, total), members in by_sentence.items():
        if len(members) < 2 or len({built[i][1].location for i in members}) < len(members):
            continue
        if not _SEVERAL_STRIKES.search(text[start]) or not _listed_together(built, members):
            continue  # "an ambush on the road between X and Y": one incident told by two places
        ordered = sorted(members, key=lambda i: _first_place(built[i][0]))
        for n, i in enumerate(ordered):
            out[i] = _with_share(built[i], total, len(ordered), n)
    return out


def _listed_together(built: list[tuple[list[assemble.Draft], Event]], members: list[int]) -> bool:
    """Whether the events' places are items of one list ("on X, Y and Z"), not a place and the
    province or town that holds it ("on Tillia in Tahoua", "Tillia, Tahoua")."""
    spans = sorted(
        (d.place.start, d.place.end, d.sentence)
        for i in members
        for d in built[i][0][:1]
        if d.place is not None
    )
    if len(spans) < len(members):
        return False
    return all(
        _ITEMS_GAP.fullmatch(s.text[a_end - s.start : b_start - s.start])
        for (_, a_end, s), (b_start, _, _) in zip(spans, spans[1:], strict=False)
    )


_ITEMS_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|et|&))\s*(?:(?:à|in|on|at|en|au|aux|the)\s+)?", re.I)


# several strikes or attacks told together: the incidents one toll is spread over
_SEVERAL_STRIKES = re.compile(
    r"\b(?:(?:air|drone|missile|rocket)[ -]?strikes|airstrikes|air raids|raids|attacks|"
    r"bombings|frappes|raids|attaques|bombardements|attentats)\b",
    re.I,
)


def _first_place(group: list[assemble.Draft]) -> int:
    return min((d.place.start for d in group if d.place is not None), default=0)


def _alike(a: Event, b: Event) -> bool:
    if (a.event_date, a.admin1_code, a.sub_event_type) != (
        b.event_date,
        b.admin1_code,
        b.sub_event_type,
    ):
        return False
    if a.location == b.location or a.geo_precision == 3 or b.geo_precision == 3:
        return True  # the same place, or one told only by its province
    return events.km(a.latitude, a.longitude, b.latitude, b.longitude) <= events.APART_KM


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


def _build(
    doc: Document,
    group: list[assemble.Draft],
    model: TypeModel | None,
    heading: SubEventType | None = None,
) -> Event | None:
    from eventdesk import actors as actors_stage

    year = group[0].when.date.year
    return events.build(doc, group, actors_stage.resolve, year, model, heading)


# "la Force Qods", "the Quds Force", "Brigade Hamza": a unit named after a place is not that place
_ORGANISATION = re.compile(
    # ("in front of the town hall" is where, not a front's name; "the southern front of Marib",
    # in lower case, is a battlefront there)
    r"\b(?:(?:force|forces|corps|brigades?|bataillons?|battalions?|army|armée|"
    r"(?<!\bin )(?-i:Front)|division|"
    r"gardiens|guards?|régiment|regiment)\s+(?:de la |du |des |de l'|of the |of )?"
    # a group named after its region: "État islamique au Sahel", "Islamic State in Iraq"; but
    # "forces in Farah" is where forces were
    r"|(?:état islamique|etat islamique|islamic state|al-qaida|al-qaïda|al-qaeda|aqmi|aqim)"
    r"\s+(?:de la |du |des |de l'|of the |of |au |en |dans le |in the |in )?)$",
    re.I,
)


def _bearing(text: str, before, p) -> bool:  # type: ignore[no-untyped-def]
    """Whether `p` is named as the bearing of the place `before` it ("Abu Dis, east of
    Jerusalem"), and that place lies near it."""
    return (
        before is not None
        and bool(_BEARING_AFTER.match(text[before.end : p.start]))
        and _km(before.place, p.place) < _BEARING_KM
    )


def _places(  # type: ignore[type-arg]
    gazetteer: Gazetteer, text: str, actor_mentions: list, masked: str, prior: Prior | None = None
) -> list:
    """Place mentions, resolved a second time with the document's country focus: the country its
    places and its actors point to most. `masked`: the text with people's names blanked out;
    `prior`: the collection's focus."""
    # a country named inside an actor's name ("Saudi-led coalition", "US forces") is who acts,
    # not where
    actor_spans = [(a.start, a.end, a.actor) for a in actor_mentions]

    def usable(p) -> bool:  # type: ignore[no-untyped-def]
        return _kept(text, p) and not any(
            a <= p.start < b and _named_for(p.place, actor) for a, b, actor in actor_spans
        )

    first = [
        _city_of(gazetteer, p) for p in gazetteer.find_places(masked, focus=prior) if usable(p)
    ]
    if prior is not None:  # "Foix" shelled in a collection from Syria is no town in Ariège
        vouched = {iso for iso, _ in _country_words(gazetteer, masked, first)} | {
            a.actor.country_iso3 for a in actor_mentions if a.actor is not None
        }
        first = [p for p in first if not prior.stranger_village(p.place, vouched)]
    first = sublocal.neighbourhoods(text, first)  # "the Al Jazira neighbourhood of Damascus"
    first, pairs = paired(gazetteer, masked, first)  # "Villarrica (Guaira)": in Paraguay
    initials = abbreviated(gazetteer, masked)
    votes: dict[str, float] = {}
    # "Karnak in Hama": a village the text puts in a province of another country is a namesake
    # there; no mention of it votes for its own country
    disowned = {p.place.geonameid for p in _in_foreign_province(text, first, gazetteer)}
    for before, p in zip([None, *first], first, strict=False):
        if p.place.geonameid in disowned or _bearing(masked, before, p):
            continue
        iso = p.place.country_iso3
        # a province's name ("Idleb", "Hama": the province or its capital) says more of the
        # country than a village's ("areas of X", "near X": still a village's)
        unit = p.place.feature not in POINT_FEATURES and p.precision >= 2
        weight = 2.0 if unit or _as_province(text, p, gazetteer) else 1.0
        votes[iso] = votes.get(iso, 0.0) + p.score * weight
        for other in _namesake_countries(gazetteer, p) - {iso}:  # less than the one chosen
            votes[other] = votes.get(other, 0.0) + _NAMESAKE_SHARE * p.score * weight
    for p in initials + pairs:  # a place's qualifier names its province: its country is the focus
        votes[p.place.country_iso3] = votes.get(p.place.country_iso3, 0.0) + 3.0
    for a in actor_mentions:
        if a.actor is not None and a.actor.country_iso3:
            votes[a.actor.country_iso3] = votes.get(a.actor.country_iso3, 0.0) + 0.5
        elif a.actor is None and prior is not None:
            # "regime forces" in a collection whose documents use it of one country's side
            side = prior.phrases.get(phrase_key(a.text))
            if side is not None:
                votes[side] = votes.get(side, 0.0) + _PHRASE_VOTE
    said = _country_words(gazetteer, masked, first)
    named = {iso for iso, _ in said}
    for iso in {iso for iso, where in said if where}:
        votes[iso] = votes.get(iso, 0.0) + _NAMED_VOTE  # "in Sarajevo-Novi Grad, Bosnia"
    if not votes:  # "a farm near Xqzville (Jalalaqsi)": the qualifier alone, if sure
        found = first or qualifiers(gazetteer, masked, [], None)
        if not found and prior is not None:  # "farms in Saqain district"
            found = _units_in_focus(gazetteer, masked, prior)
        home = prior.country_focus() if prior is not None else None
        return found or (cued_towns(gazetteer, masked, home) if home else [])
    first = [p for p in first if not any(q.start < p.end and p.start < q.end for q in initials)]
    # two countries the text leaves level ("Xqzville (La Libertad)": El Salvador's department or
    # Peru's region): the one the collection's documents are placed in more often
    level = prior.country if prior is not None else {}
    if prior is not None and prior.regional:  # "Baiji, near Marivan" in a desk's notes on Iraq
        for iso in votes:
            votes[iso] += _PRIOR_VOTE * level.get(iso, 0.0)
    focus = max(votes, key=lambda k: (votes[k], level.get(k, 0.0)))
    second = [
        _city_of(gazetteer, p, focus)
        for p in gazetteer.find_places(masked, country_iso3=focus, focus=prior)
        if usable(p)
    ]
    second, _ = paired(gazetteer, masked, second)
    home_lines = {line_of(text, p.start) for p in second if p.place.country_iso3 == focus}
    kept = [
        p
        for p in second
        if p.place.country_iso3 == focus
        or p.place.feature == "country"
        or (
            p.score >= _FOREIGN_SCORE
            and line_of(text, p.start) not in home_lines
            and (
                p.place.country_iso3 in named
                # a city of a million by its own name ("Paris"), not by another name it has
                # somewhere ("Canton" is not kept as Guangzhou, "Saigon" not as Ho Chi Minh City)
                or (p.place.population >= _WORLD_CITY and own_name(p))
                # "Israeli settlers entered X": a place surely across the border of the country
                # the text names
                or borders_any(p.place.country_iso3, named)
            )
        )
    ]
    kept += [p for p in initials if not any(q.start < p.end and p.start < q.end for q in kept)]
    kept = sorted(kept, key=lambda p: p.start)
    kept = within_qualifiers(gazetteer, masked, kept)
    kept = _within_named_provinces(text, sublocal.neighbourhoods(text, kept))
    kept = _in_province_after(text, kept, gazetteer)
    kept += qualifiers(gazetteer, masked, kept, focus)
    if all(p.place.feature == "country" for p in kept):  # "the town of Maarat Noman"
        kept += cued_towns(gazetteer, masked, focus)
    return sorted(kept + _countries(gazetteer, masked, kept), key=lambda p: p.start)


# a collection that keeps to a region (`Prior.regional`) votes for each country a text's places
# and actors point to, by how many of its documents are placed there (`Prior.country`, times
# this): two places in two countries, a village the gazetteer lacks at home and a namesake
# abroad, are the home country's more often
_PRIOR_VOTE = 1.0
# "the town of X, east of Y", "X, à 20 km au nord de Y": Y only says where X lies (a city across
# a border, Jerusalem for a West Bank village), so it does not vote for the country when X, as
# resolved, lies within _BEARING_KM of it (farther, X is a namesake of a place the gazetteer
# lacks near Y, and Y's vote is what keeps the incident in its country)
_BEARING_KM = 60.0
_BEARING_AFTER = re.compile(
    r"\A\s*,?\s*(?:(?:about|some|around|environ|à)\s+)?(?:\d+(?:[.,]\d+)?\s*"
    r"(?:km|kms|kilomet(?:er|re)s?|kilomètres?|miles?)\s+)?(?:to\s+the\s+|just\s+|au\s+|à\s+l['’]\s*)?"
    r"(?:north|south|east|west|nord|sud|est|ouest)[\w-]*\s+(?:of|de|du|d['’])\s*"
    r"(?:(?:the|la|le|l['’])\s*)?(?:(?:city|town|capital|ville|capitale)\s+(?:of\s+|de\s+)?)?\Z",
    re.I,
)
_NAMESAKE_SHARE = 1.0  # a province name two countries share votes alike for both
_FOCUS_COUNTRIES = 10  # the collection's likeliest countries, for units spelt otherwise


def _units_in_focus(gazetteer: Gazetteer, text: str, prior: Prior) -> list:  # type: ignore[type-arg]
    """The units a text that names no known place qualifies ("Saqain district"), spelt otherwise
    than the gazetteer spells them, in the one country among the collection's likeliest that
    has units of that consonant skeleton; none when several have."""
    found = {
        iso: units
        for iso in prior.top_countries(_FOCUS_COUNTRIES)
        if (units := [u for u in qualifiers(gazetteer, text, [], iso) if _spelt_alike(u)])
    }
    return next(iter(found.values())) if len(found) == 1 else []


def _spelt_alike(p) -> bool:  # type: ignore[no-untyped-def]
    """Whether the text's spelling of a unit is a transliteration of the gazetteer's ("Saqain",
    "Saqayn"), not merely one with the same consonants ("Rilpo", "Orelope")."""
    said, known = _loose(p.text), _loose(_UNIT_WORD_AFTER.sub("", p.place.name))
    return abs(len(said) - len(known)) <= 2 and SequenceMatcher(None, said, known).ratio() >= 0.75


# letters transliterations of Arabic (and Persian, Pashto) write for one sound: qaf as q, g or k
# ("Almarkeb" for Al Marqab), short vowels as a or e, o or u, i or y; words run together or apart.
# The digraphs stay letters of their own: "sh", "kh", "gh", "th", "dh" write other sounds than
# s, k, g, t, d ("Shekhan" is no spelling of "Saqain")
_LOOSE = str.maketrans("qgeoy", "kkaui")
_DIGRAPHS = (("sh", "S"), ("kh", "X"), ("gh", "G"), ("th", "T"), ("dh", "D"))


# the unit word some units' names carry ("Al-Hawija District"), which the text writes apart
_UNIT_WORD_AFTER = re.compile(r"\s+(?:district|province|governorate|region|county)$", re.I)


def _loose(name: str) -> str:
    letters = "".join(ch for ch in fold(name) if ch.isalpha())
    for digraph, letter in _DIGRAPHS:
        letters = letters.replace(digraph, letter)
    return letters.translate(_LOOSE)


def _namesake_countries(gazetteer: Gazetteer, p) -> set[str]:  # type: ignore[no-untyped-def]
    """The countries with a province (or district, as `p` is) of the name `p` stands for, its
    own among them: a name two countries give their provinces ("Al Jawf", "La Libertad") says
    nothing of which one the text is in."""
    feature = p.place.feature
    if feature not in ("admin1", "admin2"):
        return set()
    return {u.country_iso3 for u in gazetteer.admin_units(p.text) if u.feature == feature}


# "north", "northern", "northwest", "north-western", "north eastern", "east", "western"
_DIRECTION = r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?"
_PROVINCE_BEFORE = re.compile(
    r"\b(?:" + _DIRECTION + r"|central|rural|"
    r"countryside of|province of|governorate of|outskirts of)\s+$",
    re.I,
)
_PROVINCE_AFTER = re.compile(r"\s+(?:countryside|province|governorate|region)\b", re.I)
_REGION_OF = re.compile(r"\b(?:" + _DIRECTION + r"|rural)\s+$", re.I)  # "in northwest Hama"


def _as_province(text: str, p, gazetteer: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """A province's main town that names its province: it bears the province's name ("Hama"
    in Hamah) or the text speaks of its region ("southern Aleppo", "Aleppo countryside")."""
    place = p.place
    named_so = (place.admin1 or "").casefold() == place.name.casefold() or bool(  # "Hamah"
        _PROVINCE_BEFORE.search(text, max(0, p.start - 30), p.start)
        or _PROVINCE_AFTER.match(text, p.end)
    )
    return named_so and _province_seat(gazetteer, place)  # the gazetteer look-up last


_CITY_OF = re.compile(r"^(?:the\s+)?(?:old\s+)?(?:city|town)\s+of\s+(?=\S)", re.I)


def _named_for(place, actor) -> bool:  # type: ignore[no-untyped-def]
    """A place named inside an actor's name is who acts, not where: a country ("Saudi-led
    coalition", "US forces"), or a village abroad that bears a leader's name ("pro-Hadi forces"
    are Yemen's army, not a town in Arkansas)."""
    if place.feature == "country":
        return True
    home = actor.country_iso3 if actor is not None else None
    return home is not None and place.country_iso3 != home and village(place)


def _city_of(gazetteer: Gazetteer, p, focus: str | None = None):  # type: ignore[no-untyped-def]
    """ "the City of Damascus" is Damascus: a name that the gazetteer knows whole only as a small
    namesake's other name (a town in Maryland) is read without its "City of" when the bare
    name is a place ten times bigger (or one in the document's country)."""
    from eventdesk.geo import PlaceMention

    m = _CITY_OF.match(p.text)
    if m is None:
        return p
    bare = p.text[m.end() :]
    found = gazetteer.lookup(bare, focus) or gazetteer.lookup(bare)
    if not found or found[0].geonameid == p.place.geonameid:
        return p
    if focus is None and found[0].population < 10 * max(p.place.population, 1):
        return p
    return PlaceMention(p.start + m.end(), p.end, bare, found[0], p.score, p.precision)


def _province_seat(gazetteer: Gazetteer, place) -> bool:  # type: ignore[no-untyped-def]
    """The main town of its province ("Aleppo" in Halab, "Hamah" in Hamah; the gazetteer puts
    a province at its main town), and a town (not a Slovenian village that is its own
    municipality)."""
    if place.feature != "city" or not place.admin1 or place.population < _SEAT_POPULATION:
        return False
    return any(
        u.admin1_code == place.admin1_code
        and (u.latitude, u.longitude) == (place.latitude, place.longitude)
        for u in gazetteer.admin_units(place.admin1, place.country_iso3)[:3]
    )


def _nationality(gazetteer: Gazetteer, masked: str) -> list:  # type: ignore[type-arg]
    """For a text that names no place at all, the country its nationality adjectives point to
    most ("des avions militaires soudanais"), as a country-level place where it is first named.
    Only lower-case adjectives count (French writes them so): not a country's name ("grenade"
    is Grenada's French name) nor a capitalised noun."""
    from eventdesk.geo import PlaceMention

    seen: dict[str, list[re.Match[str]]] = {}
    for m in re.finditer(r"(?<![\w’'-])[a-zà-öø-ÿ][\w’'-]{3,}", masked):
        found = gazetteer.country(m.group())
        if found is not None and not any(
            p.feature == "country" for p in gazetteer.lookup(m.group())
        ):
            seen.setdefault(found[1], []).append(m)
    if not seen:
        return []
    name = max(seen, key=lambda k: (len(seen[k]), -seen[k][0].start()))
    country = next((p for p in gazetteer.lookup(name) if p.feature == "country"), None)
    if country is None:
        return []
    first = seen[name][0]
    return [PlaceMention(first.start(), first.end(), first.group(), country, 0.5, 3)]


_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_COUNTRY_NAME = re.compile(
    # after a locative preposition: "au Mexique", "en Irak", "in Iraq" (not "par les États-Unis")
    r"\b(?i:au|aux|en|in|dans l['’]|dans le|dans la|à travers l['’]|à travers le)[ \u00a0]*"
    rf"(?=({_WORD}(?:[ \u00a0]+(?:d['’]|de |du |des )?{_WORD}){{0,2}}))"
)


def _countries(gazetteer: Gazetteer, masked: str, places: list) -> list:  # type: ignore[type-arg]
    """The countries the text names as where something is ("au Mexique", "en Côte d'Ivoire") and
    names no finer place in, as country-level places: the gazetteer gives a text's countries only
    when it names no other place at all, but a text may name a town in one country and only the
    name of another."""
    from eventdesk.geo import PlaceMention

    taken = [(p.start, p.end) for p in places]
    finer = {p.place.country_iso3 for p in places if p.place.feature != "country"}
    out: list[PlaceMention] = []
    for m in _COUNTRY_NAME.finditer(masked):
        start, run = m.start(1), m.group(1)
        if (out and start < out[-1].end) or any(a <= start < b for a, b in taken):
            continue
        ends = [len(run)] + [w.start() for w in re.finditer(r"[ \u00a0]", run)][::-1]
        for end in ends:
            found = gazetteer.lookup(run[:end])
            if found and found[0].feature == "country" and found[0].country_iso3 not in finer:
                out.append(PlaceMention(start, start + end, run[:end], found[0], 1.0, 3))
                break
    return out


_SMALL_PLACE = 100_000  # a locality this small outside the province just named is a homonym


def _within_named_provinces(text: str, places: list) -> list:  # type: ignore[type-arg]
    """Once a paragraph names a province ("in Tijuana, Baja California, ..."), a small locality
    it names afterwards that the gazetteer puts in another province is taken for a homonym of a
    neighbourhood or village there, and dropped ("Colonia Buena Vista")."""
    named: dict[tuple[int, int], set[str]] = {}
    pairs = sublocal.paired_provinces(text, places)
    # a sentence that opens with a day of its own tells another incident ("Two days earlier,
    # a bomb struck a convoy near Djibo"), wherever the paragraph placed the one before
    starts = [0] + [start for start, end in sentences.split(text) if dates.opens(text[start:end])]
    out = []
    for p in places:
        line = (line_of(text, p.start), bisect.bisect_right(starts, p.start))
        provinces = named.setdefault(line, set())
        for end, codes in pairs.items():
            if end <= p.start and (line_of(text, end), bisect.bisect_right(starts, end)) == line:
                provinces |= codes
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


def _in_province_after(text: str, places: list, gazetteer: Gazetteer) -> list:  # type: ignore[type-arg]
    """ "X town in Daraa countryside", "X village in northern Hama province", "X border area
    and Y in Jizan governorate": a small locality the words then place in a province the
    gazetteer does not put it in, and far from it, is a homonym of one the gazetteer lacks
    there, and dropped (the province stays). The province holds each locality of a list that
    ends with it."""
    out = []
    homonyms: set[str] = set()  # the names dropped: every mention of them goes
    for n, p in enumerate(places):
        q = places[n + 1] if n + 1 < len(places) else None
        if q is not None and p.place.feature == "city" and p.place.population < _SMALL_PLACE:
            gap = text[p.end : q.start]
            holder = _list_province(text, places, n, gazetteer)
            in_province = (
                holder is not None
                and holder.place.admin1_code not in (None, p.place.admin1_code)
                # a place that near the province is the place, on its border (a camp on a
                # city's edge that the text puts in the rural province around it)
                and _km(p.place, holder.place) > _BORDER_KM
            )
            # "in Uga, near Jos": a village the gazetteer puts far from the town it is near
            near_town = (
                q.place.feature == "city"
                and q.place.admin1_code not in (None, p.place.admin1_code)
                and _NEAR_GAP.match(gap)
                and _km(p.place, q.place) > _NEAR_KM
            )
            if in_province or near_town:
                homonyms.add(p.text)
                continue
        out.append(p)
    return [p for p in out if p.text not in homonyms]


def _km(a, b) -> float:  # type: ignore[no-untyped-def]
    return events.km(a.latitude, a.longitude, b.latitude, b.longitude)


def _list_province(text: str, places: list, n: int, gazetteer: Gazetteer):  # type: ignore[type-arg,no-untyped-def]
    """The province "in P" names for places[n], right after it or after the list it is an
    item of ("X, Y and Z in northern P"); None when there is none. A province is an admin1,
    or a province's main town with "countryside", "province"... after it ("in Hama
    countryside")."""
    for prev, q in zip(places[n:], places[n + 1 :], strict=False):
        gap = text[prev.end : q.start]
        if _IN_PROVINCE.match(gap) or _IN_PROVINCE_AFTER_ITEMS.match(gap):
            # "in Hama countryside", "in northwest Hama": the province of that seat
            is_province = q.place.feature == "admin1" or (
                bool(_PROVINCE_AFTER.match(text, q.end) or _REGION_OF.search(gap))
                and _province_seat(gazetteer, q.place)
            )
            return q if is_province else None
        if not (_LIST_GAP.match(gap) and q.place.feature == "city"):
            return None
    return None


def _in_foreign_province(text: str, places: list, gazetteer: Gazetteer) -> list:  # type: ignore[type-arg]
    """The small localities of `places` that the words then place in a province of another
    country ("Karnak in Hama", "X village in northern Idlib"), and the provinces they place in
    a city of another ("Zahira in Damascus city"): namesakes of ones the gazetteer lacks
    there."""
    return [
        p
        for p, q in zip(places, places[1:], strict=False)
        if q.place.country_iso3 != p.place.country_iso3
        and _IN_PROVINCE.match(text[p.end : q.start])
        and (
            (
                p.place.feature == "city"
                and p.place.population < _SMALL_PLACE
                and (q.place.feature == "admin1" or _as_province(text, q, gazetteer))
            )
            # "Zahira in Damascus city": a province abroad is no part of a city; a
            # neighbourhood of it is
            or (p.place.feature in ("admin1", "admin2") and q.place.feature == "city")
        )
    ]


_BORDER_KM = 30.0
# between two items of a list of localities: a comma or "and"/"or", after at most a few
# lower-case words that say what the item was ("X border area and Y", "X village, Y")
_CONNECTOR = r"(?:\s+[a-z]+){0,3}\s*(?:,|,?\s+and|,?\s+or)\s+"
# a list item the gazetteer does not know: capitalised words, an Arabic article allowed
_ITEM = r"(?:(?:[ae]l|a[dnrstz]|ash)[-\s])?[A-Z][\w'’-]*(?:[-\s](?:(?:[ae]l|a[dnrstz])[-\s])?[A-Z][\w'’-]*)*"
_LIST_GAP = re.compile(rf"^{_CONNECTOR}(?:{_ITEM}{_CONNECTOR})*$")
_NEAR_KM = 100.0  # a village said to be near a town is not this far from it
_NEAR_GAP = re.compile(
    # "in Uga, near Jos", "X village near Y town"
    r"^\s*(?:(?:village|town|hamlet|area|camp)\s*)?,?\s*"
    r"(?:near|close to|not far from|outside|près de|non loin de)\s+$",
    re.I,
)
_IN_PROVINCE_TAIL = (
    r"(?:(?:[a-z]+\s+)?(?:town|village|city|area|district|camp|hill|neighbou?rhood)\s+)?(?:in|of)\s+"
    r"(?:the\s+)?(?:" + _DIRECTION + r"\s+|"
    r"central\s+|rural\s+)?$"
)
_IN_PROVINCE = re.compile(rf"^\s*{_IN_PROVINCE_TAIL}", re.I)
# the same after the list's last items the gazetteer does not know ("and Y in P")
_IN_PROVINCE_AFTER_ITEMS = re.compile(rf"^(?:{_CONNECTOR}{_ITEM})*\s*{_IN_PROVINCE_TAIL}")


_AGENCY = re.compile(r"[^\S\n]*\([^()\n]{1,30}\)")  # "(AFP)", "(Reuters)" after a dateline's date


def _kept(text: str, p) -> bool:  # type: ignore[no-untyped-def]
    """Not a unit named after a place ("la Force Qods"), not a dateline ("BAMAKO, 3 mars (AFP) -":
    where the story was filed, not where it happened), not a city a decision is about ("the
    recognition of X as the capital of Y": what was decided, not where)."""
    if _ORGANISATION.search(text[: p.start]) or _STREET.match(text, p.end):
        return False
    if _AS_CAPITAL.match(text, p.end):
        return False
    line_start = text.rfind("\n", 0, p.start) + 1
    return not (_DATELINE_HEAD.match(text[line_start : p.start]) and _DATELINE.match(text, p.end))


# "recognized X as Y's capital", "X as the capital of Y", "X comme capitale de Y"
_AS_CAPITAL = re.compile(
    r"\s+(?:as|comme)\s+(?:the\s+|la\s+|sa\s+|leur\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?"
    r"(?:(?:eternal|undivided|new|future|éternelle|nouvelle)\s+)?capit(?:al|ale)\b",
    re.I,
)
# "on Murree Road in Rawalpindi", "Avenue de Paris": a street named after a town is not the town
_STREET = re.compile(
    r"\s+(?:road|street|avenue|boulevard|lane)\b(?!\s+(?:between|from|to)\b)", re.I
)

# "BAMAKO, 3 mars (AFP) -", "MAIDUGURI, Nigeria, Jan. 16, 2024 (AFP) —", "WASHINGTON/BEIRUT,
# April 23", "Niamey (AFP) -": the filing place at the start of a line, maybe after other
# filing places, then a country, a date or an agency and a dash
_DATELINE_HEAD = re.compile(r"\s*(?:[A-Z][\w'’. -]{1,30}/\s*)*$")
_DATELINE = re.compile(
    r"(?:\s*/\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)*"
    r"(?:\s*,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?=\s*,))?"
    r"\s*(?:\([A-Z][\w .-]{0,20}\)\s*)?(?:,\s*(?:le\s+)?\d|,\s*[A-Z][a-zé]+\.? \d|\s*[-–—]\s)"
)
_FOREIGN_SCORE = 0.95  # a place outside the document's country must be that sure to be kept
_SEAT_POPULATION = 50_000
_NAMED_VOTE = 1.0  # a country the text names weighs as much as a place surely in it
_PHRASE_VOTE = 1.5  # a generic actor phrase its collection uses of one country's side
_WORLD_CITY = 1_000_000  # a foreign city this big needs no mention of its country ("in Paris")
_WHERE = re.compile(r"(?:,|\b(?:in|en|au|aux|dans l['’]|dans le|à travers l['’]))\s*$", re.I)
_COUNTRY_WORD = re.compile(r"[A-Za-zÀ-ÿ'’-]+")


def _countries_named(  # type: ignore[type-arg]
    gazetteer: Gazetteer, text: str, inside: list | None = None, names_only: bool = False
) -> set[str]:
    """The countries a text names or qualifies ("Iran", "Iranian", "iraniens", "Burkina Faso"): a
    place abroad is only kept in a country the text speaks of ("al-Baghdadi" near an Iraqi base
    is no Baghdadeh in Iran). `names_only`: only those it names as where things are ("in
    Serbia"), not by adjectives ("Turkish warplanes" over Syria). See `_country_words`."""
    return {
        iso for iso, where in _country_words(gazetteer, text, inside) if where or not names_only
    }


def _country_words(
    gazetteer: Gazetteer, text: str, inside: list | None = None
) -> set[tuple[str, bool]]:  # type: ignore[type-arg]
    """(country, named as where things are) for each country a text names or qualifies. Not a
    word within a place's name (`inside`: "Port of Spain"), nor another name of a country that
    is also a town's ("Salvador", Bahia). Named as where: a capitalised name ("réunion" is a
    meeting) after "in", "en" or a comma ("in Serbia", "Berane, Montenegro")."""
    spans = [(p.start, p.end) for p in inside or []]
    words = [
        m for m in _COUNTRY_WORD.finditer(text) if not any(a <= m.start() < b for a, b in spans)
    ]
    found: set[tuple[str, bool]] = set()
    for i, word in enumerate(words):
        names = [word.group()]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and word.group()[:1].isupper() and nxt.group()[:1].isupper():
            names.append(f"{word.group()} {nxt.group()}")
        for name in names:
            if len(name) <= 3 and not name.isupper():  # "and" is no code for Andorra
                continue
            hit = gazetteer.country(name)
            if hit is None:
                continue
            places = gazetteer.lookup(name)
            if name.casefold() != hit[1].casefold() and any(p.feature != "country" for p in places):
                continue
            where = bool(
                name[:1].isupper()
                and any(p.feature == "country" for p in places)
                and _WHERE.search(text, 0, word.start())
            )
            found.add((hit[0], where))
    return found


_UNARMED = {"civilians", "protesters", "rioters"}


def _armed_kinds() -> set[str]:
    from eventdesk import actors as actors_stage

    return set(actors_stage.kinds()) - _UNARMED


def _denied_claim(sentence: str, lex: lexicon.Lexicon) -> bool:
    """ "L'attaque n'a pas été revendiquée", "No group has claimed responsibility": no claim."""
    claim, negation = lex.cues.get("claim"), lex.cues.get("negation")
    m = claim.search(sentence) if claim is not None else None
    if m is None:
        return False
    before = sentence[max(0, m.start() - 30) : m.start()]
    # "Aucun groupe n'a pour l'instant revendiqué": who made no claim may come further back
    subject = sentence[max(0, m.start() - _NO_ONE_SPAN) : m.start()]
    return bool((negation is not None and negation.search(before)) or _NO_ONE.search(subject))


_NO_ONE_SPAN = 60


_NO_ONE = re.compile(
    r"\b(?:no (?:armed |militant |jihadist |insurgent )?(?:group|one|organi[sz]ation)|nobody|"
    r"aucun(?:e)? (?:groupe|organisation)|personne)\b[^.]*$",
    re.I,
)


def _claimant(s: facts.Sentence, lex: lexicon.Lexicon):  # type: ignore[no-untyped-def]
    """The group the claim names; else the named side that is the claim's subject ("the militia
    later announced that it had fired the rockets")."""
    named = [
        a
        for a in s.actors
        if (a.actor is not None and a.actor.inter in (2, 3, 4, 8))
        or (a.actor is None and a.kind in FAMILIES)  # "Islamic State claimed ..."
    ]
    if named:
        return named[0]
    claim = lex.cues.get("claim")
    m = claim.search(s.text) if claim is not None else None
    subject = [
        a
        for a in s.actors
        if m is not None and a.end <= s.start + m.start() and a.actor is not None
    ]
    return subject[-1] if subject else None
