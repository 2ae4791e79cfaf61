"""Tokens and their lookup keys: case, accents, Arabic spelling variants and clitics.

A key is what a token is compared on. Latin tokens are casefolded and lose their accents
("Armée" and "armee" meet), except acronyms ("IS", "FAMa": two capitals or more), which keep
their exact form so that the English word "is" never reads as the Islamic State. Arabic
tokens lose their short vowels and tatweel, unify alef, yeh and teh marbuta, and drop the
article "ال"; the first token of a match may also carry the clitics و ف (and, then) and
ب ك ل (with, like, for), ل + ال being written لل.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
TOKEN_RE = re.compile(rf"[\w{_ARABIC_MARKS}]+")
_MARKS_RE = re.compile(f"[{_ARABIC_MARKS}]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# What may separate the words of one name: spaces, hyphens, apostrophes, slashes.
_GAP_RE = re.compile(r"[\s\-\u2010-\u2013'\u2019/]+")
_INITIAL_GAP_RE = re.compile(r"\.[\s\-]?")


def is_arabic(token: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in token)


def _is_acronym(token: str) -> bool:
    return sum(ch.isupper() for ch in token) >= 2


def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFD", token.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _arabic(token: str) -> str:
    """Arabic spelling without vowels and variants, before the article is removed."""
    return _MARKS_RE.sub("", token).translate(_ALEF)


def _no_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=65536)
def alias_key(token: str) -> str:
    """The key of one token of an alias as written in the data files."""
    if is_arabic(token):
        return _no_article(_arabic(token))
    return "=" + _fold(token) if _is_acronym(token) else _fold(token)


@lru_cache(maxsize=65536)
def text_keys(token: str) -> tuple[str, ...]:
    """The keys a token of running text may match (its folded form, and its exact acronym form)."""
    if is_arabic(token):
        return (_no_article(_arabic(token)),)
    folded = _fold(token)
    return (folded, "=" + folded) if _is_acronym(token) else (folded,)


@lru_cache(maxsize=65536)
def first_keys(token: str) -> tuple[tuple[str, int], ...]:
    """Keys for the first token of a match, each with the number of characters of `token` to
    skip (Arabic clitics stay outside the mention's span)."""
    if not is_arabic(token):
        return tuple((k, 0) for k in text_keys(token))
    bare = _arabic(token)
    out = [(_no_article(bare), 0)]
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ك", "ل"):
            prefix = conj + prep
            if not prefix or not bare.startswith(prefix) or len(bare) - len(prefix) < 2:
                continue
            rest = bare[len(prefix) :]
            out.append((_no_article(rest), _skip(token, len(prefix))))
            if prep == "ل" and rest.startswith("ل"):  # لل = ل + ال
                out.append((_no_article("ا" + rest), _skip(token, len(prefix))))
    return tuple(dict.fromkeys(out))


def _skip(token: str, letters: int) -> int:
    """Characters of `token` covering its first `letters` letters (marks do not count)."""
    seen = 0
    for i, ch in enumerate(token):
        if seen == letters:
            return i
        if not _MARKS_RE.match(ch):
            seen += 1
    return len(token)


def gap_ok(gap: str, previous: str) -> bool:
    """Whether `gap` may separate two words of one name (a dot only after an initial: "U.S.")."""
    if _GAP_RE.fullmatch(gap):
        return True
    return len(previous) == 1 and _INITIAL_GAP_RE.fullmatch(gap) is not None


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.group()


def alias_tokens(alias: str) -> tuple[str, ...]:
    return tuple(alias_key(t) for _, _, t in tokens(alias))
