"""Provinces and districts named as qualifiers that the place finder missed: "in Wadi al-Rabi
(Aljfara)", "near Mayafulka (Baydhaba, Bay)", "in Chora district, Urozgan", "in Farah province".

Reports give the unit an incident happened in beside a village the gazetteer may not know; the
unit's name is often spelled another way than the gazetteer's (transliterations). Each such name
the finder left out is looked up among the provinces and districts of the document's country
(`Gazetteer.admin_units`, skeletons as the last resort) and added as a place known only to its
unit: precision 3 for a province, 2 for a district.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer, PlaceMention

_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|al|el|de|du|of))*"
_BRACKETS = re.compile(r"\(([^()]{2,90})\)")
_UNIT_WORDS = (
    r"province|region|state|governorate|department|district|oblast|county|prefecture|"
    r"zone|division|municipality|wilaya|préfecture|département|cercle|commune|gouvernorat"
)
_UNIT_AFTER = re.compile(rf"\b({_NAME})\s+(?:{_UNIT_WORDS})\b")
_UNIT_BEFORE = re.compile(rf"\b(?:{_UNIT_WORDS})\s+(?:of\s+|de\s+|du\s+|d'\s*)?({_NAME})")
_AFTER_COMMA = re.compile(rf",\s*({_NAME})(?=\s*[.;)]|\s*$)")
SCORE = 0.8


def qualifiers(
    gazetteer: Gazetteer, text: str, found: list[PlaceMention], country_iso3: str
) -> list[PlaceMention]:
    """The units named as qualifiers in `text` that no mention of `found` covers."""
    from eventdesk.geo import PlaceMention

    taken = [(p.start, p.end) for p in found]
    out: list[PlaceMention] = []
    for start, end in _candidates(text):
        if any(a < end and start < b for a, b in taken):
            continue
        name = text[start:end]
        units = gazetteer.admin_units(name, country_iso3)
        if not units:
            continue
        unit = units[0]
        precision = 3 if unit.feature in ("admin1", "region") else 2
        out.append(PlaceMention(start, start + len(name), name, unit, SCORE, precision))
        taken.append((start, end))
    return out


def _candidates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _BRACKETS.finditer(text):
        offset = m.start(1)
        for part in re.finditer(r"[^,]+", m.group(1)):
            word = part.group().strip()
            if word[:1].isupper():
                start = offset + part.start() + (len(part.group()) - len(part.group().lstrip()))
                spans.append((start, start + len(word)))
    for rx in (_UNIT_AFTER, _UNIT_BEFORE, _AFTER_COMMA):
        spans.extend(m.span(1) for m in rx.finditer(text))
    return sorted({(a, b - len(text[a:b]) + len(text[a:b].rstrip(". "))) for a, b in spans})
