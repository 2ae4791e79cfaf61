"""The places a text names as where something happened ("in X", "near X", "the area of X",
"attacked X", "X village"), each as the skeletons of its own words (`text.skeleton`); the words
around names are data (data/fuse/places_<lang>.tsv)."""

from __future__ import annotations

import re
from functools import cache

from eventdesk.fuse import lexicon
from eventdesk.fuse.profiles import fold
from eventdesk.fuse.text import skeleton


def _alternatives(role: str) -> str:
    words = sorted(lexicon.place_words(role), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    article = _alternatives("article") + "-"
    word = rf"(?:{article})?[A-Z][\w'’-]+"
    name = rf"(?P<name>{word}(?:[^\S\n]+{word})*)"
    before = (
        rf"\b(?:{_alternatives('at')}|{_alternatives('struck')}"
        rf"|{_alternatives('kind-of')}\s+{_alternatives('of')})"
    )
    # "d'" and "l'" end with an apostrophe: no space needed before the name
    locative = re.compile(before + r"(?:\s+|(?<='))(?:the\s+|la\s+|le\s+|l')?" + name)
    kind_after = re.compile(rf"\b{name}[^\S\n]+{_alternatives('kind-after')}\b")
    return locative, kind_after


def name_keys(name: str) -> tuple[str, ...]:
    """The skeletons of a place name's own words (no article, no "State" or "Province"):
    "Jisr ash Shughur" -> ("jsr", "cgr"); "Zamfara State" -> ("zmfr",)."""
    articles, generic = set(lexicon.place_words("article")), set(lexicon.place_words("generic"))
    keys = []
    for word in name.replace("-", " ").split():
        if word.lower() in articles or word in generic or word.title() in generic:
            continue
        key = skeleton(word)
        if len(key) >= 2:
            keys.append(key)
    return tuple(keys)


def places(text: str) -> frozenset[str]:
    """The names a text gives as where something happened, each as its words' skeletons."""
    calendar, demonyms = lexicon.calendar_words(), lexicon.demonyms()
    out = set()
    for pattern in _patterns():
        for m in pattern.finditer(text):
            words = [w for w in m.group("name").split() if fold(w) not in calendar]
            if not words or words[0].isupper() or fold(words[0].split("-")[-1]) in demonyms:
                continue  # an acronym ("à l'AFP"), a people ("in the Nigerien town of Bosso")
            keys = name_keys(" ".join(words))
            if keys:
                out.add(" ".join(keys))
    return frozenset(out)
