"""Towns named where the words around them say a place is, spelt as the gazetteer does not:
"shelled the town of Maarat Noman" for Maarrat an Numan, "near Jisr Shoghour" for Jisr ash
Shughur.

The last resort of the place finder, for a text that names no place it knows: each
capitalised name the words mark as a place ("the town of X", "X village", "in X") is matched
to the towns of the document's country with the same consonant skeleton and a close spelling
(`Gazetteer.towns_like`), and kept at a low score, the more so the weaker its cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer, PlaceMention

_ARTICLE = r"(?:(?:al|el|ad|as|ash|ar|an|at|az|ad-d|as-s)[-‐ ])?"
_NAME = rf"({_ARTICLE}[A-Z][\w'’-]+(?: {_ARTICLE}[A-Z][\w'’-]+){{0,2}})"
_PLACE_WORD = (
    r"town|village|city|hamlet|locality|area|neighbou?rhood|district|camp|outskirts|suburbs?|"
    r"ville|localité|commune|quartier|périphérie|banlieue"
)
# cue strength: a place word says more than a preposition
_STRONG = [
    re.compile(rf"\b(?:{_PLACE_WORD}) (?:of |de |d['’]|du )(?:the |la |le )?{_NAME}"),
    re.compile(rf"{_NAME} (?:{_PLACE_WORD})\b"),
]
_WEAK = [
    re.compile(
        rf"\b(?:in|at|near|around|on|into|towards|à|près de|dans|autour de)"
        rf" (?:(?:northern|southern|eastern|western|central|the) )?{_NAME}"
    ),
]
STRONG_CUTOFF, WEAK_CUTOFF = 0.7, 0.85  # how close a spelling must be, by cue
SCORE = 0.5  # how sure such a place is, at most


def cued_towns(gazetteer: Gazetteer, text: str, country_iso3: str) -> list[PlaceMention]:
    """The towns of `country_iso3` that `text` (people's names masked) names in spellings the
    gazetteer lacks, where its words say they are places; in text order."""
    from eventdesk.geo import PlaceMention

    out: dict[int, PlaceMention] = {}
    for patterns, cutoff in ((_STRONG, STRONG_CUTOFF), (_WEAK, WEAK_CUTOFF)):
        for rx in patterns:
            for m in rx.finditer(text):
                start, name = m.start(1), m.group(1).rstrip("'’-")
                if start in out or name.isupper():
                    continue
                found = gazetteer.towns_like(name, country_iso3, cutoff)
                if found:
                    place, ratio = found[0]
                    score = round(SCORE * ratio, 3)
                    out[start] = PlaceMention(start, start + len(name), name, place, score, 1)
    return [out[k] for k in sorted(out)]
