"""The date words, read once from the data files in eventdesk/data/timex/.

- `months.tsv`: `form<TAB>number<TAB>lang`, a month name or abbreviation (1 = January).
- `weekdays.tsv`: `form<TAB>number<TAB>lang`, a weekday name (0 = Monday ... 6 = Sunday).
- `pubcues.tsv`: `form<TAB>lang`, words that introduce an article's own publication date.

One row per surface form, sorted, `#` starts a comment. Forms are compared folded (`fold`):
case, accents, Arabic hamza seats and diacritics, and a trailing '.' do not matter, so the
regexes built here (`form_pattern`) match "aout", "AOÛT" and "août" alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.errors import ConfigError

LANGS = ("ar", "en", "fr")

# Letters a folded form may meet in the text in another guise (the folded letter comes first).
_VARIANTS = {
    "a": "aàâäáã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïí",
    "o": "oôöó",
    "u": "uùûüú",
    "y": "yÿ",
    "ا": "اأإآٱ",
    "و": "وؤ",
    "ي": "يىئ",
    "ه": "هة",
}
_ARABIC_MARKS = "[\u064b-\u0652\u0640]*"  # harakat and tatweel, allowed after an Arabic letter
_FOLD_EXTRA = str.maketrans({"ى": "ي", "ة": "ه", "ٱ": "ا", "\u0640": None})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Word:
    """A month or weekday as the lexicon knows it: its number and the languages that use the form."""

    number: int
    langs: frozenset[str]


def fold(text: str) -> str:
    """The comparison key of a surface form: case-folded, without accents, hamza seats or
    diacritics, single-spaced, without a trailing '.'."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.translate(_FOLD_EXTRA)).strip().rstrip(".")


def _rows(name: str, width: int) -> list[tuple[int, list[str]]]:
    text = resources.files("eventdesk.data").joinpath("timex", name).read_text("utf-8")
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != width or not all(cells):
            raise ConfigError(
                f"data/timex/{name}:{lineno}: expected {width} tab-separated fields, got {line!r}"
            )
        if cells[-1] not in LANGS:
            raise ConfigError(
                f"data/timex/{name}:{lineno}: unknown language {cells[-1]!r}; "
                f"supported: {', '.join(LANGS)}"
            )
        rows.append((lineno, cells))
    return rows


def _numbered(name: str, low: int, high: int) -> dict[str, Word]:
    words: dict[str, Word] = {}
    for lineno, (form, number, lang) in _rows(name, 3):
        if not number.isdigit() or not low <= int(number) <= high:
            raise ConfigError(
                f"data/timex/{name}:{lineno}: number {number!r} for {form!r} is not in {low}..{high}"
            )
        key = fold(form)
        old = words.get(key)
        if old is not None and old.number != int(number):
            raise ConfigError(
                f"data/timex/{name}:{lineno}: {form!r} is both {old.number} and {number}"
            )
        langs = (old.langs if old else frozenset()) | {lang}
        words[key] = Word(int(number), langs)
    return words


@cache
def months() -> dict[str, Word]:
    """Folded month form -> its number (1..12) and languages."""
    return _numbered("months.tsv", 1, 12)


@cache
def weekdays() -> dict[str, Word]:
    """Folded weekday form -> its number (0 = Monday .. 6 = Sunday) and languages."""
    return _numbered("weekdays.tsv", 0, 6)


@cache
def pubcues() -> frozenset[str]:
    """Folded publication cues ("publie le", "posted", "نشر في")."""
    return frozenset(fold(form) for _, (form, _lang) in _rows("pubcues.tsv", 2))


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    variants = _VARIANTS.get(char)
    pattern = f"[{variants}]" if variants else re.escape(char)
    if "\u0600" <= char <= "\u06ff":
        pattern += _ARABIC_MARKS
    return pattern


def form_pattern(forms: frozenset[str] | set[str] | dict[str, Word]) -> str:
    """A regex (no groups, for re.IGNORECASE) matching any of the folded `forms` as the text may
    spell them. The alternatives are laid out as a trie, so matching does not try each form in
    turn, and a longer form wins over its prefix ("sept" / "septembre")."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def initials(forms: frozenset[str] | set[str] | dict[str, Word]) -> str:
    """The body of a character class holding every letter a match of `form_pattern(forms)` can
    start with (for a cheap look-ahead before trying the whole pattern)."""
    chars = {char for form in forms for char in _VARIANTS.get(form[:1], form[:1])}
    return "".join(re.escape(char) for char in sorted(chars))


def _render(node: dict[str, dict]) -> str:
    branches = [
        _char_pattern(char) + _render(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body
