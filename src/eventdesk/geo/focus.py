"""A collection's geographic focus: where the places its documents name for certain lie.

A name many places bear ("Andriivka", "San José", "Aleksandrovka") is told apart by the text when
the text says where; a one-line incident note often does not. Its collection does: notes read
together come from one desk, one outlet, one theatre, and the places they name without doubt
say which. Lieberman, Samet and Sankaranarayanan (2010, "Geotagging with local lexicons")
resolve a news source's ambiguous names with the places that source names unambiguously; this
is that idea at the level of provinces and countries.

`Learner.add` counts, once per document, the provinces and countries of the place mentions
whose province the resolver was sure of (`SURE`); `Learner.prior()` turns the counts into a `Prior`, a small
weight per province and per country that the resolver adds to the score of a candidate village or small town (a
city is known by its name; a province is no namesake of its town). The weight grows with the
log of the count, so a theatre of many notes outweighs a village's more populous namesake
elsewhere, never a province or a country the text itself names.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from eventdesk.geo.fold import fold
from eventdesk.geo.places import CONTEXT_FEATURES, Feature, Place, PlaceMention
from eventdesk.geo.store import BIG_TOWN

SURE = 0.9  # a mention this sure of its place teaches the collection's focus
MIN_DOCS = 20  # a focus learned from fewer documents is no focus
# a country that fewer than this share of the collection's documents are placed in is a
# stranger to it: a village of that name there is more likely a namesake of one the gazetteer
# lacks at home ("Foix" shelled with Damascus's suburbs is no town in Ariège)
STRANGER_SHARE = 0.0005
STRANGER_DOCS = 1000  # ... and only a collection this large knows its countries well enough
# ... when the collection keeps to a region: its REGION_COUNTRIES likeliest countries hold at
# least REGION_SHARE of its documents (a desk's notes from the Middle East: 95%; from the
# whole world: 64%)
REGION_COUNTRIES, REGION_SHARE = 10, 0.85
# a generic phrase for an actor ("regime forces", "the coalition") that at least PHRASE_DOCS of
# the collection's surely placed documents use, PHRASE_SHARE of them in one country, names that
# country's side in this collection (a desk writing on Syria says "regime forces" of Syria's)
PHRASE_DOCS, PHRASE_SHARE = 20, 0.9
# the kinds of actor such a phrase may name: a side in a conflict, not "journalists" or "residents"
SIDE_KINDS = frozenset(
    {"military", "police", "gendarmerie", "air_force", "aviation", "border_guards", "coalition",
     "militia", "rebels", "islamist", "militants"}
)  # fmt: skip
ADMIN1_WEIGHT = 1.0  # per decade of documents placed in the province
COUNTRY_WEIGHT = 0.5  # per decade of documents placed in the country


@dataclass(frozen=True, slots=True)
class Prior:
    """Score added to a candidate place for the collection's focus."""

    admin1: dict[str, float] = field(default_factory=dict)
    country: dict[str, float] = field(default_factory=dict)
    # whether the collection keeps to a region (REGION_SHARE) and is large enough to know it
    regional: bool = False
    vouched: dict[str, float] = field(default_factory=dict)  # share of documents, per country
    phrases: dict[str, str] = field(default_factory=dict)  # generic actor phrase -> its country

    def country_focus(self) -> str | None:
        """The country most of the collection's documents are placed in."""
        return max(self.country, key=self.country.__getitem__) if self.country else None

    def top_countries(self, n: int) -> list[str]:
        """The `n` countries most of the collection's documents are placed in, likeliest first."""
        return sorted(self.country, key=self.country.__getitem__, reverse=True)[:n]

    def stranger(self, country_iso3: str) -> bool:
        """Whether the collection's documents are (almost) never placed in the country."""
        return self.regional and self.vouched.get(country_iso3, 0.0) < STRANGER_SHARE

    def stranger_village(self, place: Place, vouched: Collection[str | None] = ()) -> bool:
        """Whether the place is a village or small town of a country the collection is a
        stranger to and that is not in `vouched` (the countries its own text names)."""
        return (
            village(place)
            and place.country_iso3 not in vouched
            and self.stranger(place.country_iso3)
        )

    def weight(self, country_iso3: str, admin1_code: str | None) -> float:
        own = self.admin1.get(admin1_code, 0.0) if admin1_code else 0.0
        return own + self.country.get(country_iso3, 0.0)


@dataclass(slots=True)
class Learner:
    """The focus of the documents seen so far."""

    docs: int = 0
    admin1: Counter[str] = field(default_factory=Counter)
    country: Counter[str] = field(default_factory=Counter)
    # documents per country that the text vouches for by more than a village's name (the
    # country itself, a province, a city): a village's namesake abroad teaches no stranger
    vouched: Counter[str] = field(default_factory=Counter)
    placed: int = 0  # documents with any place
    # per generic actor phrase, the countries of the surely placed documents that use it
    phrases: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, mentions: Iterable[PlaceMention], phrases: Iterable[str] = ()) -> None:
        """One document's place mentions (those of the sentences that tell an incident), and
        the generic phrases it names actors with ("regime forces": `phrase_key`)."""
        mentions = list(mentions)
        if mentions:
            self.placed += 1
        self.vouched.update({m.place.country_iso3 for m in mentions if not village(m.place)})
        sure = [m.place for m in mentions if m.province_score >= SURE]
        sure = [p for p in sure if p.feature not in CONTEXT_FEATURES]
        if not sure:
            return
        self.docs += 1
        self.admin1.update({p.admin1_code for p in sure if p.admin1_code})
        countries = {p.country_iso3 for p in sure}
        self.country.update(countries)
        if len(countries) == 1:
            for phrase in set(phrases):
                self.phrases.setdefault(phrase, Counter()).update(countries)

    def prior(self, sides: bool = True) -> Prior | None:
        """The focus so far; without the phrases for sides (`sides=False`) when only the
        countries are asked, as for each document's strangers (they cost a pass over every
        phrase)."""
        if self.docs < MIN_DOCS:
            return None
        region = sum(n for _, n in self.country.most_common(REGION_COUNTRIES)) / self.docs
        return Prior(
            {k: ADMIN1_WEIGHT * math.log10(1 + n) for k, n in self.admin1.items()},
            {k: COUNTRY_WEIGHT * math.log10(1 + n) for k, n in self.country.items()},
            region >= REGION_SHARE and self.placed >= STRANGER_DOCS,
            {k: n / self.placed for k, n in self.vouched.items()},
            {
                phrase: top
                for phrase, counts in (self.phrases.items() if sides else ())
                for top, n in counts.most_common(1)
                if counts.total() >= PHRASE_DOCS and n >= PHRASE_SHARE * counts.total()
            },
        )


def village(place: Place) -> bool:
    """A village or small town: one with namesakes abroad, which does not say its country."""
    return place.feature == Feature.CITY and place.population < BIG_TOWN


def phrase_key(text: str) -> str:
    """The key of a generic actor phrase: lower case, single spaces, no leading article."""
    words = text.lower().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["les"], ["la"], ["le"]) else words)


def own_name(mention: PlaceMention) -> bool:
    """Whether the text names the place by its own name, not by another name it bears ("Canton"
    for Guangzhou, "Saigon" for Ho Chi Minh City)."""
    return fold(mention.text) == fold(mention.place.name)


def unvouched(mentions: Iterable[PlaceMention], countries: Collection[str | None]) -> bool:
    """Whether a document's places are all villages or small towns, or towns named by another
    name than their own ("Saigon" for Ho Chi Minh City), abroad from every country its actors name
    (`countries`): nothing but those names says where the document is."""
    mentions = [m for m in mentions if m.place.feature not in CONTEXT_FEATURES]
    return bool(mentions) and all(
        (village(m.place) or not own_name(m)) and m.place.country_iso3 not in countries
        for m in mentions
    )


def strange(mentions: Iterable[PlaceMention], prior: Prior | None) -> bool:
    """Whether any of a document's place mentions is a village or small town of a country the
    collection is a stranger to (`prior`: the focus so far; None, too early to say)."""
    return prior is not None and any(prior.stranger_village(m.place) for m in mentions)


def unsure(mentions: Iterable[PlaceMention]) -> bool:
    """Whether any of a document's place mentions was a doubtful choice among namesakes in
    different provinces."""
    return any(
        m.province_score < SURE and m.place.feature not in CONTEXT_FEATURES for m in mentions
    )
