"""The clean stage: hygiene, clutter removal and learned boilerplate, offsets kept.

Public:
- `prepare(text)`: the raw text's paragraphs after hygiene, with the keys used to learn boilerplate.
- `clean(prepared, boilerplate)`: which paragraphs stay; the cleaned text maps back to raw offsets.
Assigns: Document.clean and Document.offsets (through the pipeline).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from eventdesk.clean.boilerplate import line_key, outlet_key, teaches
from eventdesk.clean.clutter import classify, source_outlet
from eventdesk.clean.hygiene import join, paragraphs
from eventdesk.clean.textmap import MappedText

__all__ = ["Prepared", "Cleaned", "prepare", "clean", "line_key", "outlet_key", "teaches"]

# Paragraphs a reader would still read as part of the article's own telling (dates for inference).
_TOLD = {None, "caption", "boilerplate", "header-scrap", "footer-scrap"}


@dataclass(frozen=True, slots=True)
class Prepared:
    paragraphs: tuple[MappedText, ...]
    keys: tuple[str, ...]
    footer_outlet: str | None


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: MappedText
    reasons: tuple[str | None, ...]
    told: str  # the text whose dates tell the story: teasers and widgets left out

    def removed(self, prepared: Prepared) -> list[tuple[str, str]]:
        """(reason, paragraph) for every paragraph dropped."""
        return [(r, p.text) for r, p in zip(self.reasons, prepared.paragraphs, strict=True) if r]


def prepare(text: str) -> Prepared:
    paras = tuple(paragraphs(text))
    texts = [p.text for p in paras]
    return Prepared(paras, tuple(line_key(t) for t in texts), source_outlet(texts))


def clean(prepared: Prepared, boilerplate: Container[str] = ()) -> Cleaned:
    texts = [p.text for p in prepared.paragraphs]
    reasons = classify(texts, boilerplate)
    kept = [p for p, r in zip(prepared.paragraphs, reasons, strict=True) if r is None]
    told = "\n".join(t for t, r in zip(texts, reasons, strict=True) if r in _TOLD)
    return Cleaned(join(kept, "\n"), tuple(reasons), told)
