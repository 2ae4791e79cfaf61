"""People's names in running text, so that the gazetteer does not read them as places.

"M. Arthur Laurent", "Madame Anna Laura Sauvage", "la journaliste Auguste Ferreira", "Cammie
White, un pilote", "une fillette nommée Eloïse": the capitalised words of a name introduced by a
title, a role noun or a naming verb, or followed by an apposition that describes a person, are
no place; nor are those words where the text repeats them later ("Mme Sauvage"). The words that
introduce a name are data: `eventdesk/data/code/persons_<lang>.tsv`.

`mask(text, lang)` returns the text with those names blanked out (same length, so offsets hold).
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.lexicon import rows

KINDS = ("title", "role", "named")
# A capitalised word ("Jean-Marc", "al-Kadhimi", "N'Diaye") or an initial ("J.").
_NAME_WORD = r"(?:[A-Z]\.|(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-ZÀ-ÖØ-Þ][\w’']*(?:-[\w’']+)*)"
_PARTICLE = r"(?:de|da|dos|das|do|du|van|von|der|den|di|del|della|ben|bin|ibn|al|el|le|la|abou|abu)"
# One to four capitalised words, with the particles that live inside names ("Da Silva" is two).
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_WORD}){{0,3}}"
# Capitalised words that open a sentence, not a name ("En Australie, l'économiste ...").
_FUNCTION = (
    r"(?:À|A|Au|Aux|Après|Avant|Chez|Dans|De|Depuis|Des|Du|En|Entre|La|Le|Les|Lors|Par|Pour|"
    r"Près|Selon|Sur|Un|Une|Vers|In|At|On|The|From|Near)"
)
_MIN_REPEAT = 3  # a name word shorter than this is not looked for elsewhere in the text


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    try:
        table = rows(f"persons_{lang}.tsv", 2)
    except FileNotFoundError:
        return ()
    words: dict[str, list[str]] = {k: [] for k in KINDS}
    for pattern, kind in table:
        words.setdefault(kind, []).append(pattern)
    out = []
    # A title is capitalised and precedes the name: "M. Diallo", "Madame Anna Sauvage".
    if words["title"]:
        titles = "|".join(words["title"])
        out.append(rf"(?<![\w.])(?i:{titles})[ \u00a0]+(?P<name>{_NAME})")
    # A role noun precedes the name in apposition: "la journaliste Auguste Ferreira".
    if words["role"]:
        roles = "|".join(words["role"])
        out.append(rf"(?i:\b(?:{roles})),?[ \u00a0]+(?P<name>{_NAME})")
        # Or follows it after a comma: "Cammie White, un pilote d'hélicoptère" (but not "En
        # Australie, l'économiste Jully Davis": the role there precedes a name of its own).
        out.append(
            rf"(?<![\w’'-])(?!{_FUNCTION}\b)"
            rf"(?P<name>{_NAME_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_WORD}){{1,3}})"
            rf",[ \u00a0]*(?i:(?:(?:un|une|le|la|l[’']|notre|son|sa)\s*)?"
            rf"(?:jeune\s+|ancien\s+|ancienne\s+)?(?:{roles}))\b(?![ \u00a0,]+[A-ZÀ-ÖØ-Þ])"
        )
    if words["named"]:
        out.append(rf"(?i:\b(?:{'|'.join(words['named'])}))[ \u00a0]+(?P<name>{_NAME})")
    return tuple(re.compile(p) for p in out)


def spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every person's name the text introduces, and of its later repetitions."""
    found: list[tuple[int, int]] = []
    for rx in _patterns(lang):
        for m in rx.finditer(text):
            found.append(m.span("name"))
    words = {
        w
        for a, b in found
        for w in re.split(r"[ \u00a0]+", text[a:b])
        if len(w.strip(".")) >= _MIN_REPEAT and w[:1].isupper()
    }
    if words:
        alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        found.extend(m.span() for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text))
    return sorted(set(found))


def mask(text: str, lang: str) -> str:
    """The text with people's names replaced by spaces."""
    chars = list(text)
    for a, b in spans(text, lang):
        chars[a:b] = " " * (b - a)
    return "".join(chars)
