"""From the sentences of one document to drafts: one incident as one clause tells it.

A clause's triggers are grouped by the place they point at (one event per place and day, as
ACLED codes them; a coordinated list of places in different provinces gives one each); a clause
without a place or a date of its own takes the last ones its paragraph gave.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventdesk.code import classify
from eventdesk.code.dates import UNDATED, When, anchor
from eventdesk.code.facts import Sentence
from eventdesk.geo.places import POINT_FEATURES
from eventdesk.records import EventType, SubEventType, TimePrecision
from eventdesk.timex.lexicon import form_pattern, months, weekdays

if TYPE_CHECKING:
    from eventdesk.actors import ActorMention
    from eventdesk.geo import PlaceMention

_LIST_GAP = re.compile(
    r"^\s*(?:,|et|and|ou|or|،|و)?\s*(?:,|et|and|ou|or)?\s*(?:à |in |at |de |d'|near |la |le |l')?\s*$",
    re.I,
)
_COREF = re.compile(
    r"\b(?:le groupe|ce groupe|the group|this group|il a|ils ont|the militants|les jihadistes|the insurgents)\b",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:été|were|was|been|being|se sont faits?|s'est fait|se sont fait|sont|est)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# the agent of a passive verb: "by", "par", then up to three words that only qualify it ("killed
# by a senior Houthi officer", "launched by al-Houthi gunmen", "shot by two armed men", "par
# des présumés jihadistes"); not the "by" of "drive-by"
_PASSIVE_BY = re.compile(
    r"(?<![\w-])(?:by|par)\s+(?:(?:des|les|la|le|the|a|an|un|une|alleged|presumed|suspected|"
    r"unidentified|unknown|présumés?|supposés?|présumées?|armed|heavily|masked|ranking|senior|"
    r"two|three|four|five|six|seven|eight|nine|ten|several|\d+|deux|trois|quatre|cinq|"
    r"plusieurs|hommes)\s+){0,3}(?:al-|el-)?$",
    re.I,
)
# the subject of a passive verb told before the clause's trigger: "soldiers were killed on Monday
# in an attack", "des civils ont été tués mardi dans une attaque"
_PASSIVE_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:(?:ont été|a été|avait été|avaient été|have been|has been|had been|"
    r"were|was)\s+(?:\w+\s+)?"
    r"(?:tué|tués|tuée|tuées|blessés?|blessées?|enlevés?|enlevées?|killed|wounded|injured|"
    r"kidnapped|abducted|shot|attacked|attaqués?|attaquées?|ambushed|massacred|massacrés?|"
    r"martyred|touchés?|touchées?|visés?|visées?|ciblés?|ciblées?|frappés?|frappées?|"
    r"pris pour cibles?|prises? pour cibles?|hit|targeted|struck)"
    # deaths told with their victims as subjects: "trois militaires ont perdu la vie"
    r"|(?:ont|a|avaient|avait)\s+(?:perdu la vie|péri|trouvé la mort)|sont morts?|est morte?"
    r"|lost (?:their|his|her) lives?|died)\b",
    re.I,
)
# "a clash between GNA and LNA forces", "des affrontements entre l'armée et les rebelles"
_BETWEEN = re.compile(r"\b(?:between|entre)\s+(?:\S+\s+){0,3}$", re.I)
_ONE_SIDE = re.compile(
    r"^\s*(?:on (?:the )?one side|d['’]un côté),?\s*(?:(?:and|et)\s+)?(?:\S+\s+){0,2}$", re.I
)
_AND = re.compile(r"^\s*(?:(?:and|et)\s+(?:\S+\s+){0,2}|,\s*)$", re.I)


# a reporting verb just before a date: the date of the telling, not of the incident
_SINCE = re.compile(r"\b(?:since|depuis)\s+(?:(?:the|le|la|l'|début|fin)\s+)?$", re.I)
_REPORTED_ON = re.compile(
    r"\b(?:indiqué|déclaré|annoncé|affirmé|rapporté|précisé|confirmé|expliqué|assuré|"
    r"said|told|announced|reported|stated|confirmed|added)\s+(?:(?:on|le|ce)\s+)?$",
    re.I,
)


@dataclass
class Draft:
    sentence: Sentence
    hits: list[classify.Hit]
    event_type: EventType
    sub_event_type: SubEventType
    weight: float
    place: PlaceMention | None
    when: When
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    claimed_by: ActorMention | None = None
    toll: int | None = None
    toll_fighters: bool = False  # the toll counts the attackers' dead (fatalities.Toll)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    reported_by: str | None = None
    ctx: classify.Context | None = None


@dataclass
class _Paragraph:
    index: int = -1
    place: PlaceMention | None = None
    when: When | None = None
    # For the clauses told before the paragraph names a place or a date: the first one it names
    # later, else the last one the document named before, else the document's first.
    default_place: PlaceMention | None = None
    default_when: When | None = None  # used only when the document has no publication date
    earlier_when: When | None = None  # the last date the paragraphs before this one gave


def drafts(
    sentences: Sequence[Sentence],
    published: dt.date | None,
    armed_kinds: set[str],
    fallback: dt.date | None = None,
    anchored: bool = True,
) -> list[Draft]:
    """`anchored`: the publication date was given, not inferred from the text's own dates. A
    text that tells no date at all (a short report of one incident) is told as of that date."""
    anchored = anchored and any(s.dates for s in sentences)
    out: list[Draft] = []
    para = _Paragraph()
    last_group: ActorMention | None = None
    defaults = _Defaults(sentences)
    provinces = [p for s in sentences for p in s.places if p.place.feature == "admin1"]
    previous: Sentence | None = None  # the sentence before, if it told incidents
    # who the sentence before, telling no incident, says carried out an operation
    operator: tuple[int, ActorMention] | None = None
    for s in sentences:
        if s.paragraph != para.index:
            place, when = defaults.at(s.paragraph, para)
            para = _Paragraph(s.paragraph, None, None, place, when, defaults.last_when)
        if any(w.shift is not None for w in s.dates):
            s = _anchored(s, para.when or para.earlier_when)
        if not s.hits and s.toll is not None and out and out[-1].sentence.paragraph == s.paragraph:
            for d in out:  # "The victim died. 1 fatality.": a toll told after the incident
                if d.sentence is out[-1].sentence and (d.toll is None or s.toll.coded):
                    d.toll, d.toll_fighters = s.toll.count, s.toll.fighters
        new: list[Draft] = []
        before = len(out)
        elaborated = bool(s.hits) and (_elaborates(s, out, para, previous) or _claims_told(s, out))
        if elaborated:
            _elaborate(s, out)
            previous = s
        elif s.hits:
            new = _clause_drafts(s, para, published, armed_kinds, last_group, fallback, anchored)
            if not s.places and _names_unknown_place(s):
                _coarsen(new, provinces)
            if operator is not None and operator[0] == s.paragraph:
                _operated(new, operator[1])
            out.extend(new)
            previous = s if len(out) > before else None
        else:
            previous = None
        if not new and out and (elaborated or out[-1].sentence.paragraph == s.paragraph):
            _victims_after(s, out)  # "2 citizens were reported killed.": no incident of its own
        if s.places:  # "in Niteroi, Rio de Janeiro": the town, not its province
            precise = _precise(s.places)
            para.place = precise[_most_specific(precise, len(precise) - 1)]
        if new and new[-1].when.start != UNDATED:  # the incident's day, not "said on Tuesday"
            w = new[-1].when
            para.when = When(w.date, w.precision, -1, -1)
        elif s.dates and not (s.hits and out):
            w = s.dates[-1]
            para.when = When(w.date, w.precision, -1, -1)
        for a in s.actors:
            if a.actor is not None and (a.actor.inter in (2, 3, 4)):
                last_group = a
        doer = None if s.hits else _operator(s)
        operator = (s.paragraph, doer) if doer is not None else None
    told = [d for d in out if d.sentence.paragraph not in defaults.lines]
    return told or out  # a title or a teaser tells again what the body tells


_ENDS = (".", "!", "?", "…", "»", '"', "”", ")")
# "the Military Police launched a raid on ...", "l'armée a lancé une opération": a
# sentence that tells an operation, not yet an incident
_OPERATION = re.compile(
    r"\b(?:carried out|conducted|launched|mounted|began|started|(?:a|ont|avait|avaient) "
    r"(?:mené|lancé|conduit|effectué))\s+(?:an?|the|une?|des|their|its|a joint|une vaste)?\s*"
    r"(?:[\w-]+\s+){0,2}?(?:operations?|raids?|offensive|sweep|search|patrols?|opérations?|"
    r"ratissages?|patrouilles?|offensives?)\b",
    re.I,
)


def _anchored(s: Sentence, last: When | None) -> Sentence:
    """The sentence with its dates told from the day told before (`last`) counted from it:
    "Two days earlier, a bomb struck a convoy near Djibo". A day after, with no place of its
    own, tells more of that incident ("The next day his body was found"): no date of its own;
    nor one told after the incident, of another the sentence recalls ("recaptured the town
    after losing it the day before")."""
    first = min((h.start - s.start for h in s.hits), default=len(s.text))
    told = []
    for w in s.dates:
        if w.shift is not None and (
            w.start > first or (w.shift > 0 and not s.places) or _RECALLED.search(s.text[: w.start])
        ):
            continue
        if (anchored := anchor(w, last)) is not None:
            told.append(anchored)
    return replace(s, dates=tuple(told))


# "In response to an attack the previous day, ...": the clause of a day recalls another deed
_RECALLED = re.compile(
    r"\b(?:after|following|since|in (?:response|retaliation) (?:to|for)|après|suite à|depuis|"
    r"en (?:réponse|représailles) à)\b[^,;]*$",
    re.I,
)


def _operator(s: Sentence) -> ActorMention | None:
    """The state or armed actor a sentence names as the subject of an operation (the last one
    before its verb), if it tells one."""
    m = _OPERATION.search(s.text)
    if m is None:
        return None
    before = [a for a in s.actors if a.end - s.start <= m.start()]
    return before[-1] if before and before[-1].kind != "civilians" else None


def _operated(new: list[Draft], operator: ActorMention) -> None:
    """The clause right after an operation's sentence that names no one ("Gunfire broke out
    and two suspects were killed") tells what the operation met: its forces initiated."""
    for d in new:
        if d.actor1 is None and (d.actor2 is None or d.actor2.kind != operator.kind):
            d.actor1 = operator


class _Defaults:
    """The place and date a paragraph's clauses fall back on when they precede its own."""

    def __init__(self, sentences: Sequence[Sentence]):
        self.first_place: dict[int, PlaceMention] = {}
        self.first_when: dict[int, When] = {}
        told: dict[int, list[Sentence]] = {}
        for s in sentences:
            told.setdefault(s.paragraph, []).append(s)
        # A line that is no sentence (a title, a caption, a teaser) is placed only by itself.
        self.lines = {
            k for k, v in told.items() if len(v) == 1 and not v[0].text.rstrip().endswith(_ENDS)
        }
        for s in sentences:
            if s.places:
                self.first_place.setdefault(s.paragraph, _precise(s.places)[0])
            if own := [w for w in s.dates if w.shift is None]:
                w = own[0]
                self.first_when.setdefault(s.paragraph, When(w.date, w.precision, -1, -1))
        self.last_place: PlaceMention | None = None
        self.last_when: When | None = None

    def at(self, paragraph: int, previous: _Paragraph) -> tuple[PlaceMention | None, When | None]:
        self.last_place = previous.place or self.last_place
        self.last_when = previous.when or self.last_when
        doc_place = next(iter(self.first_place.values()), None)
        doc_when = next(iter(self.first_when.values()), None)
        return (
            None
            if paragraph in self.lines
            else self.first_place.get(paragraph) or self.last_place or doc_place,
            self.first_when.get(paragraph) or self.last_when or doc_when,
        )


_BACKGROUND = 365  # days before the publication beyond which an incident is background
# ... and beyond which an incident the text dates by its month alone is: news tells a recent
# incident by its day; a month named long ago is what the story recalls
_BACKGROUND_MONTH = 90


_PLURAL_BACK = re.compile(
    r"\b(?:les deux|ces deux|both|the two|these two|les (?:trois|quatre) |the (?:three|four) )",
    re.I,
)


_NO_CONTEXT = classify.Context(False, False, False, False, False, False)


def _elaborates(
    s: Sentence, out: list[Draft], para: _Paragraph, previous: Sentence | None = None
) -> bool:
    """A sentence with no place and no date of its own, right after a sentence that reported
    incidents in its paragraph, or right after the sentence that told them in the paragraph
    before (a quote on the attack the lead told), tells more about them ("Les deux convois
    auraient été la cible d'engins explosifs."), unless it surely tells an incident ACLED codes
    apart ("Une bombe a explosé au marché. Des centaines de personnes ont manifesté.")."""
    if not out or _SEVERAL.search(s.text):
        return False  # "dozens of attacks": a tally, not more about the incident just told
    if _gives_day(s, out) or _gives_place(s, out) is not None:
        return previous is not None and s.paragraph - previous.paragraph <= 1
    if s.places or s.dates:
        return False
    last = out[-1].sentence
    same = last.paragraph == s.paragraph and last is not s
    # right after the sentence that told them, or one that told more about them
    follows = previous is not None and s.paragraph - previous.paragraph in (0, 1)
    if not (same or follows):
        return False
    own = classify.decide(s.hits, _NO_CONTEXT)
    if own is None or own[2] < _DISTINCT or all(h.label.startswith("@") for h in s.hits):
        return True
    return any(
        d.weight < _DISTINCT or not _distinct(d.event_type, d.sub_event_type, own[0], own[1])
        for d in out
        if d.sentence is last
    )


_DISTINCT = 0.6  # a trigger this sure tells an incident of its own type
_UNREST = {EventType.PROTESTS, EventType.RIOTS}


def _distinct(t1: EventType, s1: SubEventType, t2: EventType, s2: SubEventType) -> bool:
    """Two incidents that ACLED codes apart even on one day in one place and that one telling
    may follow the other in: a coup (a strategic development coded Other) and what happens
    around it; an explosion and a protest or riot. A protest that turns into a riot, or arrests
    at a protest, are one incident."""
    if t1 == t2:
        return False
    if SubEventType.OTHER in (s1, s2):
        return True
    return EventType.EXPLOSIONS in (t1, t2) and bool({t1, t2} & _UNREST)


def noncombat(s: Sentence) -> Sentence:
    """The sentence with, as its triggers, only the deaths it calls non-combat ("a soldier was
    killed in a road accident"): read like an incident, for the fuse stage to weigh against the
    tellings that call it one."""
    return replace(s, hits=tuple(h for h, reason in s.dropped if reason == "noncombat"))


# "claimed dozens of attacks since mid-October": a tally of claims, not the claim of one incident
_SEVERAL = re.compile(
    r"\b(?:dozens|scores|hundreds|several|many|numerous|a (?:series|string|spate|wave)) of "
    r"(?:\w+ )?(?:attacks|strikes|raids|incidents|bombings)\b|\b(?:des dizaines|plusieurs|"
    r"de nombreuses|une série) (?:d'|de )?(?:attaques|frappes|attentats)\b",
    re.I,
)


def _claims_told(s: Sentence, out: list[Draft]) -> bool:
    """A claim of the incident just told ("IS claimed the bombing on Friday"): its trigger is the
    incident again, its date the day of the claim; it names no other place."""
    if "claim" not in s.cues or "general" in s.cues or not out or _SEVERAL.search(s.text):
        return False
    last = out[-1]
    if s.paragraph - last.sentence.paragraph > 1 or last.place is None:
        return False
    own = last.place.place.admin1_code
    return all(p.place.admin1_code == own or p.place.feature == "country" for p in s.places)


def _names_unknown_place(s: Sentence) -> bool:
    """Whether the sentence names a place the gazetteer does not know ("six civils avaient été
    tués à Anzourou"): the words mark a capitalised name as a place."""
    return any(
        not _DATE_WORD.match(m.group(1)) for rx in _UNKNOWN_PLACE for m in rx.finditer(s.text)
    )


def _coarsen(new: list[Draft], provinces: list[PlaceMention]) -> None:
    """A clause placed by the place its paragraph named before while it names another, unknown,
    place is known only to the province: the province the text names, not the town."""
    for d in new:
        if d.place is None or d.place.place.feature not in POINT_FEATURES:
            continue
        own = [p for p in provinces if p.place.admin1_code == d.place.place.admin1_code]
        if own:
            d.place = own[0]


_NAME = r"((?:(?:al|el|as|ash|ar|an|ad)[-‐ ])?[A-Z][\w'’-]+)"
_UNKNOWN_PLACE = (
    re.compile(r"\b(?:town|village|city|hamlet|locality|ville|localité|commune|village) "
               r"(?:of |de |d['’]|du )(?:the |la |le )?" + _NAME),
    re.compile(r"(?<![.!?]\s)(?<!^)\b(?:in|at|near|à|près de|dans le village de)\s+" + _NAME),
)  # fmt: skip
# a month or a weekday after "in" or "à" is a date, not a place ("in March", "à lundi")
_DATE_WORD = re.compile(rf"(?:{form_pattern(months())}|{form_pattern(weekdays())})\b", re.I)


def _gives_day(s: Sentence, out: list[Draft]) -> bool:
    """ "Gunmen abducted 24 villagers, police said on Tuesday. The attackers arrived late on
    Sunday ...": the doers said again, with a day and no place, give the day the lead left out."""
    return bool(s.dates and not s.places and out and _THE_DOERS.match(s.text) and _undated(out[-1]))


def _gives_place(s: Sentence, out: list[Draft]) -> PlaceMention | None:
    """ "Gunmen killed 12 people in a raid on a village in Zamfara state. The attackers stormed
    Kadawa village in Gusau district late on Saturday ...": the doers said again, in a place
    within the province the lead named and no finer, give the lead its place (and its day, if
    it had none of its own)."""
    if not (s.places and out and _THE_DOERS.match(s.text)):
        return None
    lead = out[-1].place
    if (
        lead is None
        or not lead.place.admin1_code
        or (lead.place.feature in POINT_FEATURES and lead.precision < 3)
    ):  # a town the lead names, not a province ("the Tahoua region": its province, at its seat)
        return None
    precise = _precise(s.places)
    if any(p.place.admin1_code != lead.place.admin1_code for p in precise):
        return None
    place = precise[_most_specific(precise, 0)]
    return place if place.precision <= lead.precision and place is not lead else None


def _undated(d: Draft) -> bool:
    """Whether the draft's day is not its sentence's own (inherited, or the publication's)."""
    return d.when.start < 0


_THE_DOERS = re.compile(
    r"\s*(?:the|these|those|les|ces)\s+(?:attackers|assailants|gunmen|raiders|kidnappers|"
    r"abductors|bandits|militants|insurgents|assaillants|ravisseurs|hommes armés|agresseurs|"
    r"individus armés|terroristes|jihadistes|djihadistes)\b",
    re.I,
)


def _elaborate(s: Sentence, out: list[Draft]) -> None:
    last = out[-1].sentence
    targets = [d for d in out if d.sentence is last]
    if not _PLURAL_BACK.search(s.text):
        targets = targets[-1:]
    day = s.dates[0] if _gives_day(s, out) else None
    place = _gives_place(s, out)
    if place is not None and s.dates and _undated(out[-1]):
        day = s.dates[0]
    for d in targets:
        if day is not None:  # the lead's incident gets the day the next sentence gives it
            d.when = day
        if place is not None:  # ... and the place within its province
            d.place = place
        d.hits = d.hits + list(s.hits)
        decided = classify.decide(d.hits, d.ctx or _NO_CONTEXT)
        if decided is not None:
            d.event_type, d.sub_event_type, d.weight = decided
        d.evidence.append((s.start, s.end))
        if (
            s.toll
            and d.toll is not None
            and not s.toll.coded
            and s.toll.fighters != d.toll_fighters
        ):
            # "... killing 9 soldiers. Twelve assailants were killed in the counter-attack": the
            # other side's dead add up (the toll now counts both)
            d.toll, d.toll_fighters = d.toll + s.toll.count, False
        elif s.toll and (d.toll is None or s.toll.coded):
            d.toll, d.toll_fighters = s.toll.count, s.toll.fighters
        d.reported_by = d.reported_by or s.reported_by


def _clause_drafts(
    s: Sentence,
    para: _Paragraph,
    published: dt.date | None,
    armed: set[str],
    group: ActorMention | None,
    fallback: dt.date | None = None,
    anchored: bool = True,
) -> list[Draft]:
    when = _when(s, para, published, fallback)
    if when is None or (published is not None and (published - when.date).days > _BACKGROUND):
        return []  # no date, or history the article recalls ("un coup d'État en septembre 2022")
    if (
        published is not None
        and when.precision == TimePrecision.MONTH
        and when.start >= 0
        and (published - when.date).days > _BACKGROUND_MONTH
    ):  # "a rally in Tunis in September 2023", told in March 2024: history
        return []
    dated = bool(s.dates) or para.when is not None or published is None or not anchored
    groups = _by_place(s, para, dated)
    out = []
    for place, hits in groups:
        a1, a2 = _actors(s, hits)
        ctx = _context(s, hits, armed, a1, a2)
        decided = classify.decide(hits, ctx)
        if decided is None:
            continue
        etype, sub, weight = decided
        if a1 is None and group is not None and _COREF.search(s.text):
            a1 = group
        toll = s.toll.count if s.toll else None
        out.append(Draft(s, hits, etype, sub, weight, place, when, a1, a2, None, toll,
                         bool(s.toll and s.toll.fighters), [(s.start, s.end)], s.reported_by,
                         ctx))  # fmt: skip
    return out


def _when(
    s: Sentence, para: _Paragraph, published: dt.date | None, fallback: dt.date | None = None
) -> When | None:
    first = min(h.start for h in s.hits) - s.start
    # "have staged sit-ins since last week", "depuis le 3 mars": when a state began, not the
    # day of an incident
    dates = [d for d in s.dates if not _SINCE.search(s.text[: d.start])]
    before = [d for d in dates if d.start <= first]
    if any(d.start > first for d in dates):
        # "a indiqué mercredi qu'un soldat a été tué mardi": the day it was told, then the day
        # of the incident
        before = [d for d in before if not _REPORTED_ON.search(s.text[: d.start])]
    # "Around 4 May 2020 (from 3 May to 4 May), ...": the date outside the brackets is coded
    before = [d for d in before if not _in_brackets(s.text, d.start)] or before
    if before:
        return before[-1]
    # "... in an overnight raid, police said on Tuesday": the day it was told
    after = [d for d in dates if d.start > first and not _REPORTED_ON.search(s.text[: d.start])]
    if after:
        return after[0]
    if dates and all(d.start > first for d in dates):
        return _told(para, published, fallback)

    if dates:
        return dates[0]
    if para.when is not None:
        return para.when
    if para.earlier_when is not None:  # a later paragraph goes on telling the lead's incident
        return para.earlier_when
    if published is not None:
        return When(published, TimePrecision.DAY, -1, -1)
    if para.default_when is not None:
        return para.default_when
    if (
        fallback is not None
    ):  # no date anywhere: the day it was processed, known to the month at best
        return When(fallback, TimePrecision.MONTH, UNDATED, UNDATED)
    return None


def _told(para: _Paragraph, published: dt.date | None, fallback: dt.date | None) -> When | None:
    """The date an incident falls back on when its sentence gives only the day it was told."""
    if para.when is not None:
        return para.when
    if published is not None:
        return When(published, TimePrecision.DAY, -1, -1)
    return When(fallback, TimePrecision.MONTH, UNDATED, UNDATED) if fallback else None


def _in_brackets(text: str, offset: int) -> bool:
    head = text[:offset]
    return head.count("(") > head.count(")")


def _by_place(
    s: Sentence, para: _Paragraph, dated: bool = True
) -> list[tuple[PlaceMention | None, list[classify.Hit]]]:
    """The clause's triggers grouped by the place each points at. `dated`: the clause has a date
    of its own (or its paragraph's, or the document has none to give): only then may it take a
    place named after it; an undated, unplaced clause in a dated article ("une semaine après
    l'explosion meurtrière") recalls an incident told elsewhere."""
    places = _precise(s.places)
    # "in Konduga, about 35 km southeast of the state capital Maiduguri": a place given as a
    # bearing for another is not where the incident was
    places = [p for p in places if not _reference(s, p)] or places
    # "labourers from Jharkhand clashed ... in Nagpur": where people came from is not where
    # the incident was, when the clause names another place
    origins = _origins(s, places)
    if origins and any(_LOCATIVE.search(s.text[: p.start - s.start]) for p in places):
        places = [p for p in places if p not in origins] or places
    # ... nor where they were going ("stranded travellers demanding buses to go back home to
    # Cusco blocked a road"), when it names any other place
    bound = _origins(s, places, _DESTINATION)
    places = [p for p in places if p not in bound] or places
    if not places:
        generic = all(h.label.startswith("@") for h in s.hits) and not any(
            w.precision == TimePrecision.DAY for w in s.dates
        )
        if para.place is None and (not dated or generic):
            # "ces attaques": told before, placed there; but "On 8 May, police beat ..." with
            # a day of its own is a new telling, placed where its paragraph goes on to say (not
            # "in power since July 2023": a month is background)
            return [(None, list(s.hits))]
        return [(para.place or para.default_place, list(s.hits))]
    chosen: dict[int, list[classify.Hit]] = {}
    for h in s.hits:
        i = min(range(len(places)), key=lambda k: _distance(h, places[k]))
        chosen.setdefault(_most_specific(places, i), []).append(h)
    out: list[tuple[PlaceMention | None, list[classify.Hit]]] = []
    for i, hits in chosen.items():
        for j in _coordinated(places, i, s):
            if all(out_p is not places[j] for out_p, _ in out):
                out.append((places[j], hits))
    return out


_BEARING = re.compile(
    r"\b(?:km|kms|kilomet(?:er|re)s?|kilomètres?|miles?)\s+(?:\([^)]*\)\s+)?(?:to the\s+|au\s+|à l'\s*)?"
    r"(?:north|south|east|west|nord|sud|est|ouest)[\w-]*\s+(?:of|de|du|d')\s*"
    r"(?:(?:the|la|le|l')\s+)?(?:(?:state|provincial|regional|district|capital|city|town|"
    r"capitale|ville|chef-lieu)\s+(?:capital\s+|régionale\s+|provinciale\s+)?(?:of\s+|de\s+)?)*$",
    re.I,
)


def _origins(
    s: Sentence, places: list[PlaceMention], cue: re.Pattern[str] | None = None
) -> list[PlaceMention]:
    """The places the clause says people came from ("from Jharkhand"), each place of a list
    after "from" among them ("from Odisha and Bihar"); with `cue` _DESTINATION, those they were
    bound for ("travelling to Bihar", "to return to their homes in Cusco")."""
    cue = cue or _ORIGIN
    out: list[PlaceMention] = []
    for p in sorted(places, key=lambda m: m.start):
        before = s.text[: p.start - s.start]
        if cue.search(before) or (
            out and _LISTED_AFTER.fullmatch(s.text[out[-1].end - s.start : p.start - s.start])
        ):
            out.append(p)
    return out


# what lies between two places of one list: "Odisha and Bihar", "Homs, Hama"
_LISTED_AFTER = re.compile(r"\s*(?:,|,?\s*(?:and|or|et|ou))\s*", re.I)


_ORIGIN = re.compile(
    r"\b(?:from|originaires? d(?:e|u|es|['’])|en provenance d(?:e|u|es|['’])|venus? d(?:e|u|es|['’]))"
    r"\s*(?:the\s+|la\s+|le\s+)?(?:(?:town|city|village|state|province|ville|région)\s+(?:of|de)\s+)?$",
    re.I,
)


# "migrant workers travelling to Bihar threw stones at police in Nashik": where people were
# going is not where the incident was
_DESTINATION = re.compile(
    r"\b(?:(?:get|go|come|went|going|coming|getting|travel\w*|return\w*|head\w*|proceed\w*|"
    r"mov(?:e|ed|ing)|walk\w*|bound|en route|on (?:their|his|her|the) way|sent|deported|"
    r"repatriated|transferred|retourn\w*|rentr\w*|rejoindre|se rendre|rendaient)"
    r"(?:\s+(?:back|home|back home|chez eux))?\s+(?:to|for|towards|into|à|au|aux|en|vers))"
    r"\s*(?:(?:their|his|her|its|leurs?|ses)\s+(?:homes?|families|famille|foyers?)\s+(?:in|à|au|en)\s+)?"
    r"(?:the\s+|la\s+|le\s+)?(?:(?:town|city|village|state|province|ville|région)\s+"
    r"(?:of|de)\s+)?$",
    re.I,
)


_LOCATIVE = re.compile(
    r"\b(?:in|at|near|à|dans|près d[eu']?)\s+(?:the\s+|la\s+|le\s+)?(?:(?:town|city|village|"
    r"district|area|ville|village|localité)\s+(?:of\s+|de\s+)?)?$",
    re.I,
)


def _reference(s: Sentence, p: PlaceMention) -> bool:
    """Whether the sentence names `p` as a bearing ("35 km southeast of Maiduguri", "à 20 km au
    nord de Gao") after naming another place: then the incident was at the other place."""
    before = s.text[: p.start - s.start]
    return bool(_BEARING.search(before)) and any(q.start < p.start for q in s.places)


def _precise(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places below country level, or the countries when there are none."""
    return [p for p in places if p.place.feature != "country"] or list(places)


def _distance(h: classify.Hit, p: PlaceMention) -> float:
    return p.start - h.end if p.start >= h.end else (h.start - p.end) * 1.5


def _most_specific(places: list[PlaceMention], i: int) -> int:
    """Among places in the same province as places[i], the most precise one."""
    target = places[i].place
    same = [
        k
        for k, p in enumerate(places)
        if p.place.admin1_code and p.place.admin1_code == target.admin1_code
    ]
    return min(same or [i], key=lambda k: (places[k].precision, abs(k - i)))


def _coordinated(places: list[PlaceMention], i: int, s: Sentence) -> list[int]:
    """places[i] and the places listed with it ("Dhi Qar, al-Diwaniyah et Babylone") that lie in
    other provinces."""
    run = [i]
    k = i
    while k > 0 and _LIST_GAP.match(
        s.text[places[k - 1].end - s.start : places[k].start - s.start]
    ):
        k -= 1
        run.insert(0, k)
    k = i
    while k + 1 < len(places) and _LIST_GAP.match(
        s.text[places[k].end - s.start : places[k + 1].start - s.start]
    ):
        k += 1
        run.append(k)
    seen: set[str] = set()
    out = []
    for k in run:
        key = places[k].place.admin1_code or places[k].place.name
        if key not in seen:
            seen.add(key)
            out.append(k)
    return out


def _context(
    s: Sentence,
    hits: list[classify.Hit],
    armed: set[str],
    a1: ActorMention | None,
    a2: ActorMention | None,
) -> classify.Context:
    target_kind = a2.kind if a2 is not None else None
    target_armed = a2 is not None and (
        target_kind in armed or (a2.actor is not None and a2.actor.inter in (1, 2, 3, 4, 8))
    )
    return classify.Context(
        civilian_target="civilian" in s.cues or target_kind == "civilians",
        armed_target=target_armed or len({a.kind for a in s.actors} & armed) >= 2,
        state_initiator=a1 is not None and _is_state(a1),
        intervention="intervention" in s.cues,
        excessive="excessive" in s.cues,
        killed=bool(s.toll and s.toll.count > 0),
    )


def _actors(
    s: Sentence, hits: list[classify.Hit]
) -> tuple[ActorMention | None, ActorMention | None]:
    """Initiator and target around the clause's verb: its first trigger ("GNA forces targeted LNA
    positions with artillery") anchors the clause, its subject initiates, its object is
    targeted, unless passive; when nothing stands before the first trigger ("Clashes took
    place between ..."), the strongest trigger anchors it."""
    lead = min(hits, key=lambda h: h.start)
    # a trigger that takes in the actor it names ("Des frappes" of "frappes aériennes"):
    # anchored on the actor, which is then its subject
    first = max(
        [lead.start] + [a.start for a in s.actors if lead.start < a.start < lead.end < a.end]
    )
    found = _around(s, first)
    if found[1] is None and _ITS_OWN.search(s.text, first - s.start):
        # "Hezbollah said Israeli drones struck a car, killing two of its fighters": the side
        # that reports it lost them is the target
        own = [a for a in s.actors if a.start < first and _told_by(s, a, subject=True)]
        if own and found[0] is not own[-1]:
            found = (found[0], own[-1])
    if found[0] is None:
        strongest = max(hits, key=lambda h: (h.weight, -h.start)).start
        again = _around(s, strongest)
        if again[0] is not None:
            return again
    return found


def _victims_after(s: Sentence, out: list[Draft]) -> None:
    """ "Saudi forces fired rockets at X. 2 citizens were reported killed.": civilians the
    sentence after a strike or an attack says were hurt are its target, when it has none."""
    victims = [
        a
        for a in s.actors
        if a.kind == "civilians" and _PASSIVE_AFTER.match(s.text[a.end - s.start :])
    ]
    if not victims or len(victims) < len(s.actors):
        return
    for d in out:
        if (
            d.sentence is out[-1].sentence
            and d.actor2 is None
            and d.event_type in (EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS)
        ):
            d.actor2 = victims[0]


def _around(s: Sentence, first: int) -> tuple[ActorMention | None, ActorMention | None]:
    # a trigger that names its doer ("Warplanes struck ...", "Drones hit ...") is the subject
    before = [a for a in s.actors if a.end <= first or a.start <= first < a.end]
    means: list[ActorMention] = []
    if (
        len(before) >= 2
        and before[-1].start <= first < before[-1].end
        and not s.text[before[-2].end - s.start : before[-1].start - s.start].strip()
    ):  # "Coalition drones", "a Houthi drone": the word before the means names the doer
        before, means = before[:-1], before[-1:]
    told = [a for a in s.actors if a.start >= first and a not in before and a not in means]
    # the source of a closing "..., police said" is no target; nor is a strike ("carried out
    # airstrikes on ...") or, after a subject, the doer of another act told with the trigger's
    # ("shelled X in conjunction with Russian airstrikes", "..., accompanied by shelling by
    # the army")
    after = [a for a in told if not _no_target(s, a, first, bool(before))]
    before = _without_supporters(s, before)
    if after and before and all(_told_by(s, a, subject=True) for a in before):
        before = []  # "The SDF accused Ankara of ... and said Turkish artillery shelled ..."
    for a, b in zip(after, after[1:], strict=False):
        if _BETWEEN.search(s.text[: a.start - s.start]) and _AND.match(
            s.text[a.end - s.start : b.start - s.start]
        ):
            return a, b
        if _ONE_SIDE.match(s.text[a.end - s.start : b.start - s.start]):
            return a, b  # "clashes were fought by X on one side, and Y on the other"
    for k, a in enumerate(after):  # "between regime forces and foreign militias against IS"
        if _BETWEEN.search(s.text[: a.start - s.start]):
            rest = after[k + 1 :]
            gaps = [s.text[a.end - s.start : b.start - s.start] for b in rest]
            against = [b for b, gap in zip(rest, gaps, strict=True) if _AGAINST.search(gap)]
            other = against or rest
            return a, (other[0] if other else None)
    for a in after:
        by = _PASSIVE_BY.search(s.text[: a.start - s.start])
        # the trigger's own agent ("attacked by gunmen"), not that of a later passive clause
        # of its subject ("militants attacked a base but were repelled by troops")
        if by and not (before and _LATER_PASSIVE.search(s.text[first - s.start : by.start()])):
            return a, (before[-1] if before else None)
    trigger = s.text[first - s.start : first - s.start + 14].lower()
    if (
        _PASSIVE.search(s.text[: first - s.start])
        or trigger.startswith(("se sont fait", "s'est fait"))
        or (before and _PASSIVE_AFTER.match(s.text[before[-1].end - s.start : first - s.start]))
    ):  # "des convois ont été attaqués", "15 soldats ont été tués mardi dans une attaque":
        # the subject is hit
        if before:  # the other side, when the clause names it after the verb, initiated
            hit = _head(s, before)
            # ... unless it only reports the loss of its own side ("a soldier was killed by a
            # mine, the army said") or of civilians ("12 people were killed when a car bomb
            # exploded, police said")
            doers = [
                a for a in told if not (_told_by(s, a) and (_allied(a, hit) or _civilian(hit)))
            ]
            return (doers[0] if doers else None), hit
        # "a bulldozer driver was hurt during clashes with Israeli soldiers": the victim is no
        # actor we know; the side named after the verb initiated
        return (after[0] if after else None), None
    if before and not after and _RECIPROCAL.match(s.text, before[-1].end - s.start):
        # "Government forces and Al Shabaab clashed in ...": a verb of two sides has its
        # coordinated subjects for its sides
        first_subject = _head(s, before)
        if first_subject is not before[-1]:
            return first_subject, before[before.index(first_subject) + 1]
    head = _head(s, before) if before else None
    if head is not None and head.kind in ("air_force", "aviation"):
        # "Jets struck X in conjunction with artillery fire from the army": an operation of the
        # air and of the ground is the ground forces', whose arm the air force is
        ground = next(
            (
                a
                for a in told
                if a.kind == "military"
                and _ALONG_WITH.search(s.text[first - s.start : a.start - s.start])
                and _ON_THE_GROUND.search(s.text[first - s.start : a.end - s.start + 30])
                and not _IN_THE_AIR.search(s.text[a.start - s.start : a.end - s.start + 30])
            ),
            None,
        )
        head = ground or head
    # "Regime troops and loyalist gunmen shelled ...": the first of the coordinated subjects
    return head, (after[0] if after else None)


def _no_target(s: Sentence, a: ActorMention, first: int, subject: bool) -> bool:
    """Whether a mention after the trigger at `first` is surely not its target (`subject`:
    the clause names a subject before the trigger)."""
    since = s.text[first - s.start : a.start - s.start]  # from the trigger to the mention
    return (
        _told_by(s, a)
        or bool(_STRIKE.search(a.text))
        or (subject and bool(_ALONG_WITH.search(since)))
        or bool(_GUESSED.search(s.text[: a.start - s.start]))
        or bool(_OTHER_CLAUSE.search(since))
        or bool(_HOLDS.match(s.text[a.end - s.start :]))
    )


_AGAINST = re.compile(r"\b(?:against|contre)\b", re.I)
# verbs whose subject is both sides ("X and Y clashed", "X et Y se sont affrontés")
_RECIPROCAL = re.compile(
    r"\s*(?:(?:have|had|on|ont|avaient)\s+)?(?:clash|fought|fight|battl|skirmish|affront|heurt"
    r"|accroch|exchanged (?:fire|gunfire|shots)|se sont (?:affront|heurt|accroch|battu)"
    r"|ont échangé des tirs)",
    re.I,
)
_ITS_OWN = re.compile(
    r"\b(?:of )?(?:its|their) (?:own )?(?:fighters|members|soldiers|men|troops|commanders?)\b|"
    r"\b(?:de )?(?:ses|leurs) (?:propres )?(?:combattants|membres|soldats|hommes|éléments)\b",
    re.I,
)
_LATER_PASSIVE = re.compile(
    r"\b(?:but|and|before|then|mais|et|avant d'être)\s+(?:were|was|had been|have been|ont été|"
    r"a été|avaient été|être)\s",
    re.I,
)


def _told_by(s: Sentence, a: ActorMention, subject: bool = False) -> bool:
    """Whether the actor is the source of one of the sentence's reporting clauses (`subject`:
    one that is the sentence's subject, "The SDF said ...")."""
    return any(start <= a.start < end and (told or not subject) for start, end, told in s.told_by)


def _allied(a: ActorMention, b: ActorMention) -> bool:
    """Whether two actors are one side: the same actor, or forces of the same state."""
    if a.actor is not None and b.actor is not None and a.actor.canonical == b.actor.canonical:
        return True
    if not (_is_state(a) and _is_state(b)):
        return a.actor is None and b.actor is None and a.kind is not None and a.kind == b.kind
    countries = {x.actor.country_iso3 for x in (a, b) if x.actor is not None}
    return len(countries) <= 1


def _without_supporters(s: Sentence, before: list[ActorMention]) -> list[ActorMention]:
    """The actors before the verb without those named as another's support ("The army, backed
    by allied militiamen, clashed with ...", "l'armée, appuyée par des supplétifs, a
    repoussé ..."): the supported one is the subject."""
    for k in range(len(before) - 1, 0, -1):
        gap = s.text[before[k - 1].end - s.start : before[k].start - s.start]
        if _SUPPORTED.match(gap):
            return before[:k]
    return before


# a mention that names a strike, the act, not who it hits
_STRIKE = re.compile(
    r"(?:\b(?:air[ -]?strikes?|air[ -]?raids?|airstrike raids|raids?|strikes?|shelling|"
    r"bombardments?|frappes? aériennes?|raids? aériens?|bombardements?(?: aériens)?)"
    r"|غارات|غارة|غارات جوية|غارة جوية|قصف)$",
    re.I,
)
# a guess at whose the doer is, set off after it ("Warplanes, likely regime or Russian, struck
# ...", "des avions, probablement russes, ont frappé ..."): no target
_GUESSED = re.compile(
    r",\s*(?:(?:most\s+)?likely|probably|possibly|presumably|apparently|believed to be|thought to"
    r" be|either|vraisemblablement|probablement|sans doute|peut-être|apparemment)\s+"
    r"(?:(?:of|de|du|d['’])\s*)?(?:(?:the|a|an|les?|la|des)\s+)?"
    r"(?:[\w'’-]+\s+(?:or|and/or|and|ou|et)\s+)?$",
    re.I,
)
# the subject of another clause told beside the trigger's ("regime forces shelled X as Russian
# warplanes struck it", "while regime helicopters dropped ..."): no target
_OTHER_CLAUSE = re.compile(
    r"(?<!well )(?<!such )\b(?:as|while|whereas|alors que|tandis que|pendant que)\s+"
    r"(?:(?:the|some|les?|la|des|d[eu])\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# who holds the place ("IS-controlled Yarmouk", "a village under regime control", "regime-held
# areas"): no target
_HOLDS = re.compile(r"^\s*-?\s*(?:controlled|held|control)\b", re.I)
# fire from the ground and from the air, to tell the act joined to an air strike
_ON_THE_GROUND = re.compile(
    r"\b(?:shell\w*|artillery|rockets?|mortars?|missiles?|ground|obus|artillerie|roquettes?"
    r"|mortiers?|bombard(?:é|ement)s? au sol)\b",
    re.I,
)
_IN_THE_AIR = re.compile(
    r"\b(?:air[ -]?strikes?|air[ -]?raids?|raids?|warplanes?|jets?|helicopters?|drones?|aviation"
    r"|frappes? aériennes?|avions?|hélicoptères?)\b",
    re.I,
)
# words that join another act to the one the trigger tells, then the words before its doer
_ALONG_WITH = re.compile(
    r"\b(?:in conjunction with|accompanied by|coupled with|along(?:side| with)|amid|"
    r"en même temps que|conjointement (?:avec|à)|parallèlement à|accompagnée?s? d[e']|"
    r"sur fond d[e'])[^,;]{0,40}$",
    re.I,
)
_SUPPORTED = re.compile(
    r"^\s*,?\s*(?:(?:backed|supported|aided|assisted|reinforced|joined|accompanied|helped) by|"
    r"with the (?:support|backing|help|assistance) of|along(?:side| with)|together with|"
    r"(?:(?:appuy|épaul|aid|accompagn|renforc)(?:é|ée|és|ées)|soutenue?s?|rejointe?s?) par|"
    r"avec (?:l'appui|le soutien|l'aide|le renfort) d(?:e|es|u|e la|e l')|aux côtés d(?:e|es|u))"
    r"\s+(?:(?:its|it's|their|his|the|some|allied|loyal|local|pro-\w+|ses|leurs|des|de|la|le|les)\s+)*$",
    re.I,
)


def _head(s: Sentence, before: list[ActorMention]) -> ActorMention:
    """The first of the actors coordinated just before the verb ("quinze soldats et supplétifs
    de l'armée ont été tués": the soldiers)."""
    k = len(before) - 1
    while k > 0 and _COORDINATED.match(
        s.text[before[k - 1].end - s.start : before[k].start - s.start]
    ):
        k -= 1
    return before[k]


_COORDINATED = re.compile(r"^\s*(?:,|et|and|ainsi que|as well as)\s*(?:\w+\s+){0,1}$", re.I)


def _civilian(a: ActorMention) -> bool:
    return a.kind == "civilians" or (a.actor is not None and a.actor.inter == 7)


def _is_state(a: ActorMention) -> bool:
    if a.actor is not None:
        return a.actor.inter == 1
    return a.kind in ("military", "police", "gendarmerie", "air_force", "aviation", "prison_guards")
