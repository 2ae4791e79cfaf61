"""Consonant skeletons of administrative names: the last resort for a province or district whose
spelling no folding rule reaches ("Aljfara" and "Al Jifarah", "Urozgan" and "Uruzgan",
"Almargeb" and "Al Marqab", "Al Jabl Al Gharbi" and "Al Jabal al Gharbi").

Transliterations of Arabic, Pashto or Persian names disagree on vowels, on the article, on
doubled letters and on how qaf and ghayn are written; their consonants mostly agree. A skeleton
keeps those: articles dropped, vowels dropped, q/k/g and the rest of a few known pairs merged,
doubled letters and a final h removed. Only provinces and districts are indexed, and only within
one country, so that a skeleton is rarely shared by two units.
"""

from __future__ import annotations

import re
import unicodedata

MIN_LENGTH = 3  # shorter skeletons say too little
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "an", "az", "ash", "adh", "ul", "ud"})
_PAIRS = str.maketrans({"q": "k", "g": "k", "c": "k", "w": "v", "z": "s", "p": "b"})
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """The consonant skeleton of a name ("" when too short to be told apart)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[^a-z]+", text) if w]
    words = [w[2:] if w.startswith("al") and len(w) > 5 else w for w in words]  # "Aljfara"
    joined = "".join(w for w in words if w not in _ARTICLES)
    joined = joined.replace("kh", "k").replace("gh", "k").replace("ph", "f").replace("dh", "d")
    joined = joined.replace("sh", "s").replace("th", "t").replace("ch", "s")
    core = _DOUBLE.sub(r"\1", _VOWELS.sub("", joined.translate(_PAIRS)))
    core = core.removesuffix("h")
    return core if len(core) >= MIN_LENGTH else ""
