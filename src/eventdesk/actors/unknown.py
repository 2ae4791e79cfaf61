"""Names of armed groups the registry does not know, read verbatim where a text says they are
one: next to the words of group_words_<lang>.tsv ("Lakurawa militants", "les combattants de la
katiba Serma", "a group calling itself X", "X claimed responsibility"), and not part of a known
actor's mention. The code stage keeps them (with their sentence) so that a curator can list them
(`eventdesk actors unknown`) and add them (`eventdesk actors add`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from eventdesk.actors import registry
from eventdesk.actors.mention import ActorMention

# a name: capitalised words, with the small words names carry ("Ansar al-Islam", "Katiba Serma",
# "Jama'at Nusrat al-Islam wal-Muslimin"); at most six words
_SMALL = r"(?:al|el|ad|ash|as|ul|wal|wa|bin|ibn|de|du|des|la|le|of|the|and)"
_WORD = r"(?:(?:al|el|ad|ash|as|wal)-)?[A-Z][\w'’-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_SMALL}\s+)?{_WORD}){{0,5}}"


@dataclass(frozen=True, slots=True)
class UnknownName:
    start: int  # offsets into the text
    end: int
    name: str  # verbatim


@cache
def _rows(lang: str) -> tuple[tuple[str, str], ...]:
    try:
        return tuple((w, p) for w, p in registry.data_rows(f"group_words_{lang}.tsv", 2))
    except FileNotFoundError:
        return ()


@cache
def _not_names(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w, p in _rows(lang) if p == "not-a-name")


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    rows = _rows(lang)
    before = sorted((w for w, p in rows if p == "before"), key=len, reverse=True)
    after = sorted((w for w, p in rows if p == "after"), key=len, reverse=True)

    def words(ws: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)

    out = []
    if before:  # "fighters of X", "la katiba X" ("d'" and "l'" need no space after them)
        out.append(
            re.compile(
                rf"\b(?i:{words(before)})(?:\s+|(?<='))(?:(?:the|la|le|les)\s+|l['’])?"
                rf"(?P<name>{_NAME})"
            )
        )
    if after:  # "X militants"
        out.append(re.compile(rf"(?P<name>{_NAME})\s+(?i:{words(after)})\b"))
    return tuple(out)


def unknown_names(
    text: str, lang: str, known: Sequence[ActorMention], elsewhere: Sequence[tuple[int, int]] = ()
) -> list[UnknownName]:
    """The group names a text gives that no known actor mention covers, nor any span of
    `elsewhere` (places, people): verbatim, in text order, each once per position."""
    taken = [(m.start, m.end) for m in known] + list(elsewhere)
    found: dict[tuple[int, int], UnknownName] = {}
    for pattern in _patterns(lang):
        for m in pattern.finditer(text):
            start, end = m.span("name")
            name = _trim(m.group("name"))
            end = start + len(name)
            if not _plausible(name, _not_names(lang)) or any(
                s < end and start < e for s, e in taken
            ):
                continue
            found.setdefault((start, end), UnknownName(start, end, name))
    return sorted(found.values(), key=lambda u: u.start)


_LEADING = re.compile(r"^(?:The|Les?|La|L'|Des|Un|Une|A|An)\s+")
_TRAILING = re.compile(r"\s+(?:of|the|de|du|des|la|le|and)$")


def _trim(name: str) -> str:
    while True:
        trimmed = _TRAILING.sub("", name)
        if trimmed == name:
            return name
        name = trimmed


# "Iran-aligned militias", "Turkish-backed fighters": who backs them, not their name
_DESCRIBED = re.compile(r"-(?:aligned|backed|led|linked|affiliated|allied|supported|based)$", re.I)


def _plausible(name: str, not_names: frozenset[str]) -> bool:
    """A name, not an article, a pronoun or a number that opens a sentence, nor a description."""
    bare = _LEADING.sub("", name)
    if len(bare) < 3 or bare != name or _DESCRIBED.search(name):
        return False
    return name.split()[0].casefold() not in not_names
