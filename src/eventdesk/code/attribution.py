"""Who a sentence says told it: the source of its reporting clause.

"..., the army said", "..., an Iraqi security official told AFP", "according to local
sources", "selon l'armée", "..., ont indiqué lundi des sources locales", "», a déclaré à l'AFP un
élu local". `sources(sentence, lang)` returns the spans of those sources (offsets into the
sentence), so that the coder can name the reporter (`reported_by`) and keep a reporter out of
the incident's sides: the army that announces a soldier's death by a mine did not lay it.

The named outlets after "according to", "selon", "a-t-on appris de" (facts._REPORTER) are read
first; these patterns add the sources a news agency names by their office ("the army", "a
security official", "des sources sécuritaires").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SAY_EN = r"(?:said|says|told|stated|added|tweeted|wrote)"
_SAY_FR = (
    r"(?:indiqué|déclaré|affirmé|annoncé|précisé|rapporté|ajouté|expliqué|assuré|confirmé|"
    r"dit|raconté|souligné|rapporte|indique|affirme|précise|annonce|déclare|explique|ajoute|"
    r"souligne|poursuit|indiquent|précisent|affirment|ajoutent|rapportent)"
)
# an auxiliary or a verb of saying inside the words would make them a clause, not a source
_NOT_IN_NP = r"(?!(?:said|says|told|were|was|is|are|been|being|had|has|have|will|would)\b)"
# the source itself: up to eight words, no comma or clause break inside
_NP_EN = (
    r"(?P<np>(?:the |a |an )?" + _NOT_IN_NP + r"[\w'’.-]+(?: " + _NOT_IN_NP
    + r"[\w'’.()-]+){0,7}?)"
)  # fmt: skip
_NP_FR = (
    r"(?P<np>(?:l'|l’|le |la |les |des |du |un |une |de |d'|d’)?[\w'’.-]+"
    r"(?: (?!qui\b|dont\b|à\b|au\b|dans\b|lors\b|après\b|avant\b)[\w'’.()-]+){0,7}?)"
)
_END = (
    r"(?=\s*(?:[,.;:»\"”]|$|\s(?:on|in|at|that|late|early|after|from|via|dans|à|au|par|en|lors|"
    r"sous|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b))"
)
_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|morning|evening|afternoon)"
)
_WHEN_EN = r"(?:(?:on |late |early |last )?(?:\w+ )?" + _DAY + r"\s+)?"
# what may follow a closing "said" in the same clause: a time, a medium, whom it was told
_SAID_TAIL = (
    r"(?:\s+(?:(?:on |late |early |last )?(?:\w+ )?" + _DAY + r"|(?:in|on|via|to) (?:a |an |the |"
    r"its |his |her |their )?[\w-]+(?: [\w-]+)?)){0,2}\s*(?:[.;,»\"”]|$)"
)
# what may stand between a reporting subject's verb and its own deed: "said on Wednesday it ..."
_SAID_OWN = (
    r"(?!\s+(?:(?:on |late |last )?(?:\w+ )?" + _DAY + r"\s+)?"
    r"(?:(?:in|on|via) (?:a |an |its |their )?[\w-]+(?: [\w-]+)?\s+)?(?:that\s+)?"
    r"(?:it|they|he|she|we|its|their|his|her|the group)\b)"
)

_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], bool], ...]] = {
    # (pattern, whether its source is the sentence's subject)
    "en": (
        # "according to local sources", "citing a security official"
        # "according to a tally by the health ministry": whose tally it is
        (re.compile(r"\b(?i:according to|citing)\s+(?:a|an|the|its) (?:tally|statement|report|"
                    r"count|toll)(?: [\w'’-]+){0,2}? (?:by|from|of)\s+" + _NP_EN + _END), False),
        (re.compile(r"\b(?i:according to|citing|quoting|as reported by)\s+(?!(?:a|an|the|its) "
                    r"(?:tally|statement|report|count|toll)(?: [\w'’-]+){0,2}? (?:by|from|of)\s)"
                    + _NP_EN + _END), False),
        # "..., the army said.", "..., an official told AFP", "..., police said on Sunday"
        (re.compile(r"[,—–]\s*" + _NP_EN + r"\s+(?:also |later |previously )?(?:said|says|"
                    r"stated|added|reported)" + _SAID_TAIL), False),
        (re.compile(r"[,—–]\s*" + _NP_EN + r"\s+told\s+(?:[\w.-]+\s*){1,3}(?:[.;,»\"”]|$)"),
         False),
        # "..., said the army"
        (re.compile(r"[,—–]\s*" + _SAY_EN + r"\s+" + _WHEN_EN + _NP_EN + _END), False),
        # "The SDF said Turkish artillery shelled ...", "Police accused gunmen of ...": a
        # subject that reports another's deed (not "The army said it ...": its own)
        (re.compile(r"^" + _NP_EN + r"\s+(?:also |later |on \w+ )?(?:said|says|stated|"
                    r"accused(?! of\b))\b" + _SAID_OWN), True),
    ),
    "fr": (
        # "selon l'armée", "d'après des sources locales", "de source sécuritaire"
        # "selon un bilan communiqué mercredi par le Réseau ...": whose tally it is
        (re.compile(r"\b(?i:selon|d'après|d’après)\s+(?:un|le|son) (?:bilan|communiqué|rapport|"
                    r"décompte)(?: [\w'’-]+){0,2}? (?:par|de|du|des|d'|d’)\s*" + _NP_FR + _END),
         False),
        (re.compile(r"\b(?i:selon|d'après|d’après)\s+(?!(?:un|le|son) (?:bilan|communiqué|"
                    r"rapport|décompte)(?: [\w'’-]+){0,2}? (?:par|de|du|des|d'|d’))" + _NP_FR
                    + _END), False),
        # "de source sécuritaire", "a-t-on appris de sources locales": the sources are the words
        (re.compile(r"\b(?i:de|des|auprès de) (?P<np>sources? [\w'’-]+(?: (?:et )?[\w'’-]+){0,3}?)"
                    + _END), False),
        # "..., a indiqué l'armée", "», a déclaré à l'AFP un élu local", "ont indiqué lundi
        # des sources locales"
        (re.compile(
            r"[,»\"”]\s*(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on))?\s+)?" + _SAY_FR
            + r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|encore|"
            r"également|aussi|samedi soir|dimanche soir))?"
            r"(?:\s+(?:à|au|aux)\s+(?:l'|l’|la |le |les )?[\w.-]+)?"
            r"(?:\s+(?:sous couvert d'anonymat|sous le couvert de l'anonymat))?\s+" + _NP_FR + _END
        ), False),
        # "L'armée a indiqué que des assaillants ...", "Le JNIM a accusé l'armée de ..."
        (re.compile(
            r"^" + _NP_FR + r"\s+(?:a|ont)\s+(?:indiqué|affirmé|déclaré|accusé|dénoncé|assuré)\b"
            r"(?!\s+(?:qu'|que\s+)?(?:il|ils|elle|elles|ses|leurs?|son|sa|le groupe)\b)"
        ), True),
    ),
}  # fmt: skip
_ARTICLE = re.compile(r"^(?:(?:the|an|a|le|la|les|des|du|une|un|de)\s+|l'|l’|d'|d’)", re.I)
# what no reporter is: a pronoun, a time, a bare verb's object
_NOT_SOURCE = re.compile(
    r"^(?:it|they|he|she|we|this|that|there|il|elle|ils|elles|on|ce|cela|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|hier|today|yesterday)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Source:
    start: int  # offsets into the sentence
    end: int
    text: str  # the source without its article: "army", "Syrian Observatory for Human Rights"
    subject: bool  # the sentence's subject ("The SDF said ..."), not a closing clause


def sources(sentence: str, lang: str) -> list[Source]:
    """The sources the sentence's reporting clauses name, in text order."""
    out: list[Source] = []
    for rx, subject in _PATTERNS.get(lang, ()):
        for m in rx.finditer(sentence):
            start, end = m.span("np")
            while end > start and sentence[end - 1] in ".,":
                end -= 1  # the full stop that ends the sentence
            words = sentence[start:end]
            bare = _ARTICLE.sub("", words).strip(" .,'’")
            if not bare or _NOT_SOURCE.match(bare):
                continue
            if any(s.start < end and start < s.end for s in out):
                continue
            out.append(Source(start, end, bare, subject))
    return sorted(out, key=lambda s: s.start)
