"""Choosing among homonyms with the text's context.

Each candidate place of each span gets a score: its prior (log10 population plus the weight of
its kind), plus the country context (a hint, the countries the text names or whose adjectives
it uses, else the country most spans agree on), plus the provinces and districts named
elsewhere in the text ("Nasiriyah, capital of Dhi Qar", "(Baardheere, Gedo)"), plus the
words around the span ("province de X", "X district", "base de X"). Then up to two more
passes, each rewarding the candidates that share a province with, or lie near, the other
spans' choices of the pass before; one name's choice can turn another's (once one of two
neighbouring names is placed in a country, the other, beside it, follows).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from eventdesk.geo.cues import kind_cue, near_cue
from eventdesk.geo.focus import Prior
from eventdesk.geo.fold import fold
from eventdesk.geo.places import POINT_FEATURES, Feature, PlaceMention
from eventdesk.geo.spans import Span
from eventdesk.geo.store import BIG_TOWN, Names

HINT, HINT_MISS = 5.0, -5.0
NAMED, NAMED_MISS = 3.0, -1.5
VOTED = 1.5
# a place just across the border of a small country the text names ("entered Israel from
# Gaza"): within BESIDE_KM of that country's point
NAMED_BESIDE, BESIDE_KM = 1.5, 100.0
ADMIN1_NAMED, ADMIN2_NAMED, SAME_ADMIN1 = 3.0, 2.0, 1.0
CUE = {
    "admin1": {Feature.ADMIN1: 4.0, Feature.REGION: 4.0},
    "admin2": {Feature.ADMIN2: 3.0, Feature.CITY: 1.0},
    "city": {Feature.CITY: 2.0},
    "base": {Feature.BASE: 4.0, Feature.AIRPORT: 4.0},
}
NEAR_POINT = 1.5  # "near X", "15 km north of X": X is a town more often than a province
UNITS_TOGETHER = 2.0  # a province when the text's other places are provinces of its country
# a town close to places the text's other names may stand for (places named together lie
# together: Edmonton beside Enfield is the London one): NEAR_OTHERS for each such name, at
# most MAX_NEAR of them, within NEAR_KM of one of their TOP_K likeliest places
NEAR_OTHERS = 1.0
MAX_NEAR = 2
NEAR_KM = 100.0
TOP_K = 3
# named only by an alternate name, when others bear it as their main name (geoparsing: in
# news from everywhere GeoNames' alternates are mostly historical or foreign names; the event
# coder weighs it only among cities of BIG_TOWN or more, since its Middle Eastern and African
# villages' names are often alternates' spellings)
ALTERNATE = -2.0
# how sure a place is that the text names only by a name it bears as an alternate (a
# historical or foreign name): such a name is as often the own name of a village or district
# the gazetteer lacks, so it counts for less in the document's country focus
ALTERNATE_SURE = 0.6
SEAT = 3.0  # a town that is the seat (biggest town) of a province of the same name
# a country's capital: named alone, it is the capital more often than any namesake
# ("Washington", "Paris", "Buenos Aires"); not with a cue that says it is another kind, nor
# on top of SEAT (Tripoli, seat of its province, stays behind a Tripoli in the named country)
CAPITAL = 3.0
# "Town, Province" and "Town (District, Province)": the name after the comma is the unit
# (unless it is one item of a list: "Erbil, Kirkuk and Mosul").
AFTER_COMMA = {Feature.ADMIN1: 3.5, Feature.REGION: 2.0, Feature.ADMIN2: 1.0}
_UNIT_COMMA = re.compile(
    r"\b(?:district|county|municipality|tehsil|LGA|sub-?district|upazila|commune)\s*,$", re.I
)
_LIST = re.compile(r"\s*(?:,\s*(?:and\b|et\b|or\b|ou\b)?|and\b|et\b|or\b|ou\b)\s*[A-Z]")
# Names in one list ("Michigan, Oregon, New York and Ohio") are of one kind: a province
# listed beside provinces of its country is LISTED more likely the province.
LISTED = 2.0
TOGETHER = re.compile(r"^\s*(?:,\s*(?:(?:and|or|et|ou)\s+)?|(?:and|or|et|ou|&)\s+)$")
MAX_CANDIDATES = 200
PASSES = 3  # the first on the names alone, then while a choice changes
_ADMIN = (Feature.ADMIN1, Feature.REGION)


@dataclass(slots=True)
class Choice:
    span: Span
    ids: tuple[int, ...]
    cue: str | None
    after_comma: bool
    seats: frozenset[int] = frozenset()
    near: bool = False
    alternates: frozenset[int] = frozenset()
    bracket: bool = False  # the span opens a bracket after the previous one: "X (Y)"
    best: int = 0
    scores: tuple[float, ...] = ()


def resolve(
    text: str,
    names: Names,
    spans: list[Span],
    named: set[str],
    hint: str | None,
    every: bool = False,
    main_names: bool = False,
    capitals: bool = False,
    focus: Prior | None = None,
    within: dict[tuple[int, int], str] | None = None,
) -> list[PlaceMention]:
    """The best place for each span, as mentions in text order. A town the next span says is
    in another province ("Andriivka, Sumy" for an Andriivka elsewhere) is dropped, unless `every`.
    `main_names`: places a name is the main name of go before those it is an alternate of.
    `capitals`: geoparsing news from everywhere: a country's capital goes before its
    namesakes, a name said again is no evidence for itself, and a name once made a province
    by its words ("New York state") stays one where it is said again bare (the event coder
    leaves these out: ACLED's notes name their own country's towns, its floors are tuned
    without). `focus`: the collection's focus (eventdesk.geo.focus), added to the score of each
    village or small town. `within`: the country a span's own words put it in ("Queensland,
    Australia"): its namesakes elsewhere are left out, when it has one there."""
    choices = [
        _choice(text, names, s, prev, main_names)
        for s, prev in zip(spans, [None, *spans], strict=False)
    ]
    choices = [c for c in choices if c.ids]
    for c in choices:
        country = (within or {}).get((c.span.start, c.span.end))
        inside = tuple(p for p in c.ids if names.col["country_iso3"][p] == country)
        if inside:
            c.ids, c.seats = inside, c.seats & frozenset(inside)
            c.alternates &= frozenset(inside)
    for c, after in zip(choices, choices[1:], strict=False):
        if after.bracket and c.cue is None:  # "Gao (Gao, Gao)": a locality, then its units
            c.cue = "city"
    voted = _vote(names, choices) if not named and not hint else None
    admin1s = _named_admin1(names, choices, named, hint)
    for n_pass in range(PASSES):
        second_pass, before = n_pass > 0, [c.best for c in choices]
        winners = [names.col["admin1_code_iso"][c.best] for c in choices] if second_pass else []
        units = [_unit_country(names, c.best) or "" for c in choices] if second_pass else []
        listed = _listed(text, choices, units)
        tops = {c.span.key: _top_points(names, c) for c in choices} if second_pass else {}
        for n, c in enumerate(choices):
            # the other names (geoparsing: a name said again is no evidence for itself)
            apart = [o is not c and (o.span.key != c.span.key or not capitals) for o in choices]
            others = {w for w, a in zip(winners, apart, strict=False) if a} - {None}
            context = Context(
                named, hint, voted, admin1s - _own(names, c),
                {o.span.key for o, a in zip(choices, apart, strict=True) if a},
                others, {u for u, a in zip(units, apart, strict=False) if a} - {""},
                [points for key, points in tops.items() if key != c.span.key], capitals,
                listed[n], focus,
            )  # fmt: skip
            c.scores = tuple(_score(names, pid, c, context) for pid in c.ids)
            c.best = c.ids[max(range(len(c.ids)), key=c.scores.__getitem__)]
        if second_pass and [c.best for c in choices] == before:
            break
    # right to left: in "X (District, Province)" the district is placed before X
    held: dict[int, bool] = {}
    nexts: list[Choice | None] = [*choices[1:], None]
    triples = zip(choices, nexts, [*nexts[1:], None], strict=False)
    for this, nxt, later in reversed(list(triples)):
        if (
            nxt is not None
            and not held[id(nxt)]
            and nxt.best != this.best  # "Kumba (Kumba, Sud-Ouest)": the town names itself
            and names.col["feature"][nxt.best] in POINT_FEATURES
            and later is not None
            and later.after_comma
        ):
            # "X (District, Province)" with a district we only know as a town elsewhere: the
            # province still holds X
            nxt, later = later, None
        held[id(this)] = _held(names, this, nxt, later)
    if capitals:
        _one_sense(choices)
    return [_mention(text, names, c) for c in choices if held[id(c)] or every]


def followed_by_country(
    text: str, given: list[tuple[Span, str | None]]
) -> dict[tuple[int, int], str]:
    """Place spans a country's name follows after a comma ("Queensland, Australia", "Paris,
    France"), with that country; not one item of a list ("Lyon, France and Spain")."""
    out = {}
    for (span, iso3), (after, country) in zip(given, given[1:], strict=False):
        if iso3 or not country or not _COMMA_ONLY.match(text[span.end : after.start]):
            continue
        if not _LIST.match(text, after.end):
            out[(span.start, span.end)] = country
    return out


_COMMA_ONLY = re.compile(r"\s*,\s*\Z")


def _one_sense(choices: list[Choice]) -> None:
    """Geoparsing: a name once said with words that make it a unit ("New York state",
    "Kirkuk province") keeps that sense where it is said again bare ("New York")."""
    anchors: dict[str, int] = {}
    for c in choices:
        if c.cue in ("admin1", "admin2"):
            anchors.setdefault(c.span.key, c.best)
    for c in choices:
        if c.span.key in anchors and c.cue is None and not c.after_comma:
            c.best = anchors[c.span.key]


def _held(names: Names, c: Choice, after: Choice | None, later: Choice | None) -> bool:
    """ "X, Province", "X (District, Province)", "X (Town)": X is chosen among its namesakes
    inside what the qualifier names (its province; for a town in brackets its country, or its
    province when a province follows it; for a province X its country);
    False when none is there ("Andriivka, Sumy" for an Andriivka we only know elsewhere, "As Sabaa
    (Tripoli)" for a Sabaa abroad): X is then a homonym of a place the gazetteer lacks."""
    if after is None or not after.after_comma or c.best == after.best:
        return True
    col = names.col
    unit = after.best
    if col["feature"][unit] in (Feature.ADMIN1, Feature.ADMIN2):
        key = "admin1_code_iso"
    elif after.bracket and col["feature"][unit] in POINT_FEATURES:
        # "(Town)": its country; "(District, Province)": the district's province
        chained = later is not None and later.after_comma and not later.bracket
        key = "admin1_code_iso" if chained else "country_iso3"
    else:
        return True
    if col["feature"][c.best] in _ADMIN and not (after.bracket and key == "admin1_code_iso"):
        # "Sabah (Tripoli)": a province, in that country; not "Xqz (Town, Province)", where a
        # province of another province is a homonym of a locality there
        key = "country_iso3"
    where = col[key][unit]
    inside = [i for i, p in enumerate(c.ids) if col[key][p] == where]
    if not inside:
        return False
    c.best = c.ids[max(inside, key=c.scores.__getitem__)]
    return True


def _big_alternates(names: Names, ids: tuple[int, ...], span: Span) -> frozenset[int]:
    """The cities the name stands for only through another name, when a city as big bears it
    as its own ("Sari" is Sari in Mazandaran before Surrey, British Columbia): a city is
    written by its own name. Villages are left alone, whose names news spells many ways."""
    pop = names.col["population"]
    big = [p for p in ids if (pop[p] or 0) >= BIG_TOWN and names.col["feature"][p] == Feature.CITY]
    if len(big) < 2:
        return frozenset()
    other = names.alternates(span.key) & set(big)
    return other if len(other) < len(big) else frozenset()


def _choice(text: str, names: Names, span: Span, prev: Span | None, main_names: bool) -> Choice:
    ids = names.ids(span.key)
    if len(ids) > MAX_CANDIDATES:
        ids = tuple(sorted(ids, key=names.prior, reverse=True)[:MAX_CANDIDATES])
    gap = text[prev.end : span.start].strip() if prev else ""
    # "X, Province" (not "Erbil, Kirkuk and Mosul"), "X (District, Province)", "X (Town)"
    qualifies = (
        len(gap) < 25
        and (gap.endswith("(") or (gap.endswith(",") and not _LIST.match(text, span.end)))
    ) or bool(_UNIT_COMMA.search(gap))  # "... area of Xqz district, Laghman": Xqz unknown
    cue = kind_cue(text, span.start, span.end)
    near = near_cue(text, span.start)
    alternates = names.alternates(span.key) if main_names else _big_alternates(names, ids, span)
    if len(alternates) == len(ids):
        alternates = frozenset()  # all alike: no place has it as its main name
    bracket = qualifies and gap.endswith("(")
    return Choice(span, ids, cue, qualifies, names.seats(ids), near, alternates, bracket)


@dataclass(slots=True)
class Context:
    """What the rest of the text says, seen from one span."""

    named: set[str]  # countries the text names (or whose adjectives it uses)
    hint: str | None  # the country the caller says the text is about
    voted: str | None  # else the country most spans have a candidate in
    admin1s: set[str]  # provinces other spans name
    keys: set[str]  # the other spans' keys
    others: set[str]  # the provinces of the other spans' first choices
    unit_countries: set[str]  # countries of which other spans' first choices are provinces
    near: list[list[tuple[float, float]]]  # each other name's likeliest places (lat, lon)
    capitals: bool = False  # whether a country's capital goes before its namesakes
    listed: frozenset[str] = frozenset()  # countries of provinces listed beside the span
    focus: Prior | None = None  # where the collection's documents are


def _listed(text: str, choices: list[Choice], units: list[str]) -> list[frozenset[str]]:
    """For each span, the countries of which the spans listed right beside it ("A, B and C")
    are provinces (`units`: each span's country if its first choice is a province, else "")."""
    if not units:
        return [frozenset()] * len(choices)
    together = [  # not "Columbia, Missouri": there the second name qualifies the first
        not b.after_comma and bool(TOGETHER.match(text[a.span.end : b.span.start]))
        for a, b in zip(choices, choices[1:], strict=False)
    ]
    out = []
    for n in range(len(choices)):
        found = {units[n - 1]} if n and together[n - 1] else set()
        if n + 1 < len(choices) and together[n]:
            found.add(units[n + 1])
        out.append(frozenset(found - {""}))
    return out


def _top_points(names: Names, c: Choice) -> list[tuple[float, float]]:
    """Where the first pass's likeliest places of a span are (its TOP_K best candidates)."""
    ranked = sorted(range(len(c.ids)), key=c.scores.__getitem__, reverse=True)[:TOP_K]
    return [(names.col["lat"][c.ids[i]], names.col["lon"][c.ids[i]]) for i in ranked]


def _near_others(lat: float, lon: float, near: list[list[tuple[float, float]]]) -> int:
    """How many of the other names may stand for a place within NEAR_KM of (lat, lon)."""
    return sum(_within_km(lat, lon, points, NEAR_KM) for points in near)


def _within_km(lat: float, lon: float, points: Iterable[tuple[float, float]], km: float) -> bool:
    """Whether any of the points lies within `km` of (lat, lon) (flat, at the scale of lat)."""
    scale = math.cos(math.radians(lat))
    limit = (km / 111.2) ** 2
    return any((la - lat) ** 2 + (scale * (lo - lon)) ** 2 < limit for la, lo in points)


def _unit_country(names: Names, pid: int) -> str | None:
    return names.col["country_iso3"][pid] if names.col["feature"][pid] == Feature.ADMIN1 else None


def _score(names: Names, pid: int, c: Choice, ctx: Context) -> float:
    col = names.col
    iso3, feature = col["country_iso3"][pid], col["feature"][pid]
    score = names.prior(pid)
    if ctx.hint:
        score += HINT if iso3 == ctx.hint else HINT_MISS
    if ctx.named:
        if iso3 in ctx.named:
            score += NAMED
        elif _beside(names, pid, ctx.named):
            score += NAMED_BESIDE
        else:
            score += NAMED_MISS
    elif ctx.voted:
        score += VOTED if iso3 == ctx.voted else 0.0
    admin1 = col["admin1_code_iso"][pid]
    if feature not in _ADMIN and admin1 and admin1 in ctx.admin1s:
        score += ADMIN1_NAMED
    admin2 = col["admin2_name"][pid]
    if feature != Feature.ADMIN2 and admin2 and fold(admin2) in ctx.keys:
        score += ADMIN2_NAMED
    if admin1 and admin1 in ctx.others:
        score += SAME_ADMIN1
    if feature == Feature.ADMIN1 and iso3 in ctx.unit_countries:
        score += UNITS_TOGETHER
    if feature in _ADMIN and iso3 in ctx.listed:
        score += LISTED
    if ctx.near and feature in POINT_FEATURES and not c.after_comma:  # "X, Y": Y holds X
        score += NEAR_OTHERS * min(
            MAX_NEAR, _near_others(col["lat"][pid], col["lon"][pid], ctx.near)
        )

    if c.cue:
        score += CUE[c.cue].get(feature, -1.0)
    elif c.near and feature in POINT_FEATURES:
        score += NEAR_POINT
    if c.after_comma:
        score += AFTER_COMMA.get(feature, 0.0)
    if pid in c.seats and c.cue != "admin1":
        score += SEAT
    elif ctx.capitals and c.cue in (None, "city") and names.is_capital(pid):
        score += CAPITAL
    if pid in c.alternates:
        score += ALTERNATE
    if ctx.focus is not None and (
        (feature in POINT_FEATURES and col["population"][pid] < BIG_TOWN)
        or (feature in _ADMIN and not any(col["admin1_code_iso"][s] == admin1 for s in c.seats))
    ):
        # the collection's focus tells homonymous villages and small towns apart, and a
        # province from a small town of its name elsewhere ("Kebbi", a state of Nigeria and a
        # town of another); a city is known by its name, and a province is no homonym of its
        # own seat
        score += ctx.focus.weight(iso3, admin1)
    return score


def _beside(names: Names, pid: int, named: set[str]) -> bool:
    """Whether the place lies within BESIDE_KM of the point of a country the text names."""
    col = names.col
    points = [
        (col["lat"][c], col["lon"][c])
        for c in (names.country_ids.get(iso3) for iso3 in named)
        if c is not None
    ]
    return _within_km(col["lat"][pid], col["lon"][pid], points, BESIDE_KM)


def _own(names: Names, c: Choice) -> set[str]:
    return {names.col["admin1_code_iso"][p] for p in c.ids if names.col["feature"][p] in _ADMIN}


def _named_admin1(
    names: Names, choices: list[Choice], named: set[str], hint: str | None
) -> set[str]:
    """ISO codes of the provinces the text names (in the countries in context, if any)."""
    countries = named | ({hint} if hint else set())
    out = set()
    for c in choices:
        for pid in c.ids:
            if names.col["feature"][pid] in _ADMIN and (
                not countries or names.col["country_iso3"][pid] in countries
            ):
                out.add(names.col["admin1_code_iso"][pid])
    return out - {None}


def _vote(names: Names, choices: list[Choice]) -> str | None:
    """The country most spans have a candidate in (ties: the stronger candidates)."""
    votes: Counter[str] = Counter()
    strength: dict[str, float] = {}
    for c in choices:
        best: dict[str, float] = {}
        for pid in c.ids:
            iso3 = names.col["country_iso3"][pid]
            best[iso3] = max(best.get(iso3, 0.0), names.prior(pid))
        for iso3, prior in best.items():
            votes[iso3] += 1
            strength[iso3] = strength.get(iso3, 0.0) + prior
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], strength[k]))


def _mention(text: str, names: Names, c: Choice) -> PlaceMention:
    place = names.place(c.best)
    chosen = c.scores[c.ids.index(c.best)]
    weights = [math.exp(s - chosen) for s in c.scores]
    confidence = 1.0 / sum(weights)
    if c.best in names.alternates(c.span.key):
        confidence *= ALTERNATE_SURE
    province = names.col["admin1_code_iso"][c.best]
    same = sum(
        w
        for w, p in zip(weights, c.ids, strict=True)
        if names.col["admin1_code_iso"][p] == province
    )
    if place.feature in POINT_FEATURES:
        # "near X", or X whose own point the gazetteer lacks (it gives a nearby town's)
        precision = 2 if c.near or not place.own_point else 1
    else:
        precision = 2 if place.feature == Feature.ADMIN2 else 3
    return PlaceMention(
        c.span.start, c.span.end, c.span.text, place, round(confidence, 3), precision,
        round(same * confidence, 3) if province else None,
    )  # fmt: skip
