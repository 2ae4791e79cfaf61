"""What one sentence says: its triggers, cue words, toll, dates, places and actors.

Offsets here are into the document's cleaned text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventdesk.code import attribution, dates, fatalities
from eventdesk.code.classify import Hit
from eventdesk.code.lexicon import NOT_AN_INCIDENT, Lexicon
from eventdesk.records import TimePrecision

if TYPE_CHECKING:
    from eventdesk.actors import ActorMention
    from eventdesk.geo import PlaceMention

BACKGROUND_WINDOW = 80  # "en réaction à l'assassinat de ...": the cause told, not a new incident
NEG_WINDOW = 45  # a negation or plan cue applies to a trigger it precedes by at most this much


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    hits: tuple[Hit, ...]  # triggers still standing (not negated, hypothetical, planned)
    dropped: tuple[tuple[Hit, str], ...]  # triggers set aside, with the reason
    cues: frozenset[str]
    toll: fatalities.Toll | None  # offsets relative to the sentence
    dates: tuple[dates.When, ...]  # offsets relative to the sentence
    places: tuple[PlaceMention, ...]  # offsets into the cleaned text
    actors: tuple[ActorMention, ...]  # offsets into the cleaned text
    reported_by: str | None
    # the sources its reporting clauses name ("..., the army said"): (start, end, whether it is
    # the sentence's subject, "The SDF said ..."), offsets into the cleaned text
    told_by: tuple[tuple[int, int, bool], ...] = ()


def read(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    lex: Lexicon,
    published: dt.date | None,
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    masked: str | None = None,
    dateline: tuple[int, int] | None = None,
) -> Sentence:
    """`masked`: the text with the names and origins that tell no incident's place or date
    blanked out (see persons.mask); `dateline`: the span of a dispatch's filing date, which dates
    no incident."""
    s = text[start:end]
    cues = frozenset(k for k, rx in lex.cues.items() if rx.search(s))
    told = [
        w
        for w in dates.in_sentence((masked or text)[start:end], published, "uncertain_date" in cues)
        if not _dateline(s, w)
    ]
    if dateline is not None:
        told = [w for w in told if not dateline[0] <= start + w.start < dateline[1]]
    if "general" in cues and _one_day(s, told, lex):
        cues = cues - {"general"}  # "jets struck the farms repeatedly on Saturday"
    hits, dropped = _triggers(s, lex, cues)
    told_by = attribution.sources(s, lex.lang)
    if "claim" in cues:  # "Le JNIM a affirmé avoir mené l'attaque": a claimant, not a reporter
        told_by = [t for t in told_by if not t.subject]
    return Sentence(
        start=start, end=end, text=s, paragraph=paragraph,
        hits=tuple(Hit(h.start + start, h.end + start, h.label, h.weight) for h in hits),
        dropped=tuple((Hit(h.start + start, h.end + start, h.label, h.weight), r) for h, r in dropped),
        cues=cues, toll=fatalities.count(s, lex),
        dates=tuple(told),
        places=tuple(p for p in places if start <= p.start < end),
        actors=tuple(a for a in actors if start <= a.start < end),
        reported_by=_reporter(s, lex) or (told_by[0].text if told_by else None),
        told_by=tuple((t.start + start, t.end + start, t.subject) for t in told_by),
    )  # fmt: skip


# the words of a general statement that a day the sentence names makes one incident's ("struck
# the farms repeatedly on Saturday", "families of those arrested so far gathered on 17 April")
_ONE_DAY_GENERAL = re.compile(r"\b(?:repeatedly|so far|à plusieurs reprises|jusqu'ici)\b", re.I)


def _one_day(s: str, told: Sequence[dates.When], lex: Lexicon) -> bool:
    """Whether the sentence's only words of a general statement are ones a day makes specific,
    and it names a day."""
    rx = lex.cues.get("general")
    return (
        any(w.precision == TimePrecision.DAY and w.start >= 0 for w in told)
        and rx is not None
        and not rx.search(_ONE_DAY_GENERAL.sub(" ", s))
    )


def antecedents(sents: Sequence[Sentence]) -> list[Sentence]:
    """A demonstrative ("cette marche", "this attack") points back to an incident told before. When
    no sentence before it names any incident (no trigger, kept or set aside), the words it points
    back to told it in terms no lexicon knows ("ont arpenté les rues ... Cette marche"), and the
    triggers it fronts are the incident's first telling: they stand."""
    out: list[Sentence] = []
    told = False
    for s in sents:
        if not told and any(reason == "anaphora" for _, reason in s.dropped):
            back = tuple(h for h, reason in s.dropped if reason == "anaphora")
            s = replace(
                s,
                hits=tuple(sorted(s.hits + back, key=lambda h: h.start)),
                dropped=tuple(d for d in s.dropped if d[1] != "anaphora"),
            )
        told = told or bool(s.hits or s.dropped)
        out.append(s)
    return out


_DATELINE_HEAD = re.compile(r"[^\W\d_][^.!?\n]{0,60},\s*(?:le\s+)?")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*[-–—]")


def _dateline(s: str, w: dates.When) -> bool:
    """The date of a dateline ("Kaya, 27 novembre 2023 (Sahel Matin) - ..."): when the story was
    filed, not when what it tells happened."""
    return bool(_DATELINE_HEAD.fullmatch(s[: w.start]) and _DATELINE_TAIL.match(s, w.end))


def _triggers(
    s: str, lex: Lexicon, cues: frozenset[str]
) -> tuple[list[Hit], list[tuple[Hit, str]]]:
    found = _longest_first(
        Hit(*_core(m), t.label, t.weight)
        for t, rx in zip(lex.triggers, lex.trigger_res, strict=True)
        for m in rx.finditer(s)
    )

    kept: list[Hit] = []
    dropped: list[tuple[Hit, str]] = []
    sentence_reason = _sentence_reason(s, cues)
    for h in found:
        reason = sentence_reason
        if reason == "noncombat" and h.label in _NOT_DEATHS:
            reason = None
        reason = reason or _local_reason(s, h, lex)
        (dropped.append((h, reason)) if reason else kept.append(h))
    return kept, dropped


def _core(m: re.Match[str]) -> tuple[int, int]:
    """The trigger's own words: a pattern may give its context too and mark the words that report
    the incident with a group named `v` ("workers ... (?P<v>demanded)")."""
    return m.span("v") if "v" in m.re.groupindex and m.group("v") is not None else m.span()


def _longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Overlapping trigger matches: the longest (the most specific phrase) wins, so "suicide car
    bomb" is not also a "car bomb"; at equal length, the heavier. A phrase labelled @none
    ("manifestation sportive", "bombardier d'eau") only hides the shorter triggers inside it.
    In text order."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, -h.weight, h.start)):
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted((h for h in kept if h.label != NOT_AN_INCIDENT), key=lambda h: h.start)


def _sentence_reason(s: str, cues: frozenset[str]) -> str | None:
    if s.rstrip(" »\"'").endswith(("?", "؟")):
        return "question"
    for kind in ("general", "noncombat"):
        if kind in cues:
            return kind
    return None


# A demonstration or a riot over an accident is still one: "noncombat" sets aside deaths only.
_NOT_DEATHS = {
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence", "Looting/property destruction",
}  # fmt: skip


_INFINITIVE = {  # French only: English "to" + verb is as often the goal of a real act ("blocked roads to protest")
    "fr": re.compile(r"\b(?:de|d'|pour|afin de|à|sans)\s*$", re.I),
}


def _local_reason(s: str, h: Hit, lex: Lexicon) -> str | None:
    """Why a trigger does not report an incident: a negation just before it, a modal or a plan
    anywhere before it in the sentence, or the trigger is an infinitive of purpose ("pour
    intercepter", "de frapper", "to attack")."""
    near = s[max(0, h.start - NEG_WINDOW) : h.start]
    rx = lex.cues.get("negation")
    if rx is not None and rx.search(near):
        return "negation"
    for kind in ("hypothetical", "plan", "denial"):
        rx = lex.cues.get(kind)
        if rx is not None and rx.search(s[: h.start]):
            return kind
    rx = lex.cues.get("criminal")
    if h.label == "Arrests" and rx is not None and rx.search(s):
        return "criminal"  # ACLED codes no arrest for a common crime
    rx = lex.cues.get("anaphora")
    last = s[max(0, h.start - 30) : h.start].split()[-2:]
    if rx is not None and any(rx.fullmatch(w) for w in last):
        return "anaphora"  # "ces attaques", "cette explosion": an incident told before
    told = lex.cues.get("report")
    if told is not None and len(last) == 2 and last[1] == "the" and told.fullmatch(last[0]):
        return "anaphora"  # "police confirmed the abduction": an incident told before
    rx = lex.cues.get("background")
    if rx is not None and rx.search(s[max(0, h.start - BACKGROUND_WINDOW) : h.start]):
        return "background"
    inf = _INFINITIVE.get(lex.lang)
    word = s[h.start : h.end].split()[0].lower()
    verbish = (
        word.endswith(("er", "ir")) if lex.lang == "fr" else not word.endswith(("s", "ed", "ing"))
    )
    if inf is not None and verbish and inf.search(s[max(0, h.start - 12) : h.start]):
        return "purpose"
    return None


_NAME = r"((?:[A-Z][\w'’.-]*|al-[A-Z][\w'-]*)(?:[\s-]+(?:[A-Z][\w'’.-]*|al-[A-Z][\w'-]*|of|for|de|du))*)"
_DESCRIBED = {  # words that may stand between the cue and the source's name
    "en": r"(?:(?:the|a|an|local|state|state-run|news|agency|media|outlet|channel|broadcaster|newspaper|daily|website|site|television|tv|radio|correspondent|reporter|pro-government|opposition|monitor|military|war|group|of|from),?\s+){0,6}?",
    "fr": r"(?:(?:le|la|les|l'|site|web|militaire|américain|américaine|chaîne|de|d'|télévision|correspondant|correspondante|agence|journal|quotidien|radio|média|officiel|officielle|porte-parole|du|des|libanais|libanaise|irakien|irakienne|syrien|syrienne|iranien|iranienne|presse),?\s*){0,8}?",
}
_REPORTER = {
    "en": re.compile(r"\b(?i:according to|reported by|citing|told)\s+" + _DESCRIBED["en"] + _NAME),
    "fr": re.compile(
        r"\b(?i:selon|d'après|dixit|a-t-on appris|ont appris|a appris|auprès)\s*(?:de |du |des |d'|auprès (?:de |du |d'))?"
        + _DESCRIBED["fr"]
        + _NAME
    ),
}


def _reporter(s: str, lex: Lexicon) -> str | None:
    rx = _REPORTER.get(lex.lang)
    m = rx.search(s) if rx else None
    if not m:
        return None
    name = m.group(1).strip(" .,'’")
    return name.removesuffix(" de").removesuffix(" du").strip() or None
