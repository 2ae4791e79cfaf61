"""A toll split across places, as incident notes state it: "Unknown fatalities coded as ten and
split between A, B and C. A 4, B 3 and C 3", "Fatalities are split 3 for A, and 2 each for B and
C", "with A allocated 4 and B and C each allocated 3", "4 in A and 2 in B".

`shares(text)` reads, in the sentences that split or allocate a toll, the number each place is
given; the event coded at that place takes it instead of the whole toll. `split_count(text)`:
the number of places a note says its toll is split evenly across ("a toll of 9, split across
three villages", "the estimate, divided equally among 4 sites"). English only: the
phrasing is that of ACLED's notes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventdesk.code.sentences import split
from eventdesk.geo.fold import fold

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_N = r"(\d{1,3}|" + "|".join(_NUMBERS) + r")"
_WORD = r"(?:(?:al|el|as|ash|ad|ar|an|at|az)[- ])?[A-Z'‘’][\w'‘’-]*"
_PARTICLE = r"(?:al|el|ash|as|ad|ar|an|at|az|de|del|of)\b"
_BARE = rf"{_WORD}(?:[ -](?:{_WORD}|{_PARTICLE}))*"
_NAME = rf"({_BARE})"
_NAMES = rf"((?:{_BARE}(?:,\s*(?:and\s+)?|\s+and\s+))*){_NAME}"
_SPLIT = re.compile(r"\b(?:split|allocated|coded in|coded to)\b", re.I)
# "2 each for B, C and D", "five each, between B and C", "B and C each allocated 3"
_EACH_BEFORE = re.compile(
    rf"\b{_N}\s+(?:fatalities\s+)?each,?\s+(?:for|to|in|between)\s+{_NAMES}", re.I
)
_EACH_AFTER = re.compile(rf"{_NAMES}\s+each\s+(?:allocated|coded(?: as)?)\s+{_N}\b")
# "3 for A", "4 fatalities allocated to A", "4 in A", "3 coded in A"
_BEFORE = re.compile(
    rf"\b{_N}\s+(?:fatalities\s+)?(?:(?:allocated|coded)\s+)?(?:for|to|in)\s+(?:the\s+)?{_NAME}"
)
# "A 4", "A allocated 4", "A: 4"
_AFTER = re.compile(rf"{_NAME}(?:\s+allocated|:)?\s+{_N}\b(?!\s*(?:km|kilomet|miles?|%))")


@lru_cache(maxsize=64)
def shares(text: str) -> dict[str, int]:
    """Folded place name -> the number of fatalities a note allocates to it (cached: each event
    of a document asks; read it, do not change it)."""
    out: dict[str, int] = {}
    sentences = [text[a:b] for a, b in split(text)]
    for k, said in enumerate(sentences):
        if not _SPLIT.search(said):
            continue
        # the shares may follow in a sentence of their own ("... split between A and B. A 4,
        # B 6.")
        sentence = said + " " + (sentences[k + 1] if k + 1 < len(sentences) else "")
        for rx, names_at, number_at in ((_AFTER, 1, 2), (_BEFORE, 2, 1)):
            for found in rx.finditer(sentence):
                out.setdefault(fold(found.group(names_at)), _value(found.group(number_at)))
        for rx, each_first in ((_EACH_BEFORE, True), (_EACH_AFTER, False)):
            for found in rx.finditer(sentence):
                number = _value(found.group(1 if each_first else found.lastindex or 1))
                for name in re.findall(_BARE, found.group(0)):
                    out[fold(name)] = number
    return {k: v for k, v in out.items() if k and k not in _NOT_PLACES}


_NOT_PLACES = frozenset({"the", "a", "an", "fatalities", "casualties", "unknown", "total"})


def _value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS[token.lower()]


_EVENLY = re.compile(
    r"\b(?:split|spread|divided|distributed)(?:\s+(?:evenly|equally))?\s+(?:across|between|among"
    r"|over)\s+(?:the\s+)?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:locations"
    r"|events|areas|places|villages|sites|towns|fronts|districts|provinces|governorates)\b",
    re.I,
)


def split_count(text: str) -> int | None:
    """The number of places a note says its toll is divided evenly across, if it says so."""
    found = _EVENLY.search(text)
    if found is None:
        return None
    n = _value(found.group(1))
    return n if n >= 2 else None
