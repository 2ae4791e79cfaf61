"""Drafts of one document merged into events: the same incident told twice is one event."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from eventdesk.actors.matcher import FAMILIES
from eventdesk.clean.textmap import MappedText
from eventdesk.code.assemble import UNDATED, Draft
from eventdesk.code.classify import _PRIORITY, demonstrated
from eventdesk.code.shares import shares
from eventdesk.code.sides import UNNAMED
from eventdesk.geo.fold import fold
from eventdesk.records import (
    SUB_EVENT_PARENT,
    Document,
    Event,
    EventType,
    FatalityClaim,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)

if TYPE_CHECKING:
    from eventdesk.actors import Actor

CIVILIANS = 7  # ACLED inter code
_CROWDS = frozenset({5, 6})  # ACLED inter codes of rioters and protesters
_CLAIM_SCOPE = 3  # a claim covers the drafts of this many sentences before it


_PLURAL_CLAIM = re.compile(
    r"\b(?:deux|trois|quatre|both|two|three|four|ces attaques|les attaques|these attacks|"
    r"the attacks|attaques|attacks)\b",
    re.I,
)


def attach_claims(drafts: list[Draft], claims: Sequence[tuple[int, str, object]]) -> None:
    """claims: (sentence start, sentence text, claimant ActorMention). A claim of one operation
    covers the incident told just before it (or in its own sentence); a claim of several ("des
    deux attaques") the incidents of the last few sentences; and any draft whose actor is the
    claimant."""
    for start, text, claimant in claims:
        name = _canon(claimant)
        scope = _CLAIM_SCOPE if _PLURAL_CLAIM.search(text) else 1
        starts = sorted({d.sentence.start for d in drafts if d.sentence.start <= start})
        prior = starts[-scope:]
        for d in drafts:
            if d.claimed_by is None and (
                d.sentence.start in prior or (name is not None and _canon(d.actor1) == name)
            ):
                d.claimed_by = claimant  # type: ignore[assignment]
                if d.actor1 is None or _unnamed(d.actor1):
                    # "A suicide bomber struck ... IS claimed the attack": the claimant did it
                    d.actor1 = claimant  # type: ignore[assignment]


# armed doers named by what they are, not by their group: a claimant names the group
_GENERIC_ARMED = (None, "unidentified_armed", "islamist", "militants", "rebels", "militia")


def _unnamed(mention: object) -> bool:
    """Whether a mention names no group: "gunmen", "a suicide bomber", "des hommes armés",
    "suspected jihadists", "militants"."""
    return getattr(mention, "actor", None) is None and getattr(mention, "kind", None) in (
        _GENERIC_ARMED
    )


def _canon(mention: object) -> str | None:
    """The actor a mention names: its canonical name, or its family of groups ("Islamic
    State", whose branch the event's country gives)."""
    actor = getattr(mention, "actor", None)
    if actor is not None:
        return str(actor.canonical)
    kind = getattr(mention, "kind", None)
    return f"@{kind}" if kind in FAMILIES else None


def merge(drafts: list[Draft]) -> list[list[Draft]]:
    """Group the drafts that tell one incident: same day, same province (or the same place),
    compatible types. Drafts placed only at country level join an incident of that day and type."""
    groups: list[list[Draft]] = []
    for d in sorted(
        drafts,
        key=lambda d: (d.place is None or d.place.place.feature == "country", d.sentence.start),
    ):
        target = next((g for g in groups if _same(g[0], d)), None)
        if target is not None:
            target.append(d)
        elif d.place is not None:
            groups.append([d])
    return groups


def _same(a: Draft, b: Draft) -> bool:
    if a.when.date != b.when.date and not (_headline(a) or _headline(b)):
        return False
    if b.place is None or b.place.place.feature == "country":
        country = b.place.place.country_iso3 if b.place else None
        return a.event_type == b.event_type and (
            country is None or a.place is None or a.place.place.country_iso3 == country
        )
    if a.place is None:
        return False
    pa, pb = a.place.place, b.place.place
    same_place = (pa.admin1_code and pa.admin1_code == pb.admin1_code) or pa.name == pb.name
    told_apart = a.sentence is not b.sentence and not (_generic(a) or _generic(b))
    if same_place and told_apart and _apart(a.place, b.place):
        return False  # two towns of one province, each told with its own means: two incidents
    if (
        told_apart
        and a.sub_event_type != b.sub_event_type
        and min(a.weight, b.weight) >= DISTINCT_WEIGHT
        and a.place.start != b.place.start
    ):
        return False  # rockets on a base and a roadside bomb on a road, the same day
    compatible = (
        a.event_type == b.event_type or min(a.weight, b.weight) < 0.6 or _generic(a) or _generic(b)
    )
    return bool(same_place) and compatible


APART_KM = 25.0  # two named towns further apart than this are two places
DISTINCT_WEIGHT = 0.85  # triggers this sure of their sub-event type tell distinct incidents


def _apart(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Both places are towns (precision 1), with other names, more than APART_KM apart."""
    pa, pb = a.place, b.place
    if a.precision != 1 or b.precision != 1 or pa.name == pb.name:
        return False
    return km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) > APART_KM


def km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float:
    """Great-circle distance; infinite when a coordinate is missing."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return math.inf
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_REMOTE = {SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING}
# the words of a battle, not of one side's fire ("fired mortars", "bursts of fire")
_CLASH = re.compile(
    r"clash|fight|battle|combat|affront|accroch|firefight|repel|repuls|attaqu", re.I
)


def _telling(d: Draft) -> tuple[bool, int, float]:
    """The draft whose type the event takes: one that names the means, the most telling type
    first; among drafts told only as "attacked", "killed", the first telling (the lead knows
    who was hit: a later "l'attaque n'a pas été revendiquée" does not)."""
    generic = _generic(d)
    rank = d.sentence.start if generic else _PRIORITY.index(d.sub_event_type)
    return generic, rank, -d.weight


def _headline(d: Draft) -> bool:
    """A headline that gives no date ("Gao : un engin explosif fait quatre morts"): dated at
    publication by default, it announces the incident the body dates."""
    return d.sentence.paragraph == 0 and d.when.start == -1


def _generic(d: Draft) -> bool:
    """Told only as "attacked", "targeted", "killed": the same incident as a telling that names
    the means, on that day in that province."""
    return all(h.label.startswith("@") for h in d.hits)


# Sub-event types the rules name surely from one word ("suicide bomber", "défusé"): kept over the model.
# a bomb this surely planted ("a roadside bomb") is one whatever the model reads in the words
# around it ("local sources said" reads like the notes on shelling)
_SURE_BOMB = 0.95
_RULE_WINS = {
    "Suicide bomb",
    "Chemical weapon",
    "Disrupted weapons use",
    "Air/drone strike",
}


def _cue_wins(sub_event_type: SubEventType, group: list[Draft], model: SubEventType) -> bool:
    """Whether the rules' excessive force against protesters stands against the model's type
    (the type model, trained on notes, reads a lethal shooting of protesters as an attack on
    civilians): at a demonstration a word surely tells (`classify.demonstrated`), its explicit
    cue ("opened fire on protesters", "live ammunition") against any type but a riot (a crowd
    that fought back); forces that killed demonstrators, no cue telling it, against any but a
    demonstration (the deaths may be what it protested: "families protested after police
    killed four miners")."""
    if sub_event_type == SubEventType.PROTEST_WITH_INTERVENTION:
        # "police fired tear gas at demonstrators": the model reads forces who fire at people
        # as an attack on civilians; the cue of a dispersed demonstration stands against any
        # type but a demonstration's or a riot's
        return (
            any("intervention" in d.sentence.cues for d in group)
            and demonstrated(h for d in group for h in d.hits)
            and SUB_EVENT_PARENT[model] not in (EventType.RIOTS, EventType.PROTESTS)
        )
    if sub_event_type != SubEventType.EXCESSIVE_FORCE or not demonstrated(
        h for d in group for h in d.hits
    ):
        return False
    told = any("excessive" in d.sentence.cues for d in group)
    crowd = (EventType.RIOTS,) if told else (EventType.RIOTS, EventType.PROTESTS)
    return SUB_EVENT_PARENT[model] not in crowd


MODEL_MIN = 0.4  # the type model's top probability needed to overrule the rules
# words that put aircraft in a telling: the model's air strike needs one
_AIRBORNE = re.compile(
    r"\b(?:air|aerial|airstrikes?|airstrike|drones?|UAVs?|warplanes?|war planes?|jets?|"
    r"aircraft|aviation|helicopters?|gunships?|planes?|strikes?|struck|raids?|sorties|"
    r"airborne|bombers?|bombed|bombings?|bombard\w*|dropped|cluster|barrel|F-\d+s?)\b",
    re.I,
)


def _rest_of_paragraph(text: str, d: Draft) -> str:
    """The draft's sentence and what follows it in its paragraph."""
    end = text.find("\n\n", d.sentence.start)
    return text[d.sentence.start : end if end >= 0 else len(text)]


def _model_type(ranked: list[tuple[str, float]], told: str) -> tuple[str, float]:
    """The model's sub-event type and its probability. An air strike needs a word that puts
    aircraft in the telling; without one ("a US convoy was targeted" reads like the notes on US
    strikes, but nothing flew) the remote violence the model reads is its likeliest other
    kind, as sure as the air strike was (the rules keep a reading the model was unsure of)."""
    top, p = ranked[0]
    if top != SubEventType.AIR_DRONE_STRIKE.value or _AIRBORNE.search(told):
        return top, p
    remote = [
        (t, q) for t, q in ranked if SUB_EVENT_PARENT[SubEventType(t)] == EventType.EXPLOSIONS
    ]
    return remote[1][0], p


def build(
    doc: Document, group: list[Draft], resolve_actor, year: int, model=None, heading=None
) -> Event | None:  # type: ignore[no-untyped-def]
    """`heading`: the sub-event type a note's opening label names ("Detonation: ..."): it is
    the type of every event the note tells."""
    best = min(group, key=_telling)
    event_type, sub_event_type = best.event_type, best.sub_event_type
    if heading is not None:
        event_type, sub_event_type, model = SUB_EVENT_PARENT[heading], heading, None
    if model is not None and not (
        (sub_event_type.value in _RULE_WINS and best.weight >= 0.9)
        or (
            sub_event_type == SubEventType.REMOTE_EXPLOSIVE
            and any(h.label == sub_event_type.value and h.weight >= _SURE_BOMB for h in best.hits)
            # a bomb and then a fight ("killed by a roadside bomb. ... killed during clashes
            # after the bombing") is an ambush, a battle, as ACLED codes it: the model reads it
            and not any(_FOUGHT.search(_rest_of_paragraph(doc.clean, d)) for d in group)
        )
    ):
        told = " ".join(doc.clean[a:b] for a, b in sorted({sp for d in group for sp in d.evidence}))
        top, p = _model_type(model.predict(told), told)
        if p >= MODEL_MIN and not _cue_wins(sub_event_type, group, SubEventType(top)):
            sub_event_type = SubEventType(top)
            event_type = SUB_EVENT_PARENT[sub_event_type]
    if (
        heading is None
        and sub_event_type in _REMOTE
        and any(
            h.label == SubEventType.ARMED_CLASH.value
            and _CLASH.search(
                d.sentence.text[h.start - d.sentence.start : h.end - d.sentence.start]
            )
            for d in group
            for h in d.hits
        )
    ):  # ACLED: shelling or air strikes in the course of a clash told with them are the battle
        event_type, sub_event_type = EventType.BATTLES, SubEventType.ARMED_CLASH
    place_m = min((d.place for d in group if d.place is not None), key=lambda p: p.precision)
    place = place_m.place
    month = best.when.date.month
    kw = {
        "country_iso3": place.country_iso3,
        "year": year,
        "month": month,
        "event_type": event_type.value,
    }
    doers = group
    if sub_event_type not in _FINDING:  # "Security forces later found two unused rockets"
        doers = [d for d in group if d is group[0] or not _finder(d)]
    a1 = _first_actor(doers, "actor1", resolve_actor, dict(kw, initiator=True))
    a2 = _first_actor(group, "actor2", resolve_actor, kw)
    if heading is not None and a1 is None and a2 is not None:
        # "Movement of forces: Saudi forces deployed ...": the label is no verb; who comes
        # first after it is who acts
        a1 = _first_actor(group, "actor2", resolve_actor, dict(kw, initiator=True))
        a2 = None
    claimed = _first_actor(group, "claimed_by", resolve_actor, dict(kw, initiator=True))
    lead = next((d.actor1 for d in group if d.actor1 is not None), None)
    if claimed is not None and _unnamed(lead) and a2 != claimed:
        a1 = claimed  # "Jihadists attacked the post ... JNIM claimed the attack": JNIM did it
    if (
        a1 is not None
        and a1.inter == CIVILIANS
        and event_type in (EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS)
        and _crowd(group)
    ):  # ACLED: violence by a crowd of unarmed people ("a group of locals beat a thief to
        # death", "villagers clashed with the police") is mob violence, its initiators rioters
        event_type, sub_event_type = EventType.RIOTS, SubEventType.MOB_VIOLENCE
        a1 = _kind("rioters", place.country_iso3, year, resolve_actor) or a1
        kw["event_type"] = event_type.value
        a2 = _first_actor(group, "actor2", resolve_actor, kw)
    if (
        a1 is not None
        and a1.inter in _CROWDS
        and event_type in (EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS)
    ):  # ACLED: demonstrators who fight ("protesters clashed with police") riot; a battle or
        # an attack on civilians is between armed actors
        event_type, sub_event_type = EventType.RIOTS, SubEventType.VIOLENT_DEMONSTRATION
        a1 = _kind("rioters", place.country_iso3, year, resolve_actor) or a1
        kw["event_type"] = event_type.value
    if (
        sub_event_type == SubEventType.ARMED_CLASH
        and a1 is not None
        and a2 is not None
        and {a1.inter, a2.inter} & _STATE
        and _unarmed_clash(group, a1, a2)
    ):  # ACLED: demonstrators or young people who clash with the forces ("police and
        # protesters clashed", "Israeli troops clashed with teenagers") riot; a battle is
        # between armed actors. The rioters stand where the telling puts them.
        event_type, sub_event_type = EventType.RIOTS, SubEventType.VIOLENT_DEMONSTRATION
        kw["event_type"] = event_type.value
        rioters = _kind("rioters", place.country_iso3, year, resolve_actor)
        if rioters is not None:
            a1, a2 = (a1, rioters) if a1.inter in _STATE else (rioters, a2)
    if a1 is not None and a1.inter == CIVILIANS and event_type != EventType.STRATEGIC_DEVELOPMENTS:
        # ACLED: civilians are never the initiators of violence or of a demonstration (those
        # are Rioters / Protesters); the civilians a telling puts first are its victims.
        a2 = a2 if a2 is not None and a2.inter != CIVILIANS else a1
        a1 = None
    if (
        event_type == EventType.PROTESTS
        and a1 is not None
        and not a1.canonical.startswith("Protesters")
        and a1.inter in _ARMED_OR_STATE
    ):  # ACLED: a demonstration's initiators are its protesters, always; the forces a telling
        # names first ("police dispersed a protest", "a protest ... by armed men") face them
        a2 = a2 if a2 is not None and a2.inter in _ARMED_OR_STATE else a1
        a1 = None
    if (
        a1 is None
        and sub_event_type == SubEventType.AIR_DRONE_STRIKE
        and any(h.label == SubEventType.AIR_DRONE_STRIKE.value for d in group for h in d.hits)
    ):
        # an air strike no one is named for: the air force that flies there ("des frappes ont
        # visé ..." in Burkina Faso: its military; in Yemen: the Saudi-led coalition)
        a1 = _kind("air_force", place.country_iso3, year, resolve_actor)
    if a1 is None:
        a1 = _default_initiator(event_type, place.country, place.country_iso3, year, resolve_actor)
    if (
        _DRIVE_BY.search(" ".join(d.sentence.text for d in group))
        and (a1 is None or a1.canonical.startswith("Unidentified Armed Group"))
        and _americas(place.country_iso3)
    ):  # ACLED codes criminal violence in the Americas to gangs: unnamed men shooting from a
        # passing car or motorbike there are a gang's (elsewhere, "gunmen": an armed group)
        kind = _unnamed_perpetrators().get(place.country_iso3, "gang")
        kind = kind if kind.startswith("gang") else "gang"
        a1 = _kind(kind, place.country_iso3, year, resolve_actor) or a1
    if sub_event_type == SubEventType.ATTACK and _gang_victim(doc.clean, group):
        # ACLED: killing a man the report ties to a gang or to crime ("the victim had charges
        # against him for drug trafficking") is violence between armed groups, not against a
        # civilian
        event_type, sub_event_type = EventType.BATTLES, SubEventType.ARMED_CLASH
        a2 = _kind("gang", place.country_iso3, year, resolve_actor) or a2
    if a2 is not None and a1 is not None and a2.canonical == a1.canonical:
        a2 = None
    if sub_event_type == SubEventType.PEACEFUL_PROTEST and a2 is not None and a2.inter != 6:
        # ACLED: a peaceful protest has no other side (forces that step in make it a protest
        # with intervention); what it is against ("against the French troops") is no actor;
        # only counter-demonstrators are
        a2 = None
    if a2 is not None and a2.inter == CIVILIANS and event_type == EventType.BATTLES:
        # ACLED: a battle is between armed sides; civilians hurt in it are none of them
        a2 = None
    if a2 is None:
        a2 = _default_target(sub_event_type, a1, place.country_iso3, year, resolve_actor)
    tolls = [d.toll for d in group if d.toll is not None]
    by_side = _tolls_by_side(group)
    # ACLED adds both sides' dead; one side told at two tolls is a dispute, its largest counts
    fatalities = sum(max(v) for v in by_side.values()) if by_side else None
    share = shares(doc.clean).get(fold(place_m.text)) if fatalities is not None else None
    if share is not None and fatalities is not None and share <= fatalities:
        # "coded as ten and split between A, B and C. A 4, B 3, C 3": this place's share
        fatalities = share
        tolls = [share]
    when = min((d.when for d in group), key=lambda w: (w.precision, w.start == -1))
    mapped = MappedText(doc.clean, doc.offsets)
    sources = []
    for start, end in sorted({span for d in group for span in d.evidence}):
        a, b = mapped.raw_span(start, end)
        reporter = next((d.reported_by for d in group if d.reported_by), None)
        sources.append(
            Source(doc.id, doc.text[a:b], a, b, doc.source, doc.url, doc.published, reporter)
        )
    key = f"{doc.content_hash}|{when.date}|{place.admin1_code}|{place.name}|{event_type}"
    confidence = _confidence(
        best.weight, len(group), a1 is not None, place_m.precision, when.precision,
        place_m.province_score,
    )  # fmt: skip
    return Event(
        id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
        event_date=when.date.isoformat(), time_precision=TimePrecision(when.precision),
        event_type=event_type, sub_event_type=sub_event_type,
        actor1=a1.canonical if a1 else None, actor2=a2.canonical if a2 else None,
        inter1=a1.inter if a1 else None, inter2=a2.inter if a2 else None,
        country=place.country, country_iso3=place.country_iso3,
        admin1=place.admin1, admin1_code=place.admin1_code, admin2=place.admin2,
        location=place.name, latitude=place.latitude, longitude=place.longitude,
        geo_precision=GeoPrecision(place_m.precision), geonameid=place.geonameid,
        fatalities=fatalities, claimed_by=claimed.canonical if claimed else None,
        confidence=confidence, sources=tuple(sources),
        fatalities_claims=tuple(FatalityClaim(t, doc.id, None) for t in sorted(set(tolls))),
        disputed=any(len(v) > 1 for v in by_side.values()), source_count=1,
        notes=_notes(when.date.isoformat(), sub_event_type.value, a1, place.name, place.admin1)
        + (UNDATED_NOTE if when.start == UNDATED else ""),
    )  # fmt: skip


# what finding the means is (police who found bombs disrupted their use); in a telling of
# another incident, who found them later did not use them
_FINDING = {SubEventType.DISRUPTED_WEAPONS_USE, SubEventType.LOOTING}
_FOUND = re.compile(
    r"\b(?:found|discovered|uncovered|recovered|seized|(?:a|ont|avait|avaient) "
    r"(?:trouvé|découvert|retrouvé|saisi|récupéré))\b",
    re.I,
)


def _finder(d: Draft) -> bool:
    """Whether the draft's actor1 is the subject of a verb of finding before its trigger."""
    if d.actor1 is None or not d.hits:
        return False
    first = min(h.start for h in d.hits)
    end = getattr(d.actor1, "end", first)
    return bool(_FOUND.search(d.sentence.text[end - d.sentence.start : first - d.sentence.start]))


def _first_actor(group: list[Draft], attr: str, resolve_actor, kw: dict) -> Actor | None:  # type: ignore[no-untyped-def, type-arg]
    for d in group:
        m = getattr(d, attr)
        if m is not None:
            actor = resolve_actor(m, **kw)
            if actor is not None:
                return actor  # type: ignore[no-any-return]
    return None


_ARMED_OR_STATE = frozenset({1, 2, 3, 4, 8})  # ACLED inter codes of armed and state actors
# words of a fight between two sides
_FOUGHT = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|combat\w*|exchang\w*|firefights?|gunfights?"
    r"|shoot-?outs?|skirmish\w*|repel\w*|repuls\w*|engag\w*|ambush\w*|affront\w*|accroch\w*"
    r"|heurts?|ripost\w*|retaliat\w*|returned fire|shot back)\b",
    re.I,
)
_STATE = frozenset({1, 8})  # ACLED inter codes of state forces, at home and abroad
_YOUNG = re.compile(
    r"\b(?:youths?|teenagers|young (?:men|people)|students|jeunes|adolescents|étudiants"
    r"|lycéens)\b",
    re.I,
)
_CLASHED = re.compile(
    r"\b(?:clash\w*|heurts?|affrontements?|s'(?:est|sont) affront\w*|scuffle\w*)\b", re.I
)
# A demonstration names its initiators by being one: ACLED's "Protesters (X)" / "Rioters (X)";
# violence against civilians has an armed perpetrator by definition, and so have a battle and
# an explosion: attackers the text does not name are ACLED's "Unidentified Armed Group (X)"
# ("shells fell on the village", "an IED exploded near the market", "clashes broke out").
# A strategic development whose doer the text does not name keeps a null actor1.
_DEFAULT_KIND = {
    EventType.PROTESTS: "protesters",
    EventType.RIOTS: "rioters",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "unidentified_armed",
    EventType.BATTLES: "unidentified_armed",
    EventType.EXPLOSIONS: "unidentified_armed",
}


def _tolls_by_side(group: list[Draft]) -> dict[bool, set[int]]:
    """The tolls an incident's tellings give, by whether they count the attackers' own dead
    apart ("killed 11 soldiers ... 14 assailants were neutralised": {False: {11}, True: {14}})."""
    sides: dict[bool, set[int]] = {}
    for d in group:
        if d.toll is not None:
            sides.setdefault(d.toll_fighters, set()).add(d.toll)
    return sides


@cache
def _unnamed_perpetrators() -> dict[str, str]:
    text = (
        resources.files("eventdesk.data")
        .joinpath("actors", "unnamed_perpetrators.tsv")
        .read_text("utf-8")
    )
    rows = (
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
    return {iso3.strip(): kind.strip() for iso3, kind in rows}


def _default_initiator(
    event_type: EventType, country: str, iso3: str, year: int, resolve_actor
) -> Actor | None:  # type: ignore[no-untyped-def]
    kind = _DEFAULT_KIND.get(event_type)
    if kind is None:
        return None
    if event_type == EventType.VIOLENCE_AGAINST_CIVILIANS:
        kind = _unnamed_perpetrators().get(iso3, kind)
    return _kind(kind, iso3, year, resolve_actor)


# ACLED's other side where a telling names none: violence against civilians targets civilians,
# the force that steps in at a protest is the police
_DEFAULT_TARGET = {
    SubEventType.ATTACK: "civilians",
    SubEventType.ABDUCTION: "civilians",
    SubEventType.SEXUAL_VIOLENCE: "civilians",
    SubEventType.PROTEST_WITH_INTERVENTION: "police",
    SubEventType.EXCESSIVE_FORCE: "police",
}


def _default_target(
    sub_event_type: SubEventType, a1: Actor | None, iso3: str, year: int, resolve_actor
) -> Actor | None:  # type: ignore[no-untyped-def]
    """The target ACLED codes when the telling names none. A clash has two sides: against
    state forces an unnamed armed group, against a named group the state's forces (an unnamed
    initiator's clash is left to `sides`, which knows who fights where)."""
    kind = _DEFAULT_TARGET.get(sub_event_type)
    if (
        sub_event_type == SubEventType.ARMED_CLASH
        and a1 is not None
        and not a1.canonical.startswith(UNNAMED)
    ):
        kind = "unidentified_armed" if a1.inter == 1 else "military"
    return _kind(kind, iso3, year, resolve_actor) if kind else None


def _unarmed_clash(group: list[Draft], a1: Actor, a2: Actor) -> bool:
    """Whether the telling's clash is one of state forces with demonstrators, with young
    people ("youths", "students", "des jeunes") or with a people named by its name
    ("Palestinians"), not with armed men."""
    if not any(_CLASHED.search(d.sentence.text) for d in group):
        return False
    inters = {a1.inter, a2.inter}
    return bool(inters & _CROWDS) or (
        CIVILIANS in inters and any(_YOUNG.search(d.sentence.text) or _a_people(d) for d in group)
    )


def _a_people(d: Draft) -> bool:
    """Whether the civilians of a clause are a people named by its name ("Palestinians were
    hurt in clashes with soldiers"), not a generic word ("civilians", "villagers") nor one
    person, and not the clause's first word."""
    return any(
        m is not None
        and m.kind == "civilians"
        and m.start > d.sentence.start
        and bool(_PEOPLE.match(m.text))
        for m in (d.actor1, d.actor2)
    )


_PEOPLE = re.compile(r"^[A-Z][a-zà-ÿ]+(?:ians|iens|is|ans|ais|ois|ites)$")


def _crowd(group: list[Draft]) -> bool:
    """Whether the telling's initiator is a crowd of unarmed people ("locals", "a group of
    residents", "la foule"), not one person nor the members of a group, and it tells no
    demonstration (that one is a violent demonstration)."""
    d = next((d for d in group if d.actor1 is not None), None)
    if d is None or d.actor1 is None or not d.hits:
        return False
    m, verb = d.actor1, min(h.start for h in d.hits)
    told = " ".join(g.sentence.text for g in group)
    s = d.sentence
    named = s.text[max(0, m.start - s.start - 25) : m.end - s.start]  # "a group of local people"
    agent = any(  # "the house was set alight by a crowd of residents"
        h.end <= m.start and _AGENT.fullmatch(s.text[h.end - s.start : m.start - s.start])
        for h in d.hits
    )
    return (
        bool(_CROWD.search(named))
        and (m.end <= verb <= m.end + 60 or agent)  # the crowd does the violent deed
        and not _DEMONSTRATION.search(told)
        and not _FIREARMS.search(told)  # "a group of people shot at a checkpoint": armed
    )


_CROWD = re.compile(
    r"\b(?:residents|locals|local (?:people|residents|men)|villagers|community members|"
    r"inhabitants|mob|crowd|neighbou?rs|(?:group|groups) of (?:local )?(?:people|citizens|residents|locals|"
    r"villagers|neighbou?rs|\w+ (?:labou?rers|workers|nationals))|nationals|"
    r"habitants|villageois|riverains|foule)$",
    re.I,
)
_AGENT = re.compile(r"\s+(?:by|par)\s+(?:[\w'-]+\s+){0,4}", re.I)
_FIREARMS = re.compile(
    r"\b(?:shot|shoot|shooting|gunm[ae]n|gunfire|opened fire|firearms?|rifles?|guns?|"
    r"par balles|tiré|coups de feu|armes? à feu)\b",
    re.I,
)
# lower-case "march": the month is "March"
_DEMONSTRATION = re.compile(
    r"\b(?:[Dd]emonstrat|[Pp]rotest|march(?:ed|ing|es)?\b|[Rr]all(?:y|ied|ies)\b|[Mm]anifest|sit-in)"
)
_DRIVE_BY = re.compile(
    r"\bdrive-?by\b|\bfusillade depuis (?:un|une) (?:véhicule|voiture|moto)", re.I
)


_GANG_VICTIM = re.compile(
    r"\bvictims? (?:[\w'-]+ ){0,3}?(?:had (?:several |many |prior |previous )?(?:criminal )?"
    r"(?:charges|convictions|a criminal record|criminal records|a (?:police )?record)|"
    r"(?:was|were|had been) (?:a |an )?(?:(?:known |suspected |alleged )?(?:gang ?members?|"
    r"drug (?:dealers?|traffickers?))|(?:involved|implicated) in (?:a |the )?(?:gang|drug|"
    r"criminal)|(?:members?|part) of (?:a |the )?(?:gang|criminal (?:group|organi[sz]ation))|"
    r"convicted of))",
    re.I,
)


def _gang_victim(text: str, group: list[Draft]) -> bool:
    """Whether the paragraphs the telling is read from say its victim was a gang member or a
    known criminal."""
    lines = text.split("\n")
    told = " ".join(
        lines[n] for n in sorted({d.sentence.paragraph for d in group}) if n < len(lines)
    )
    return bool(_GANG_VICTIM.search(told))


def _americas(iso3: str) -> bool:
    from eventdesk.export.acled import regions

    return regions().get(iso3, "") in _AMERICAS


_AMERICAS = {"Caribbean", "Central America", "South America", "North America"}


def _kind(kind: str, iso3: str, year: int, resolve_actor) -> Actor | None:  # type: ignore[no-untyped-def]
    """The actor a generic kind names in a country and year ("rioters": "Rioters (Kenya)")."""
    from eventdesk.actors import ActorMention

    return resolve_actor(ActorMention(0, 0, "", kind, None), country_iso3=iso3, year=year)  # type: ignore[no-any-return]


def _confidence(
    weight: float, n: int, has_actor: bool, geo: int, time: int, place_sure: float = 1.0
) -> float:
    """`place_sure`: how sure the choice of the place's province is (0-1)."""
    score = 0.35 + 0.35 * weight + 0.05 * min(n - 1, 2) + 0.1 * has_actor
    score -= 0.05 * (geo - 1) + 0.05 * (time - 1) + PLACE_DOUBT * (1.0 - place_sure)
    return round(max(0.05, min(0.99, score)), 3)


PLACE_DOUBT = 0.2  # confidence lost by an event whose province was a toss-up
UNDATED_NOTE = " The document gives no date: coded at the day it was processed (month precision)."
_SPACE = re.compile(r"\s+")


def _notes(date: str, sub: str, actor: Actor | None, location: str, admin1: str | None) -> str:
    who = actor.canonical if actor else "Unidentified actors"
    where = f"{location} ({admin1})" if admin1 and admin1 != location else location
    return _SPACE.sub(" ", f"On {date}, {sub.lower()} in {where}; initiated by {who}.")
