"""What the fuse stage reads in a text: names and numbers that survive translation, content words,
and a MinHash signature (datasketch) of a document for finding its reprints.

- `anchors(text)`: numbers and proper names, each name reduced to a consonant skeleton so that
  the spellings of one name in French, English and transliterated Arabic meet ("Nassiriya",
  "Nasiriyah" -> "nsry"). These are what a translation keeps.
- `words(text)`: folded content words, for comparing two texts of one language.
- `signature(text)`: MinHash of the word 3-shingles (same-language reprints and wire copies).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import numpy as np
from datasketch import MinHash
from unidecode import unidecode

from eventdesk.fuse.profiles import fold

NUM_PERM = 64
_SEED = 20261124
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,\s]\d{3})*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")
_SENTENCE_END = re.compile(r"[.!?:\n\"«»]\s*$")
SKELETON = 4  # characters of a name's skeleton kept


def skeleton(word: str) -> str:
    """A name's consonants, repeated letters once, a final h dropped: "Babylone" -> "bbln" ->
    "bln"; "Diwaniyah" -> "dwn"."""
    latin = fold(unidecode(word)).replace("'", "").replace("-", "")
    if latin.endswith("h") and len(latin) > 3:
        latin = latin[:-1]
    cons = _REPEAT.sub(r"\1", _VOWELS.sub("", latin[1:]))
    return (latin[:1] + cons)[:SKELETON] if latin else ""


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised in English, not in French, so not anchors."""
    out: set[str] = set()
    for name in ("months.tsv", "weekdays.tsv"):
        text = resources.files("eventdesk.data").joinpath("timex", name).read_text("utf-8")
        out.update(
            fold(line.split("\t")[0]).rstrip(".")
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return frozenset(out)


def anchors(text: str, sentence_starts: bool = False) -> frozenset[str]:
    """Numbers ("#12") and proper names (as skeletons) of a text; a capitalised word that opens a
    sentence counts only with `sentence_starts`."""
    out: set[str] = set()
    calendar = _calendar_words()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            out.add("#" + re.sub(r"\D", "", token).lstrip("0"))
            continue
        if not token[0].isupper() or len(token) < 3:
            continue
        if fold(token) in calendar or not sentence_starts and _sentence_start(text, m.start()):
            continue
        key = skeleton(token)
        if len(key) >= 2:
            out.add(key)
    return frozenset(out)


# a preposition of place, then a capitalised name: "in Kakapora", "près de Boulkessi"
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|around|of|from|à|a|près d[e']|dans|vers|de|du|des|aux|au|en)\s+"
    r"(?:the\s+|la\s+|le\s+|l')?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)


def places(text: str) -> frozenset[str]:
    """The names a text gives after a preposition of place, each as the skeletons of its words."""
    calendar = _calendar_words()
    out = set()
    for m in _LOCATIVE.finditer(text):
        words = [w for w in m.group("name").split() if fold(w) not in calendar]
        keys = [skeleton(w) for w in words]
        keys = [k for k in keys if len(k) >= 2]
        if keys:
            out.add(" ".join(keys))
    return frozenset(out)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset]
    return offset == 0 or bool(_SENTENCE_END.search(before))


def words(text: str) -> frozenset[str]:
    """Folded words of five letters or more: the content words of a text in its language."""
    return frozenset(w for w in (fold(t) for t in _TOKEN.findall(text)) if len(w) >= 5)


def length(text: str) -> int:
    """Words of a text."""
    return sum(1 for _ in _TOKEN.finditer(text))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32").permutations  # type: ignore[no-any-return]


def signature(text: str) -> tuple[int, ...]:
    """MinHash (64 permutations) of a text's word 3-shingles."""
    tokens = [fold(t) for t in _TOKEN.findall(text)]
    shingles = {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(max(1, len(tokens) - 2))}
    m = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme="affine32")
    m.update_batch(sorted(shingles))
    return tuple(int(v) for v in m.hashvalues)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets two signatures were made from."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
