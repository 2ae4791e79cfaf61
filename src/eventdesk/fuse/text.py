"""What the fuse stage reads in a text: names and numbers that survive translation, concepts,
and a MinHash signature (datasketch) of a document for finding its reprints.

- `anchors(text)`: numbers and proper names, each name reduced to a consonant skeleton so that
  the spellings of one name in French, English and transliterated Arabic meet ("Nassiriya",
  "Nasiriyah" -> "nsry"). These are what a translation keeps.
- `concepts(text, language)`: who, where, by what means, over what (data/fuse/concepts_*.tsv).
- `places(text)` (in `fuse.places`): the names a text gives as where something happened.
- `signature(text)`: MinHash of the word 3-shingles (same-language reprints and wire copies).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from datasketch import MinHash
from unidecode import unidecode

from eventdesk.fuse import lexicon
from eventdesk.fuse.profiles import fold

NUM_PERM = 64
_SEED = 20261124
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,\s]\d{3})*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")
_SENTENCE_END = re.compile(r"[.!?:\n\"«»]\s*$")
SKELETON = 4  # characters of a name's skeleton kept


# spellings of one sound in French, English and Italian transliterations ("Choughour" /
# "Shughur", "Djibo" / "Jibo", "Irak" / "Iraq", "Mogadiscio" / "Mogadishu")
_DIGRAPHS = (("tch", "c"), ("ch", "c"), ("sh", "c"), ("sci", "ci"), ("sce", "ce"), ("dj", "j"),
             ("kh", "k"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"))  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s$")


@cache
def article_prefix() -> re.Pattern[str]:
    """The article of a transliterated Arabic name, with its hyphen: "al-", "ash-"."""
    return re.compile(r"^(?:" + "|".join(lexicon.place_words("article")) + r")-(?=[A-Z])")


def skeleton(word: str) -> str:
    """A name's consonants, repeated letters once, a final h dropped, transliteration digraphs
    as one letter: "Babylone" -> "bbln" -> "bln"; "Diwaniyah" -> "dwn"; "Iraq's" -> "irk"."""
    latin = fold(unidecode(_POSSESSIVE.sub("", word))).replace("'", "").replace("-", "")
    if latin.endswith("h") and len(latin) > 3:
        latin = latin[:-1]
    for spelled, sound in _DIGRAPHS:
        latin = latin.replace(spelled, sound)
    cons = _REPEAT.sub(r"\1", _VOWELS.sub("", latin[1:]))
    return (latin[:1] + cons)[:SKELETON] if latin else ""


def anchors(text: str, sentence_starts: bool = False, acronyms: bool = True) -> frozenset[str]:
    """Numbers ("#12") and proper names (as skeletons) of a text; a capitalised word that opens a
    sentence counts only with `sentence_starts`, an acronym ("LNA", "JNIM": mostly the name of
    an armed group or a party) only with `acronyms`."""
    out: set[str] = set()
    calendar = lexicon.calendar_words()
    generic = set(lexicon.place_words("generic"))
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            out.add("#" + re.sub(r"\D", "", token).lstrip("0"))
            continue
        article = article_prefix().match(token)
        if article:  # "al-Mayadin", "ash-Shughur": the name after its article
            token = token[article.end() :]
        if not token[:1].isupper() or len(token) < 3:
            continue
        if fold(token) in calendar or not sentence_starts and _sentence_start(text, m.start()):
            continue
        if token in generic or not acronyms and token.isupper():
            continue
        key = skeleton(token)
        if len(key) >= 2:
            out.add(key)
    return frozenset(out)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset]
    return offset == 0 or bool(_SENTENCE_END.search(before))


def concepts(text: str, language: str | None) -> frozenset[str]:
    """The concepts ("who:students", "at:market", "by:ambush", "over:pay") a text tells, in its
    language's words (every language's when it is not known)."""
    languages = (language,) if language in lexicon.LANGUAGES else lexicon.LANGUAGES
    return frozenset(
        c for lang in languages for c, rx in lexicon.concept_patterns(lang) if rx.search(text)
    )


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
