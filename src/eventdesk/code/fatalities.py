"""Fatalities from digits and number words, with ACLED's conventions.

`count(sentence, lexicon)` returns the number of people the sentence says were killed, the span
that says it, or None when it says nothing. Several tolls in one sentence ("killing 2 soldiers
and 3 militants") add up; an explicit total ("5 fatalities") wins; vague words take ACLED's fixed
values from the lexicon ("dozens" 12); an explicit "no casualties" is 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.code.lexicon import Lexicon, compound_value
from eventdesk.timex.mentions import MentionKind, find_dates

_DEATH = {
    "en": r"(?:killed|dead|died|deaths?|fatalit(?:y|ies)|bodies|lost their lives|shot dead|(?:shot|stabbed|beaten|hacked) and killed|slain|massacred|beheaded|executed|lifeless|neutrali[sz]ed)",
    "fr": r"(?:tu(?:é|ée|és|ées)|morts?|mortes|décéd(?:é|ée|és|ées)|victimes mortelles|péri|abattu(?:e|s|es)?|trouvé la mort|perdu la vie|succomb(?:é|ent|ait|aient)|tombés|cadavres|corps sans vie|exécut(?:é|és|ée|ées)|neutralis(?:é|ée|és|ées))",
}
_KILLING = {
    "en": r"(?:killing(?: of)?|killed|kill|leaving|left|claimed the lives of|(?:the )?deaths? of|(?:the )?bod(?:y|ies) of|death toll (?:rose to|of|stands at|at)|toll of|execut(?:ed|ing)|behead(?:ed|ing)|massacr(?:ed|ing)|murder(?:ed|ing)|slaughter(?:ed|ing)|assassinat(?:ed|ing)|lynch(?:ed|ing)|shot dead|neutrali[sz](?:ed|ing))",
    "fr": r"(?:tuant|tué|tuer|neutralis(?:é|ant)|faisant|fait|bilan (?:de|d'au moins|s'élève à)|coûté la vie à|causant la mort de|abattu|exécut(?:é|ant)|massacr(?:é|ant)|assassin(?:é|ant)|égorg(?:é|eant)|décapit(?:é|ant))",
}
_HURT = {
    "en": r"(?:injur\w*|wound\w*|hurt|missing|abducted|kidnapped|arrested|displaced)",
    "fr": r"(?:bless\w*|disparus?|enlev\w*|arrêt\w*|déplacés)",
}
# what a number after an active verb may count that is no one ("executed 3 operations",
# "left 2 vehicles burnt", "a exécuté trois opérations")
_THINGS = {
    "en": r"(?:operations?|attacks?|raids?|strikes?|missions?|orders?|plans?|projects?|times|"
    r"vehicles?|cars?|houses?|homes?|buildings?|shops?|days?|hours?|weeks?|months?|years?)",
    "fr": r"(?:opérations?|attaques?|raids?|frappes?|missions?|ordres?|plans?|projets?|fois|"
    r"véhicules?|voitures?|maisons?|bâtiments?|boutiques?|jours?|heures?|semaines?|mois|ans)",
}
# the bodies a mass grave holds are of deaths long before: no toll of the discovery (ACLED)
_MUNITIONS = re.compile(
    r"^\s+(?:[\w'-]+\s+)?(?:obus|roquettes?|missiles?|bombes?|balles|projectiles?|drones?|"
    r"mines?|grenades?|shells?|rockets?|mortars?|mortar rounds|bombs?|bullets|grenades?|"
    r"engins?|explosifs?|IEDs?|devices?|explosives?)\b",
    re.I,
)
_BODIES = re.compile(r"\bbod(?:y|ies)\b", re.I)
_GRAVE = re.compile(r"\b(?:mass )?graves?\b|\bcharniers?\b|\bfosses? commune", re.I)
# a number that counts some of a toll told before it
_PART_OF = re.compile(
    r"\b(?:including|among them|among whom|of whom|dont|parmi eux|parmi lesquels)\s+(?:at least\s+|au moins\s+)?$",
    re.I,
)
# how far after a number its death word may come ("9 guards, among them 3 officers, had
# reportedly been slain")
_AFTER_WINDOW = 90
_TOTAL = {"en": r"\s+fatalit(?:y|ies)\b", "fr": r"\s+(?:morts?|tués)\b"}
# words between a number and its verb, maybe an acronym in brackets or a closing quote:
# "quatre VDP ont été tués", "« plusieurs terroristes » abattus", "nine VDP (militia) killed"
_FILLER = r"(?:[\w'/-]+(?:\s+\([\w .'-]{1,20}\))?(?:[\s«»\"“”]|\s[-–—]\s)+){0,7}?"
_QUALIFIER = re.compile(
    r"(?:at least|some|about|around|nearly|almost|up to|more than|over|au moins|environ|près de|plus de|quelque|une)\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Toll:
    count: int
    start: int
    end: int
    coded: bool = False  # stated as the figure to code: it replaces what was told before
    fighters: bool = False  # the dead are the attackers ("14 assailants were neutralised")


# the dead a number counts are the attacking side, in the words of those it attacked: "fourteen
# attackers", "12 terrorists", "quatorze assaillants"; they add to the toll of the attacked (not
# "fighters" or "rebels", which a note uses of either side)
_FIGHTERS = re.compile(
    r"^\s+(?:[\w'-]+\s+)?(?:attackers|assailants|terrorists|jihadists|assaillants|terroristes|"
    r"jihadistes|djihadistes)\b",
    re.I,
)


def count(sentence: str, lex: Lexicon) -> Toll | None:
    if lex.lang not in _DEATH:
        return None
    lang = lex.lang
    death = re.compile(
        rf"^[\"”»’]?\s*{_FILLER}(?:[\w'-]+,[^,.;]{{1,60}},\s*)?(?:were |was |have been |had been |ont été |a été |avaient été |avait été |sont |est |people |persons? )?(?:reportedly |allegedly |also |reportedly been |reported |confirmed )?(?P<w>{_DEATH[lang]})\b",
        re.I,
    )
    killing = re.compile(
        rf"\b{_KILLING[lang]}\s*[»\"”’]?\s+(?:at least |some |about |around |nearly |almost |up to |more than |over |between |au moins |environ |près de |plus de |entre |jusqu'à )?$",
        re.I,
    )
    hurt = re.compile(rf"^\s*{_FILLER}{_HURT[lang]}\b", re.I)
    hurt_next = re.compile(
        rf"^\s*(?!and\b|et\b)(?:[\w'-]+\s+)?(?:were |was |have been |ont été |others? |autres )?{_HURT[lang]}\b",
        re.I,
    )
    total = re.compile(_TOTAL[lang], re.I)
    things = re.compile(rf"^\s*(?:[\w'-]+\s+)?{_THINGS[lang]}\b", re.I)
    killing_one = re.compile(rf"\b{_KILLING[lang]}\s+$", re.I)

    def before_one(m: _Number) -> str:
        return sentence[max(0, m.start() - 40) : m.start()]

    coded = _CODED.get(lang)
    if lang == "en" and (e := _ESTIMATE.search(sentence)) is not None:
        return Toll(int(e.group("n")), e.start(), e.end(), coded=True)
    if coded is not None and (c := coded.search(sentence)) is not None:
        value = _value(c.group("n"), lex)
        if value is not None or c.group("n").casefold() in ("zero", "0"):
            plus = _value(c.group("plus"), lex) if c.group("plus") else None
            return Toll((value or 0) + (plus or 0), c.start(), c.end(), coded=True)
    found: list[Toll] = []
    for m in _numbers(sentence, lex):
        value = m.value
        if value == 1 and not m.text[0].isdigit() and not killing_one.search(before_one(m)):
            continue  # "un", "a", "one" are mostly articles: see _singular
        after = sentence[m.end() : m.end() + _AFTER_WINDOW]
        fighters = bool(_FIGHTERS.match(after))
        before = sentence[max(0, m.start() - 40) : m.start()]
        if _MUNITIONS.match(after):
            continue  # "plusieurs obus sont tombés", "three rockets killed": what was fired
        if _PART_OF.search(before):
            continue  # "12 guards - among them two officers - died": of the 12
        if total.match(after) and lang == "en":
            return Toll(value, m.start(), m.end() + total.match(after).end())  # type: ignore[union-attr]
        h, d = hurt.match(after), death.match(after)
        if d and _active(lang, after, d):
            d = None  # "trois hommes ont tué un policier": the number counts the killers
        if d and not (h and h.end() < d.end()):
            found.append(Toll(value, m.start(), m.end() + d.end(), fighters=fighters))
        elif _victims(lang, before, after):
            v = _VICTIMS[lang][1].match(after)
            found.append(Toll(value, m.start(), m.end() + (v.end() if v else 0), fighters=fighters))
        elif (
            (k := killing.search(before))
            and not (hurt_next.match(after) or things.match(after))
            and not (_BODIES.search(k.group()) and _GRAVE.search(sentence))
        ):
            found.append(
                Toll(value, m.start() - len(before) + k.start(), m.end(), fighters=fighters)
            )
    listed = _listed(sentence, lex)  # "killing a woman and three children"
    if listed is not None:
        found = [t for t in found if t.end <= listed.start or t.start >= listed.end]
        found = sorted([*found, listed], key=lambda t: t.start)
    if not found:
        single = _singular(sentence, lang)
        if single:
            return single
        none = lex.cues["nocasualty"].search(sentence) if "nocasualty" in lex.cues else None
        if none is not None:
            return Toll(0, none.start(), none.end())
        return None
    single = _singular(sentence, lang)  # "quatre terroristes neutralisés et un soldat tué"
    if single is not None and all(single.end <= t.start or single.start >= t.end for t in found):
        found = sorted([*found, single], key=lambda t: t.start)
    one = _AND_ONE.get(lang)
    more = one.search(sentence) if one is not None else None
    if (
        more is not None
        and any(t.start < more.start() for t in found)
        and not any(t.count == 1 and t.start <= more.start() < t.end for t in found)
    ):  # "two soldiers and a civilian were killed": the one after the count is one more
        found = sorted([*found, Toll(1, more.start(), more.end())], key=lambda t: t.start)
    return Toll(
        sum(t.count for t in found), found[0].start, found[-1].end,
        fighters=all(t.fighters for t in found),
    )  # fmt: skip


# French: an auxiliary "avoir" right before a transitive participle: the clause is active, its
# subject (the number) did the killing ("ont tué", "avaient abattu"); "ont été tués" is passive
_ACTIVE = {
    "fr": re.compile(
        r"\b(?:ont|a|avait|avaient|auraient|aurait)\s+(?:(?:également|aussi|ensuite|alors|déjà)\s+)?$(?<!été )",
        re.I,
    ),
}


_TRANSITIVE = re.compile(r"(?:tu|abattu|exécut|neutralis)", re.I)


# English: no auxiliary before the verb and an object after it ("Three gunmen killed two
# soldiers"); "Three soldiers killed in the clash" counts the dead
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|several|scores|at least|\d+)\b",
    re.I,
)
_AUXILIARY = re.compile(r"\b(?:were|was|have been|has been|had been|are|is|being)\b", re.I)


def _active(lang: str, after: str, death: re.Match[str]) -> bool:
    """Whether the death word matched in `after` (the text after a number) is an active verb
    whose subject is the number: then the number counts the killers, not the dead."""
    if lang == "en":
        return bool(
            _ACTIVE_OBJECT.match(after, death.end()) and not _AUXILIARY.search(after[: death.end()])
        )
    active = _ACTIVE.get(lang)
    word = death.group("w")
    return bool(active and _TRANSITIVE.match(word) and active.search(after[: death.start("w")]))


# "on compte une dizaine de victimes", "on déplore trois victimes": "victimes" counted in a toll
# are the dead (as in "l'attentat a fait dix victimes"); "victimes blessées" or of a crime are not
_VICTIMS = {
    "fr": (
        re.compile(
            r"\b(?:on\s+)?(?:compte|comptait|comptent|dénombre|dénombrait|déplore|déplorait|recense|recensait)"
            r"\s+(?:au moins |environ |près de |plus de )?$",
            re.I,
        ),
        re.compile(r"^\s*(?:de |d')?victimes\b(?!\s+(?:bless|légère|grave|de |d'))", re.I),
    ),
}


def _victims(lang: str, before: str, after: str) -> bool:
    pair = _VICTIMS.get(lang)
    return bool(pair and pair[0].search(before) and pair[1].match(after))


# A toll stated as the figure to code ("Fatalities coded as 0 (X reported 1)", "fatalities
# reported as half, rounded down to 3"): the coder's own conclusion, which wins.
_CODED = {
    "en": re.compile(
        r"\bfatalit(?:y|ies),? (?:are |were |was |is )?(?:coded|recorded|reported) (?:as|at) "
        r"(?:half, rounded (?:down|up) to )?(?P<n>\d+|zero|[a-z]+)\b"
        # "unknown fatalities coded at 10, in addition to 2 known fatalities": the two add up
        r"(?:,? in addition to (?P<plus>\d+|[a-z]+) (?:known|reported|confirmed) fatalit(?:y|ies))?",
        re.I,
    ),
}


# "the fatality estimate (8) for both villages", "a fatality estimate of 10": the
# coder's figure for a toll the source gave in words
_ESTIMATE = re.compile(
    r"\bfatalit(?:y|ies) estimate(?:d)? (?:of |at |as )?\(?(?P<n>\d{1,4})\)?", re.I
)


@dataclass(frozen=True, slots=True)
class _Number:
    span: tuple[int, int]
    text: str
    value: int

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]


# the last of the dead listed before a passive verb, one of them: "and a civilian were killed"
_AND_ONE = {
    "en": re.compile(
        r"\b(?:and|as well as) (?:a|an|one) (?:[\w'-]+ ){1,3}?(?:were|have been|had been) "
        r"(?:reportedly |also )?(?:killed|shot dead|executed|murdered)\b",
        re.I,
    ),
    "fr": re.compile(
        # not the "et un" of a number ("quarante et un civils")
        r"(?<!vingt )(?<!trente )(?<!quarante )(?<!cinquante )(?<!soixante )"
        r"\bet (?:un|une) (?:[\w'-]+ ){1,3}?(?:ont été|avaient été|auraient été) (?:tués|tuées|"
        r"abattus|exécutés)\b",
        re.I,
    ),
}


_DOZEN = re.compile(r"dozen|douzaines?", re.I)
_VAGUE_COUNT = re.compile(r"several|some|many|a few|few|plusieurs|quelques", re.I)
_MULTIPLIER = re.compile(r"(?:cents?|mille|hundred|thousand)", re.I)


def _numbers(sentence: str, lex: Lexicon) -> list[_Number]:
    """The quantities of the sentence. Two number words in a row are one quantity: "deux cents"
    (200), "trois mille"; and a vague word before a number qualifies it: "plusieurs dizaines",
    "several dozen" (12, ACLED's value for "dozens")."""
    out: list[_Number] = []
    # the day and year of a date are no quantity ("Bamako, 14 mars 2024 (AFP) - Douze civils")
    dated = [(d.start, d.end) for d in find_dates(sentence) if d.kind != MentionKind.WEEKDAY]
    for m in lex.number_re.finditer(sentence):
        value = _value(m.group(0), lex)
        if value is None or any(a <= m.start() and m.end() <= b for a, b in dated):
            continue
        prev = out[-1] if out else None
        if prev and not prev.text[0].isdigit() and not sentence[prev.end() : m.start()].strip():
            if _MULTIPLIER.fullmatch(m.group(0)) or (
                _DOZEN.fullmatch(m.group(0)) and not _VAGUE_COUNT.fullmatch(prev.text)
            ):  # "deux cents", "two dozen" (24); not "several dozen" (12)
                value *= prev.value
            out[-1] = _Number((prev.start(), m.end()), sentence[prev.start() : m.end()], value)
            continue
        out.append(_Number(m.span(), m.group(0), value))
    return out


_SINGULAR = {
    "en": re.compile(
        r"\b(?:killed|killing|shot dead|shot and killed|murdered|assassinated|beheaded|executed|lynched)"
        r"\s+(?:a|an|one)\s+(?!number|total|group|few|dozen|couple|series)|"
        r"\b(?:stabbed|beat|beaten|hacked|shot)\s+(?:a|an|one)\s+(?:[\w-]+\s+){1,3}?to death\b|"
        r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,8}?(?:was|has been|had been|is)\s+(?:reportedly\s+)?(?:killed|shot dead|shot and killed|shot to death|shot and died|died|murdered|found dead|beheaded|stabbed to death|beaten to death|hacked to death|lynched)\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:un|une)\s+(?:[\w'-]+\s+){0,3}?(?:a été|est|avait été)\s+(?:tué|tuée|abattu|abattue|assassiné|assassinée|retrouvée? mort)",
        re.I,
    ),
}


# The people a killing verb lists ("killing a woman and three children", "shot dead a tribal
# elder and his son", "tuant un soldat et deux civils"): each item a determiner or a number
# and its noun, the list ending where the clause goes on ("in the market", "and wounded two")
_LISTED = {
    "en": (
        re.compile(
            r"\b(?:killing|killed|shot dead|shot and killed|murdered|murdering|assassinated|"
            r"executed|executing|lynched|beheaded)\s+",
            re.I,
        ),
        re.compile(r"^(?:a|an|one|the|his|her|their|its)$", re.I),
        re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I),
        re.compile(
            r"[;.:()]|\s+(?:in|on|at|near|while|after|before|as|when|during|from|with|inside|"
            r"outside|by|who|which|that|including|among)\s+",
            re.I,
        ),
    ),
    "fr": (
        re.compile(
            r"\b(?:tuant|a tué|ont tué|avait tué|avaient tué|abattant|a abattu|ont abattu|"
            r"assassinant|a assassiné|ont assassiné|exécutant|a exécuté|ont exécuté)\s+",
            re.I,
        ),
        re.compile(r"^(?:un|une|le|la|l'|son|sa|leur)$", re.I),
        re.compile(r"\s*,\s*(?:et\s+)?|\s+et\s+", re.I),
        re.compile(
            r"[;.:()]|\s+(?:à|au|aux|dans|près|lors|alors|pendant|après|avant|avec|par|qui|"
            r"dont|parmi)\s+",
            re.I,
        ),
    ),
}
# "a number of", "a group of": no count of people
_VAGUE = re.compile(r"^(?:number|total|group|few|dozen|couple|series|lot|handful)$", re.I)


def _listed(sentence: str, lex: Lexicon) -> Toll | None:
    """The toll of two or more people a killing verb lists, each counted (ACLED adds them up)."""
    parts = _LISTED.get(lex.lang)
    if parts is None:
        return None
    verb, determiner, joint, stop = parts
    for m in verb.finditer(sentence):
        rest = sentence[m.end() :]
        clause = stop.split(rest, maxsplit=1)[0]
        counted: list[tuple[int, int, bool]] = []  # (people, end, after a comma only)
        seps = ["", *joint.findall(clause)]
        end = m.end()
        for item, sep in zip(joint.split(clause), seps, strict=False):
            words = item.split()
            if not words or re.search(rf"\b{_HURT[lex.lang]}", item, re.I):
                break  # "and two others were wounded"
            n: int | None
            if determiner.match(words[0]):  # "a shepherd", "the two men"
                if len(words) < 2 or _VAGUE.match(words[1]):
                    break
                n = (_value(words[1], lex) if len(words) > 2 else None) or 1
            else:  # "three of his sons"
                n = _value(words[0], lex)
            if n is None:
                break  # "and wounded two others": the list has ended
            end = sentence.index(item, end) + len(item)
            counted.append((n, end, not sep.strip(" ,")))
        # a list ends with "and": "killing seven soldiers, a military official said" is none
        while counted and counted[-1][2] and len(counted) > 1:
            counted.pop()
        if len(counted) >= 2:
            return Toll(sum(n for n, _, _ in counted), m.start(), counted[-1][1])
    return None


def _singular(sentence: str, lang: str) -> Toll | None:
    m = _SINGULAR[lang].search(sentence)
    return Toll(1, m.start(), m.end()) if m else None


def _value(token: str, lex: Lexicon) -> int | None:
    token = token.strip()
    if token[0].isdigit():
        digits = re.sub(r"[,. ]", "", token)
        if not digits.isdigit() or len(digits) > 5:
            return None
        value = int(digits)
        if len(token) == 4 and 1900 <= value <= 2100:  # a year, not a toll
            return None
        return value if value < 5000 else None
    return compound_value(token, lex.numbers)
