"""`Gazetteer`: look up names, recognise countries, find and resolve places in running text."""

from __future__ import annotations

import difflib
import os
import weakref
from collections import Counter
from pathlib import Path

from eventdesk.geo.curated import abbreviation_key, common_words, not_places
from eventdesk.geo.focus import Prior
from eventdesk.geo.fold import fold
from eventdesk.geo.given import given_span, resolve_given
from eventdesk.geo.places import CONTEXT_FEATURES, Feature, Place, PlaceMention
from eventdesk.geo.resolve import SEAT, followed_by_country, resolve
from eventdesk.geo.skeleton import skeleton
from eventdesk.geo.spans import Span, Token, find_spans, tokenize
from eventdesk.geo.store import GazetteerCache, Names, default_path

TOWN_LIKE_CUTOFF = 0.7  # towns_like: how close two spellings of one skeleton must be


class Gazetteer:
    """A built gazetteer held in memory. Pure once opened: no disk, network or clock."""

    def __init__(self, names: Names):
        self._names = names
        self._skip = not_places()
        self._common = common_words()

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Open the gazetteer at `path` (default: `default_path()`), loaded once per process.

        Raises ConfigError when it has not been built.
        """
        return cls(GazetteerCache.get(Path(path) if path else default_path()))

    def warm(self) -> Gazetteer:
        """Build now the indexes built on first use (the units' consonant skeletons, the
        fuzzy-match buckets, the countries' capitals), so that no later document pays for
        them: a long run, a server, a benchmark."""
        _skeletons(self._names)
        self._names.buckets()
        self._names.capitals()
        return self

    def lookup(self, name: str, country_iso3: str | None = None) -> list[Place]:
        """Places called `name` (any spelling that folds alike), most likely first; only those
        in `country_iso3` when it is given."""
        names = self._names
        ids = names.ids(names.key_of(name))
        if country_iso3:
            ids = tuple(p for p in ids if names.col["country_iso3"][p] == country_iso3)
        seats = names.seats(ids)
        return [
            names.place(p)
            for p in sorted(ids, key=lambda p: names.prior(p) + SEAT * (p in seats), reverse=True)
        ]

    def admin_units(self, name: str, country_iso3: str | None = None) -> list[Place]:
        """Provinces and districts called `name`: any spelling that folds alike, else (the last
        resort, within `country_iso3` only) one with the same consonant skeleton ("Aljfara" for
        Al Jifarah). Provinces first."""
        names = self._names
        units = (Feature.ADMIN1, Feature.REGION, Feature.ADMIN2)
        ids = [p for p in names.ids(names.key_of(name)) if names.col["feature"][p] in units]
        if country_iso3:
            ids = [p for p in ids if names.col["country_iso3"][p] == country_iso3]
        close = {p: 1.0 for p in ids}
        if not ids and country_iso3:
            key = skeleton(name)
            ids = list(_skeletons(names).get((country_iso3, key), ())) if key else []
            folded = fold(name)
            close = {  # among units of one skeleton, the spelling nearest the name's
                p: difflib.SequenceMatcher(None, folded, fold(names.col["name"][p])).ratio()
                for p in ids
            }
        rank = {Feature.ADMIN1: 0, Feature.REGION: 0, Feature.ADMIN2: 1}
        ids.sort(key=lambda p: (rank[names.col["feature"][p]], -close[p], -names.prior(p)))
        return [names.place(p) for p in ids]

    def towns_like(
        self, name: str, country_iso3: str, cutoff: float = TOWN_LIKE_CUTOFF
    ) -> list[tuple[Place, float]]:
        """Towns of one country spelt like `name` but for its vowels: the same consonant
        skeleton, and folded spellings close enough (difflib ratio >= `cutoff`); closest first,
        with the ratio. The last resort for a town a transliteration spells its own way ("Maarat
        Noman" for Maarrat an Numan, "Bennish" for Binnish): the caller says where it is a place."""
        key = skeleton(name)
        if not key:
            return []
        names, folded = self._names, fold(name)
        found = []
        for pid in _town_skeletons(names, country_iso3).get(key, ()):
            spellings = {names.col["name"][pid], names.col["ascii"][pid]} - {None}
            ratio = max(difflib.SequenceMatcher(None, folded, fold(n)).ratio() for n in spellings)
            if ratio >= cutoff:
                found.append((pid, ratio))
        found.sort(key=lambda f: (-f[1], -names.prior(f[0])))
        return [(names.place(pid), ratio) for pid, ratio in found]

    def capital(self, country_iso3: str) -> Place | None:
        """The town the country is placed on: its capital (else its biggest town)."""
        pid = self._names.capital(country_iso3)
        return self._names.place(pid) if pid is not None else None

    def abbreviation(self, surface: str) -> Place | None:
        """The province a press abbreviation stands for ("J&K", "KPK", "Ky.", "NSW"), if any."""
        ids = [
            p
            for p in self._names.ids(abbreviation_key(surface))
            if self._names.col["feature"][p] in (Feature.ADMIN1, Feature.REGION)
        ]
        return self._names.place(ids[0]) if ids else None

    def country(self, name_or_adjective: str) -> tuple[str, str] | None:
        """(iso3, English short name) for a country's name or adjective, in English or French
        ("Irak", "irakienne", "Iraqi", "Yémen"), or ACLED's name; None if it is none."""
        key = fold(name_or_adjective.strip().strip("."))
        iso3 = self._names.countries.get(key) or self._names.demonyms.get(key)
        if iso3 is None and len(name_or_adjective.strip()) == 3:
            code = name_or_adjective.strip().upper()
            iso3 = code if code in self._names.country_names else None
        return (iso3, self._names.country_names.get(iso3, iso3)) if iso3 else None

    def find_places(
        self, text: str, *, country_iso3: str | None = None, focus: Prior | None = None
    ) -> list[PlaceMention]:
        """The places named in `text`, in text order, each resolved with the text's context.

        Country names give context and are returned (feature 'country', precision 3) only when
        the text names no other place. `focus`: where the text's collection is
        (eventdesk.geo.focus), for names the text leaves in doubt.
        """
        tokens = tokenize(text)
        spans = self._spans(text, tokens)
        named = self._named_countries(tokens, spans)
        places = [
            s
            for s in spans
            if s.key not in self._names.countries and s.key not in self._names.demonyms
        ]
        if places:
            mentions = resolve(
                text, self._names, places, named, country_iso3, focus=focus,
                within=followed_by_country(text, self._countries_among(spans)),
            )  # fmt: skip
            mentions = [m for m in mentions if m.place.feature not in CONTEXT_FEATURES]
            if mentions:
                return mentions
        countries = [s for s in spans if s.key in self._names.countries]
        return [self._country_mention(s) for s in countries]

    def resolve_spans(
        self, text: str, offsets: list[tuple[int, int]], *, country_iso3: str | None = None
    ) -> list[PlaceMention | None]:
        """Resolve exactly the spans text[start:end] given (in any order); None where a span
        names no place the gazetteer knows. Countries (and their adjectives) resolve to the
        country and give the others context."""
        named = self._named_countries(tokenize(text), [])
        found = resolve_given(self._names, text, offsets, named, country_iso3)
        return [
            self._country_mention(span, iso3) if iso3 else mention for span, iso3, mention in found
        ]

    def most_populous(self, text: str, offsets: list[tuple[int, int]]) -> list[PlaceMention | None]:
        """The baseline: each span's most populous namesake, whatever the text says."""
        out: list[PlaceMention | None] = []
        pop = self._names.col["population"]
        for s, e in offsets:
            span, iso3 = given_span(self._names, text, s, e)
            if iso3:
                out.append(self._country_mention(span, iso3))
                continue
            ids = self._names.ids(span.key)
            best = max(ids, key=lambda p: pop[p] or 0, default=None)
            place = None if best is None else self._names.place(best)
            out.append(None if place is None else PlaceMention(s, e, span.text, place, 0.0, 1))
        return out

    def toponyms(self, text: str, *, country_iso3: str | None = None) -> list[PlaceMention]:
        """Every place name in `text`, countries and continents included, each resolved."""
        tokens = tokenize(text)
        spans = self._spans(text, tokens)
        named = self._named_countries(tokens, spans)
        countries = {s.start: s for s in spans if s.key in self._names.countries}
        places = [
            s for s in spans if s.start not in countries and s.key not in self._names.demonyms
        ]
        mentions = resolve(
            text, self._names, places, named, country_iso3, main_names=True, capitals=True,
            within=followed_by_country(text, self._countries_among(spans)),
        )  # fmt: skip
        mentions += [self._country_mention(s) for s in countries.values()]
        return sorted(mentions, key=lambda m: m.start)

    def _countries_among(self, spans: list[Span]) -> list[tuple[Span, str | None]]:
        return [(s, self._names.countries.get(s.key)) for s in spans]

    def _spans(self, text: str, tokens: list[Token]) -> list[Span]:
        names = self._names
        return find_spans(
            text, tokens, names.known, self._skip, names.head, names.countries, self._common
        )

    def _named_countries(self, tokens: list[Token], spans: list[Span]) -> set[str]:
        named = {self._names.countries[s.key] for s in spans if s.key in self._names.countries}
        for tok in tokens:
            key = fold(tok.text)
            iso3 = self._names.demonyms.get(key)
            if iso3 is None and key.endswith("s"):  # "Palestinians", "Israéliens": the people
                iso3 = self._names.demonyms.get(key[:-1])
            if iso3 and (tok.cap or tok.text.islower()):
                named.add(iso3)
        return named

    def _country_mention(self, span: Span, iso3: str | None = None) -> PlaceMention:
        iso3 = iso3 or self._names.countries[span.key]
        place = self._names.place(self._names.country_ids[iso3])
        return PlaceMention(span.start, span.end, span.text, place, 1.0, 3)


_RANK: dict[str, int] = {
    Feature.CITY: 0, Feature.BASE: 0, Feature.AIRPORT: 0, Feature.ADMIN2: 1,
    Feature.ADMIN1: 2, Feature.REGION: 2, Feature.COUNTRY: 3,
}  # fmt: skip


def best_mention(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The mention that best locates the text's event: the most specific one (a town or base,
    else a district, else a province, else the country), first in the text, among those that
    agree with the provinces the text names, else with the country most mentions are in."""
    if not mentions:
        return None
    provinces = {m.place.admin1_code for m in mentions if m.place.feature == Feature.ADMIN1}
    countries = Counter(m.place.country_iso3 for m in mentions)
    top = max(countries.values())
    for agrees in (
        lambda m: m.place.admin1_code in provinces,
        lambda m: countries[m.place.country_iso3] == top,
    ):
        agreeing = [m for m in mentions if agrees(m)]
        if agreeing:
            return min(agreeing, key=lambda m: _RANK.get(m.place.feature, 3))
    return None


_TOWN_SKELETONS: weakref.WeakKeyDictionary[Names, dict[str, dict[str, tuple[int, ...]]]] = (
    weakref.WeakKeyDictionary()
)


def _town_skeletons(names: Names, country_iso3: str) -> dict[str, tuple[int, ...]]:
    """skeleton -> the towns of one country whose name (or ASCII name) has it; built once per
    country, when first asked."""
    countries = _TOWN_SKELETONS.setdefault(names, {})
    found = countries.get(country_iso3)
    if found is None:
        col = names.col
        table: dict[str, set[int]] = {}
        for pid, (iso3, feature) in enumerate(
            zip(col["country_iso3"], col["feature"], strict=True)
        ):
            if iso3 != country_iso3 or feature != Feature.CITY:
                continue
            for spelling in {col["name"][pid], col["ascii"][pid]} - {None}:
                if sk := skeleton(spelling):
                    table.setdefault(sk, set()).add(pid)
        found = {k: tuple(sorted(v)) for k, v in table.items()}
        countries[country_iso3] = found
    return found


_SKELETONS: weakref.WeakKeyDictionary[Names, dict[tuple[str, str], tuple[int, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _skeletons(names: Names) -> dict[tuple[str, str], tuple[int, ...]]:
    """(country, skeleton) -> the provinces and districts whose names have it; built once."""
    found = _SKELETONS.get(names)
    if found is None:
        units = (Feature.ADMIN1, Feature.REGION, Feature.ADMIN2)
        feature, country = names.col["feature"], names.col["country_iso3"]
        table: dict[tuple[str, str], set[int]] = {}
        for key, value in names.index.items():
            for p in (value,) if isinstance(value, int) else value:
                pid = abs(p)
                if feature[pid] in units and (sk := skeleton(key)):
                    table.setdefault((country[pid], sk), set()).add(pid)
        found = {k: tuple(sorted(v)) for k, v in table.items()}
        _SKELETONS[names] = found
    return found
