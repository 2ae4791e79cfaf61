"""Resolving toponym spans someone else found (a geoparsing corpus, another tagger's output).

The spans are taken as they are: each is looked up under the spellings news gives one name
("U.S." and "US", "Russia's", "the Gambia", "Metcalfe County" and "Metcalfe"), a country's
adjective ("Turkish") stands for the country, and the spans give each other context the way
the places of a running text do (`resolve.resolve`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from eventdesk.geo.curated import abbreviation_key
from eventdesk.geo.fold import fold
from eventdesk.geo.places import Feature, PlaceMention
from eventdesk.geo.resolve import TOGETHER, followed_by_country, resolve
from eventdesk.geo.sources import generic_stripped
from eventdesk.geo.spans import Span
from eventdesk.geo.store import Names

RIVAL = 2.0  # log10 of population: a namesake abroad this close in size casts doubt
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_THE = re.compile(r"^(?:the|la|le|les|l['’])\s*", re.IGNORECASE)
_COUNTY = re.compile(r"\s+co\.?$", re.IGNORECASE)
# Last resorts, for a name the gazetteer lacks: the place it is part of or near ("North
# London", "Southern California", "South West England", "Salinas Valley", "Waiheke Island").
_QUALIFIER = re.compile(
    r"^(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern"
    r"|southern|eastern|western|central|upper|lower|greater|inner|outer|downtown|metro"
    r"|metropolitan|mid)[\s-]+)+",
    re.IGNORECASE,
)
_FEATURE_WORD = re.compile(
    r"\s+(?:valley|island|islands|isles?|mountains?|hills|region|area|peninsula|delta|basin"
    r"|plains?|coast)$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){2,}$|^(?:[^\W\d_]\.\s?)+[^\W\d_]\.?$")


def spellings(surface: str) -> Iterator[str]:
    """The forms of a span worth looking up, most literal first."""
    text = surface.strip()
    yield text
    bare = _POSSESSIVE.sub("", text).strip()
    yield bare
    yield _LEADING_THE.sub("", bare)
    if _INITIALS.match(bare):  # "U.S.", "B.C.", "U. K."
        yield re.sub(r"[.\s]", "", bare)
    stripped = generic_stripped(bare)
    if stripped:
        yield stripped
    yield _COUNTY.sub(" County", bare)  # "PLYMOUTH CO."
    core = _FEATURE_WORD.sub("", _QUALIFIER.sub("", bare)).strip()
    if core and core != bare:
        yield core


def given_span(names: Names, text: str, start: int, end: int) -> tuple[Span, str | None]:
    """The span at text[start:end] keyed by its first spelling the gazetteer knows, and the
    country it names (a country's name or adjective), if any."""
    surface = text[start:end]
    abbreviation = abbreviation_key(surface)
    if names.known(abbreviation):  # "Ky.", "B.C.", "NSW"
        return Span(start, end, surface, abbreviation, 0, 0), None
    first = ""
    for form in dict.fromkeys(spellings(surface)):
        key = fold(form)
        if not key:
            continue
        first = first or key
        iso3 = names.countries.get(key) or names.demonyms.get(key)
        if iso3:
            return Span(start, end, surface, key, 0, 0), iso3
        if names.known(key):
            return Span(start, end, surface, key, 0, 0), None
    long = names.key_of(surface.strip())  # "Tikreet": ee and oo for long ī and ū
    if names.known(long):
        return Span(start, end, surface, long, 0, 0), None
    return Span(start, end, surface, first, 0, 0), None


def resolve_given(
    names: Names,
    text: str,
    offsets: list[tuple[int, int]],
    named: set[str],
    hint: str | None,
) -> list[tuple[Span, str | None, PlaceMention | None]]:
    """Each given span with the country it names (None if it names a place) and the place
    (None for a country, or a name the gazetteer does not know). `named`: the countries the
    text names otherwise (adjectives in running text).

    A country's name that is also a province of another country the text names ("Georgia"
    beside "U.S." and "Atlanta") is resolved like the other places, the country among them.
    A name no spelling reaches is looked up fuzzily (`Names.similar`) as a last resort, and
    kept only in a country the text is about, its score scaled by the likeness."""
    given = [given_span(names, text, s, e) for s, e in offsets]
    named = named | {iso3 for _, iso3 in given if iso3} | _province_countries(names, given)
    given, likeness = _fuzzy(names, given)
    homonyms = {
        span.key
        for span, iso3 in given
        if iso3 and _province_elsewhere(names, span.key, iso3, named)
    }
    homonyms -= _listed_with_countries(text, given, homonyms)
    if homonyms:
        given = [(s, None if s.key in homonyms else iso3) for s, iso3 in given]
        named = {iso3 for _, iso3 in given if iso3} | (
            named - {names.countries.get(k) for k in homonyms}
        )
    places = sorted(
        {(s.start, s.end): s for s, iso3 in given if not iso3 and names.known(s.key)}.values(),
        key=lambda s: (s.start, s.end),
    )
    resolved = {
        (m.start, m.end): m
        for m in resolve(
            text,
            names,
            places,
            named,
            hint,
            every=True,
            main_names=True,
            capitals=True,
            within=followed_by_country(text, given),
        )
    }
    if likeness:
        about = named | {
            m.place.country_iso3 for where, m in resolved.items() if where not in likeness
        }
        for where, ratio in likeness.items():
            m = resolved.get(where)
            if m is not None and m.place.country_iso3 and m.place.country_iso3 not in about:
                del resolved[where]
            elif m is not None:
                resolved[where] = replace(m, score=round(m.score * ratio, 3))
    return [(s, iso3, None if iso3 else resolved.get((s.start, s.end))) for s, iso3 in given]


def _listed_with_countries(
    text: str, given: list[tuple[Span, str | None]], homonyms: set[str]
) -> set[str]:
    """The names of `homonyms` that the text lists right beside another country's name ("Chad,
    Niger and Benin", "Niger and Chad"): items of one list are of one kind, countries."""
    ordered = sorted(given, key=lambda g: g[0].start)
    out = set()
    for (a, a_iso), (b, b_iso) in zip(ordered, ordered[1:], strict=False):
        if not TOGETHER.match(text[a.end : b.start]):
            continue
        if a.key in homonyms and b_iso and b.key not in homonyms:
            out.add(a.key)
        if b.key in homonyms and a_iso and a.key not in homonyms:
            out.add(b.key)
    return out


def _fuzzy(
    names: Names, given: list[tuple[Span, str | None]]
) -> tuple[list[tuple[Span, str | None]], dict[tuple[int, int], float]]:
    """The unknown spans keyed by the closest known name; their likeness by (start, end)."""
    out, likeness = [], {}
    for span, iso3 in given:
        close = None if iso3 or names.known(span.key) else names.similar(span.key)
        if close is None:
            out.append((span, iso3))
            continue
        key, ratio = close
        likeness[(span.start, span.end)] = ratio
        out.append((replace(span, key=key), names.countries.get(key)))
    return out, likeness


def _province_countries(names: Names, given: list[tuple[Span, str | None]]) -> set[str]:
    """The countries of the provinces named without doubt ("Ky.", "Alberta"): a name that is
    the main name of provinces of one country only, of no bigger place, and of no place
    abroad within a hundredth of its size ("Tripoli" is no such name)."""
    col = names.col
    out = set()
    for span, iso3 in given:
        if iso3:
            continue
        ids = names.ids(span.key)
        alternates = names.alternates(span.key)
        units = [p for p in ids if col["feature"][p] == Feature.ADMIN1 and p not in alternates]
        countries = {col["country_iso3"][p] for p in units}
        if len(countries) != 1 or max(ids, key=names.prior) not in units:
            continue
        top = max(names.prior(p) for p in units)
        if not any(
            col["country_iso3"][p] not in countries and names.prior(p) > top - RIVAL for p in ids
        ):
            out |= countries
    return out


def _province_elsewhere(names: Names, key: str, iso3: str, named: set[str]) -> bool:
    col = names.col
    return any(
        col["feature"][p] == Feature.ADMIN1
        and col["country_iso3"][p] != iso3
        and col["country_iso3"][p] in named
        for p in names.ids(key)
    )
