"""Whether two reports may tell one incident (`compatible`), and how strongly they agree (`score`).

`compatible` is a hard gate, symmetric, and also bars two reports from one cluster: one document's
events (the code stage already told them apart), another country or province, dates further apart
than their precision allows, kinds of event that cannot be one (a demonstration and a bombing; a
shelling and a clash: only kindred kinds, `_KIN`, may be one incident told two ways), and what an
analyst reads as two incidents: two precise places neither telling names as the other's (ACLED
codes one event per village), each telling naming a place the other never mentions, two named
perpetrators (or targets) of which neither telling has the other's. A death a source calls
non-combat (`Report.noncombat`) may only meet an incident, whose kind it disputes.

`score` adds what agrees: the same sub-event type (a kindred one less), day and place (these alone
stay below `LINK`: two killings in one city on one day are common; the same small town says more
than the same city), then the evidence that they are one: the same named actors (an armed group
more than a state's forces) or claimant, tolls that agree, names and numbers told beyond the
date, places and actors, what the tellings say of who, where and by what means
(`text.concepts`), documents that are copies of one another. Tolls far apart, victims told as
civilians by one and as an armed side by the other, and concepts that differ count against. Two
reports are linked when the score reaches `LINK`.
"""

from __future__ import annotations

import math

from eventdesk.fuse.report import DocFeatures, Report
from eventdesk.fuse.text import jaccard, similarity
from eventdesk.records import SUB_EVENT_PARENT, EventType, SubEventType, TimePrecision

LINK = 1.6  # score from which two reports are taken for one incident
NEAR_KM = 10.0
WEEK_WINDOW = 1  # days a date known to the week may lie from another
STATE_FORCES = 1  # ACLED inter codes
CIVILIANS = 7
EXTERNAL = 8
EARTH_KM = 6371.0088
COPY_SIMILARITY = 0.5  # estimated Jaccard of word 3-shingles: a reprint or a wire copy
TRANSLATION_SHARE = 0.7  # share of the names and numbers of the shorter text found in the other
COPY_MIN_WORDS = 80  # texts shorter than this are never called copies
TRANSLATION_MIN = 5  # names and numbers a text needs before it can be called a translation

_GROUP = {
    EventType.BATTLES: "violence",
    EventType.EXPLOSIONS: "violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "violence",
    EventType.PROTESTS: "demonstration",
    EventType.RIOTS: "demonstration",
    EventType.STRATEGIC_DEVELOPMENTS: "development",
}
S = SubEventType
# ACLED sub-event types that tellings of one incident commonly disagree on: whether the victims
# fought back (an attack or a clash), whether they were taken (an abduction in a raid), a missile
# or a strike, a bomb or a suicide bomber, whether police intervened or rioters took over
_KIN = frozenset(
    frozenset(pair)
    for pair in (
        (S.ARMED_CLASH, S.ATTACK), (S.ATTACK, S.ABDUCTION), (S.ARMED_CLASH, S.ABDUCTION),
        (S.ARMED_CLASH, S.GOVERNMENT_REGAINS_TERRITORY),
        (S.ARMED_CLASH, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
        (S.AIR_DRONE_STRIKE, S.SHELLING), (S.REMOTE_EXPLOSIVE, S.SUICIDE_BOMB),
        (S.REMOTE_EXPLOSIVE, S.GRENADE), (S.ATTACK, S.SEXUAL_VIOLENCE),
        (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION),
        (S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE),
        (S.PROTEST_WITH_INTERVENTION, S.VIOLENT_DEMONSTRATION),
        (S.EXCESSIVE_FORCE, S.VIOLENT_DEMONSTRATION), (S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE),
    )
)  # fmt: skip
_DEFAULT_PREFIXES = ("Unidentified", "Protesters", "Rioters", "Civilians")


def window(a: Report, b: Report) -> int:
    """Days two reports' dates may differ by: none when both know the day (an incident told a
    day apart is, far more often than a misread date, the same kind of incident again), else the
    coarser precision's (a date "around" a day, ACLED's week precision: a day either side; a
    month: the month)."""
    worst = max(a.event.time_precision, b.event.time_precision)
    if worst == TimePrecision.DAY:
        return 1 if _filed_late(a, b) or _filed_late(b, a) else 0
    return WEEK_WINDOW if worst == TimePrecision.WEEK else 31


def _filed_late(a: Report, b: Report) -> bool:
    """a is dated the day it was published (a dateline, "late on Thursday" filed after midnight)
    and b, which dates the day before, read that day from its own later publication."""
    published = b.doc.published
    return (
        a.event.event_date == a.doc.published
        and b.day == a.day - 1
        and published is not None
        and b.event.event_date < published
    )


def km(a: Report, b: Report) -> float:
    dot = sum(x * y for x, y in zip(a.xyz, b.xyz, strict=True))
    return EARTH_KM * math.acos(max(-1.0, min(1.0, dot)))


def compatible(a: Report, b: Report) -> bool:
    ea, eb = a.event, b.event
    if a.noncombat and b.noncombat:
        return False  # two denials make no incident
    denial = a.noncombat or b.noncombat  # a death called non-combat, against an incident
    if (a.doc.doc_id == b.doc.doc_id and not denial) or ea.country_iso3 != eb.country_iso3:
        return False
    if ea.admin1_code and eb.admin1_code and ea.admin1_code != eb.admin1_code:
        return False
    if abs(a.day - b.day) > window(a, b):
        return False
    if _undated(ea) or _undated(eb):
        return False  # dated at the day it was processed: that says nothing of when it happened
    if denial:
        incident = eb if a.noncombat else ea
        return _GROUP[incident.event_type] == "violence" and _same_ground(a, b)
    if _GROUP[ea.event_type] != _GROUP[eb.event_type]:
        return False
    if ea.sub_event_type != eb.sub_event_type and not _kin(ea.sub_event_type, eb.sub_event_type):
        return False  # a shelling and a clash, an arrest and a looting: two incidents
    if copies(a.doc, b.doc):
        return True  # one article twice (a reprint, a wire copy, a translation): one telling
    return _same_ground(a, b) and not _two_sides(a, b)


def _undated(e) -> bool:  # type: ignore[no-untyped-def]
    from eventdesk.code.events import UNDATED_NOTE

    return UNDATED_NOTE in (e.notes or "")


def _same_ground(a: Report, b: Report) -> bool:
    """Not two places: two villages named, or each telling naming a place the other never
    mentions."""
    ea, eb = a.event, b.event
    if ea.geo_precision <= 2 and eb.geo_precision <= 2 and not _one_place(a, b):
        return False  # two villages (or towns) named: ACLED codes one event per place
    return not (_elsewhere(a, b) and _elsewhere(b, a))  # each names a place the other does not


def _one_place(a: Report, b: Report) -> bool:
    """The same place: one gazetteer entry, one name, or the place of one is named in the other's
    telling ("near Kafanchan, in southern Kaduna" and "near Kafanchan")."""
    if a.event.geonameid is not None and a.event.geonameid == b.event.geonameid:
        return True
    if a.site and a.site == b.site:
        return True  # one name in one province: homonyms the gazetteer splits
    return _site_told(a, b) or _site_told(b, a)


def _site_told(a: Report, b: Report) -> bool:
    """a's place is one b's telling names as where something happened ("near X")."""
    return bool(a.site) and a.site in b.places


def _two_sides(a: Report, b: Report) -> bool:
    """Each names who did it, or whom it was done to, and the two differ: two incidents. Not
    when the two tell the same two sides the other way round, nor for state forces told as the
    army by one and as the police by the other."""
    x, y = a.event, b.event
    if _swapped(x, y):
        return False
    for name, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        p, q = getattr(x, name), getattr(y, name)
        if not (named(p) and named(q)) or _same_actor(p, q):
            continue
        if getattr(x, inter) == getattr(y, inter) == STATE_FORCES:
            continue
        if not (_has(y, p) or _has(x, q)):
            return True
    return False


def _swapped(x, y) -> bool:  # type: ignore[no-untyped-def]
    """The same two named sides, each report putting the other first."""
    return (
        named(x.actor1) and named(x.actor2)
        and _same_actor(x.actor1, y.actor2) and _same_actor(x.actor2, y.actor1)
    )  # fmt: skip


def _same_actor(x: str | None, y: str | None) -> bool:
    """One actor: the same name, or a force and one of its units ("Military Forces of Iraq
    (2022-)" and "Military Forces of Iraq (2022-) Popular Mobilization Forces")."""
    if x is None or y is None:
        return False
    return x.startswith(y) or y.startswith(x)


def _has(e, actor: str | None) -> bool:  # type: ignore[no-untyped-def]
    """The event names this actor on either side."""
    names = (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2, e.claimed_by)
    return any(_same_actor(actor, n) for n in names)


def named(actor: str | None) -> bool:
    """An actor the text names, not one the coder supplied by convention."""
    return actor is not None and not actor.startswith(_DEFAULT_PREFIXES)


def score(a: Report, b: Report) -> float:
    """How strongly two compatible reports agree (see the module docstring). A death called
    non-combat is weighed on its day, place, toll and details: its kind is what is disputed."""
    denial = a.noncombat or b.noncombat
    return (
        (0.0 if denial else _type(a.event.sub_event_type, b.event.sub_event_type))
        + _when(a, b)
        + _where(a, b)
        + _actors(a, b)
        + _tolls(a.event.fatalities, b.event.fatalities)
        + _details(a, b)
        + _concepts(a, b)
        + (2.0 if a.day == b.day and copies(a.doc, b.doc) else 0.0)
    )


def edge(a: Report, b: Report) -> float | None:
    """The score of a linked pair, None when the two are not linked."""
    if not compatible(a, b):
        return None
    s = round(score(a, b), 6)
    return s if s >= LINK else None


def _demonstration(sub: SubEventType) -> bool:
    return _GROUP[SUB_EVENT_PARENT[sub]] == "demonstration"


def _kin(x: SubEventType, y: SubEventType) -> bool:
    return frozenset((x, y)) in _KIN


# The same kind, day and place stay below LINK: two killings in one city on one day are common,
# and one more agreement (a named actor, a toll, a detail, what was hit) is needed.
SAME_KIND = 0.5
SAME_DAY = 0.4
SAME_PLACE = 0.6
KIN = 0.2  # two kindred kinds: less than one kind, so the rest must agree more


def _type(x: SubEventType, y: SubEventType) -> float:
    """The same kind agrees; kindred kinds (compatible) agree less: the rest of the two tellings
    must agree strongly."""
    if x != y:
        return KIN
    # many groups demonstrate in one city on one day: the kind alone says little
    return 0.1 if _demonstration(x) else SAME_KIND


def _when(a: Report, b: Report) -> float:
    if a.event.time_precision != TimePrecision.DAY or b.event.time_precision != TimePrecision.DAY:
        return 0.0 if a.day == b.day else -0.6
    return SAME_DAY if a.day == b.day else 0.0


def _where(a: Report, b: Report) -> float:
    ea, eb = a.event, b.event
    if not (ea.admin1_code and eb.admin1_code):
        return -0.5  # one of them placed in the country only
    if _one_place(a, b):
        return SAME_PLACE + _size(a, b)
    if ea.geo_precision <= 2 and eb.geo_precision <= 2:
        return 0.0 if km(a, b) <= NEAR_KM else -0.3  # two places named
    return 0.3  # a place and its province: they agree, the one more precisely


SMALL_TOWN = 50_000  # one incident of a kind a day is the rule in a place smaller than this
BIG_CITY = 1_000_000  # ... and many are in a city bigger than this


def _size(a: Report, b: Report) -> float:
    """The same town says more when it is small (an air strike near Djenné on a Monday) than
    when it is a city (a shooting in Manaus)."""
    if a.event.sub_event_type != b.event.sub_event_type:
        return 0.0  # kindred kinds in one town: the coincidence says less
    if a.event.geonameid == b.event.geonameid or _site_told(a, b):
        people = a.population
    elif _site_told(b, a):
        people = b.population
    else:
        people = None
    if people is None:
        return 0.0
    return 0.3 if people < SMALL_TOWN else (-0.2 if people >= BIG_CITY else 0.0)


def _actors(a: Report, b: Report) -> float:
    ea, eb = a.event, b.event
    total = 0.0
    if named(ea.actor1) and named(eb.actor1):
        if _same_actor(ea.actor1, eb.actor1):
            # a state's forces (or a foreign coalition) strike many places a day: naming them
            # says less than naming an armed group
            total += 0.3 if ea.inter1 in (STATE_FORCES, EXTERNAL) else 0.7
        elif _swapped(ea, eb):
            total += 0.4  # the same two sides, told the other way round
        elif _has(eb, ea.actor1) or _has(ea, eb.actor1):
            pass  # one's initiator is the other's target: who attacked whom is disputed
        elif not (ea.inter1 == eb.inter1 == STATE_FORCES):
            total -= 0.3 if ea.inter1 == eb.inter1 else 0.7
    if named(ea.actor2) and _same_actor(ea.actor2, eb.actor2):
        total += 0.3
    if _victims_apart(ea, eb):
        total -= 0.2  # one tells of civilians hit, the other of armed men fought
    if ea.claimed_by and eb.claimed_by:
        total += 0.7 if ea.claimed_by == eb.claimed_by else -0.5
    return total


def _victims_apart(x, y) -> bool:  # type: ignore[no-untyped-def]
    """One tells of civilians hit, the other names the armed side that was."""
    return (x.inter2 == CIVILIANS and named(y.actor2)) or (
        y.inter2 == CIVILIANS and named(x.actor2)
    )


def _tolls(x: int | None, y: int | None) -> float:
    if x is None or y is None:
        return 0.0
    if x == y:
        return 0.5 if x else 0.1  # "no one was hurt" is said of many incidents
    low, high = min(x, y), max(x, y)
    if low >= 3 and (high - low <= 2 or high <= 1.5 * low):
        return 0.2  # tolls are disputed: close ones agree (1 and 2 dead say little)
    return -0.3 if high > 2 * low + 2 else 0.0


def _details(x: Report, y: Report) -> float:
    """Names and numbers told beyond the date, the places and the actors: shared ones say one
    incident; two tellings that each name things the other does not are likely two incidents."""
    places = {k for p in x.places | y.places for k in p.split()}
    a, b = _specific(x.anchors - places), _specific(y.anchors - places)
    if not a or not b:
        return 0.0
    share = jaccard(a, b) * min(1.0, len(a & b) / 2)  # one shared name or number is no proof
    return DETAILS * share - (0.3 if len(a) >= 2 and len(b) >= 2 else 0.0)


DETAILS = 1.0  # the most shared names and numbers add


def _specific(anchors: frozenset[str]) -> frozenset[str]:
    """Names, and numbers from 10 up: "1 injured" is told of many incidents."""
    return frozenset(a for a in anchors if not (a.startswith("#") and len(a) < 3))


CONCEPT_SHARED = 0.3  # each concept two tellings share (three at most)
CONCEPT_APART = 0.4  # two tellings that say different things of one aspect


def _concepts(a: Report, b: Report) -> float:
    """Who, where, by what means, over what: shared concepts agree (the means only when the two
    kinds differ: an air strike is by air); the same aspect told
    differently (a market and a church; students and traders marching over grants and over
    power cuts) disagrees. Who took part and over what tell demonstrations apart only: the
    victims of violence are told differently by each side."""
    shared = a.concepts & b.concepts
    if a.event.sub_event_type == b.event.sub_event_type and not _demonstration(
        a.event.sub_event_type
    ):
        shared = frozenset(c for c in shared if not c.startswith("by:"))  # the kind says it already
    total = CONCEPT_SHARED * min(3, len(shared))
    aspects = ("at:", "who:", "over:") if _demonstration(a.event.sub_event_type) else ("at:",)
    for aspect in aspects:
        x = {c for c in a.concepts if c.startswith(aspect)}
        y = {c for c in b.concepts if c.startswith(aspect)}
        if x and y and not x & y:
            total -= CONCEPT_APART
    return total


def _elsewhere(a: Report, b: Report) -> bool:
    """a names a place that b's document never mentions; its own place counts when precise
    ("strikes on Brennan town" and "strikes on Al-Barsah town", both placed at Barsa by the
    gazetteer, are two places)."""
    if any(p and not _mentions(b, p) for p in a.places):
        return True
    return a.event.geo_precision <= 2 and bool(a.site) and not _site_mentioned(b, a.site)


def _site_mentioned(b: Report, site: str) -> bool:
    """The gazetteer's name of a place is in b's document: most of its words (a name's spelling
    in a text and in the gazetteer differ by a word as often as not)."""
    keys = site.split()
    return 2 * sum(k in b.doc.names for k in keys) >= len(keys)


def _mentions(b: Report, place: str) -> bool:
    """b's document names the place: its words, and not only as part of a longer name of b's
    ("Zibane" and "Zibane Koira Tegui" are two villages)."""
    keys = set(place.split())
    return keys <= b.doc.names and not any(keys < set(q.split()) for q in b.places)


def copies(x: DocFeatures, y: DocFeatures) -> bool:
    """Two documents are one article: a reprint or wire copy (their word shingles mostly shared),
    or a translation (most names and numbers of the shorter found in the other)."""
    if x.doc_id == y.doc_id:
        return True
    if min(x.length, y.length) < COPY_MIN_WORDS:
        return False  # short notes written to one template are not copies of each other
    if x.language == y.language or x.language is None or y.language is None:
        return similarity(x.signature, y.signature) >= COPY_SIMILARITY
    shorter = min(len(x.anchors), len(y.anchors))
    if shorter < TRANSLATION_MIN:
        return False
    return len(x.anchors & y.anchors) / shorter >= TRANSLATION_SHARE
