"""Language identification, per paragraph, with lingua.

`detect(paragraphs)` returns the ISO 639-1 code of the language most of the text is written in
(weighted by length), or None when nothing is recognisable. A language given by the input takes
precedence over detection (the pipeline passes it through). Supported for event coding: fr, en, ar;
other languages are recognised so that, say, a Spanish article is not called French.

lingua runs in its high-accuracy mode (1- to 5-grams): the low-accuracy mode (trigrams) calls
one-line reports ("Students marched in Algiers.") French, Dutch or Italian. The price: the
models take about 1 s and 250 MB to load, once per process, and a paragraph costs about 0.3 ms.
Paragraphs are read one after the other: lingua's parallel call costs more than it saves on a
document's few paragraphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = ("fr", "en", "ar")
_RECOGNISED = (
    Language.FRENCH, Language.ENGLISH, Language.ARABIC, Language.SPANISH, Language.GERMAN,
    Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.TURKISH,
    Language.PERSIAN, Language.URDU, Language.HEBREW,
)  # fmt: skip
_MIN_CHARS = 12  # shorter paragraphs (a date, a name) carry no language signal


@cache
def _detector() -> LanguageDetector:
    # all models at once: loaded lazily, each language's would cost its first document ~0.2 s
    return (
        LanguageDetectorBuilder.from_languages(*_RECOGNISED)
        .with_preloaded_language_models()
        .build()
    )


def detect(paragraphs: Sequence[str]) -> str | None:
    weights: Counter[str] = Counter()
    texts = [p for p in paragraphs if len(p) >= _MIN_CHARS] or [" ".join(paragraphs)]
    detector = _detector()
    for text in texts:
        lang = detector.detect_language_of(text)
        if lang is not None:
            weights[lang.iso_code_639_1.name.lower()] += len(text)
    if not weights:
        return None
    return weights.most_common(1)[0][0]


def normalise_code(code: str | None) -> str | None:
    """An input's language field as a two-letter code ('fr-FR' -> 'fr', 'French' -> 'fr')."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    names = {"french": "fr", "english": "en", "arabic": "ar", "français": "fr", "anglais": "en"}
    code = names.get(code, code)
    return code if len(code) in (2, 3) and code.isalpha() else None
