"""The fuse stage's word lists (eventdesk/data/fuse, and the month, weekday and demonym lists of
other stages), read once."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from eventdesk.fuse.profiles import fold

LANGUAGES = ("en", "fr")  # the languages with concepts and place words


def _rows(*path: str) -> list[list[str]]:
    files = resources.files("eventdesk.data").joinpath(*path[:-1])
    if not files.joinpath(path[-1]).is_file():
        return []
    text = files.joinpath(path[-1]).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised in English, not in French, so not names."""
    return frozenset(
        fold(row[0]).rstrip(".") for name in ("months.tsv", "weekdays.tsv")
        for row in _rows("timex", name)
    )  # fmt: skip


@cache
def demonyms() -> frozenset[str]:
    """Words for a country's people ("Nigerien", "malien"): they name no place."""
    return frozenset(
        fold(row[0]) for lang in LANGUAGES for row in _rows("actors", f"demonyms_{lang}.tsv")
        if " " not in row[0]
    )  # fmt: skip


@cache
def place_words(role: str) -> tuple[str, ...]:
    """The words of one role in every language's places file (data/fuse/README.md)."""
    return tuple(
        sorted({row[0] for lang in LANGUAGES for row in _rows("fuse", f"places_{lang}.tsv")
                if row[1].strip() == role})
    )  # fmt: skip


@cache
def concept_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(concept, pattern of its words) of a language's concepts file."""
    by_concept: dict[str, list[str]] = {}
    for row in _rows("fuse", f"concepts_{language}.tsv"):
        by_concept.setdefault(row[1].strip(), []).append(row[0])
    return tuple(
        (c, re.compile(r"\b(?:" + "|".join(ps) + r")\b", re.IGNORECASE))
        for c, ps in sorted(by_concept.items())
    )


@cache
def actor_words() -> frozenset[str]:
    """The capitalised words of the actor registry's aliases and demonyms ("Dinka", "Fulani",
    "Houthi", "Nigerian"): names of who acted, compared as actors, not as details."""
    words: set[str] = set()
    for lang in LANGUAGES:
        for name in (f"aliases_{lang}.tsv", f"demonyms_{lang}.tsv"):
            for row in _rows("actors", name):
                words.update(w for w in re.findall(r"[^\W\d_]+", row[0]) if w[:1].isupper())
    return frozenset(words)
