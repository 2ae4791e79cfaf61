"""Provinces and districts named as qualifiers that the place finder missed: "near
Xqzville (Jalalaqsi, Hiraan)", "in Kajaki district, Helmand", "in Farah province".

Reports give the unit an incident happened in beside a village the gazetteer may not know; the
unit's name is often spelled another way than the gazetteer's (transliterations). Each such name
the finder left out is looked up among the provinces and districts of the document's country
(`Gazetteer.admin_units`, skeletons as the last resort) and added as a place known only to its
unit: precision 3 for a province, 2 for a district.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventdesk.code import dateline

if TYPE_CHECKING:
    from eventdesk.geo import Gazetteer, PlaceMention

# a unit's name: capitalised words, with the particles of French ("de") and of Arabic names
# ("al", "wa" for "and": "Khabb wa ash Sha'af") between them
_NAME = (
    r"[A-Z][\w'’.-]*"
    r"(?:[ -](?:[A-Z][\w'’.-]*|al|el|de|du|of|(?:wa|ash|as|ad|ar|at|an|az)(?=[ -][A-Z])))*"
)
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
    gazetteer: Gazetteer, text: str, found: list[PlaceMention], country_iso3: str | None
) -> list[PlaceMention]:
    """The units named as qualifiers in `text` that no mention of `found` covers. Without a
    country (a text that names no place the gazetteer knows), only units of one name in one
    country ("(Oromia region)"), spelt as the gazetteer spells them."""
    from eventdesk.geo import PlaceMention

    taken = [(p.start, p.end) for p in found]
    provinces = {p.place.admin1_code for p in found if p.place.feature in ("admin1", "region")}
    out: list[PlaceMention] = []
    for start, end in _candidates(text):
        if any(a < end and start < b for a, b in taken):
            continue
        name = text[start:end]
        if name.isupper() and len(name) <= 6:  # an acronym ("(GRP)"): initials are read apart
            continue
        units = gazetteer.admin_units(name, country_iso3)
        if not units or (country_iso3 is None and len({u.country_iso3 for u in units}) > 1):
            continue
        unit = units[0]
        if (
            unit.feature == "admin2"
            and provinces
            and unit.admin1_code not in provinces
            and unit not in gazetteer.lookup(name, unit.country_iso3)
        ):  # a district spelt only alike ("Alishing" for Shinkai), in another province than
            # the one the text names
            continue
        precision = 3 if unit.feature in ("admin1", "region") else 2
        out.append(PlaceMention(start, start + len(name), name, unit, SCORE, precision))
        taken.append((start, end))
    return out


# "Sikandra (UP)", "(Kathua district, J&K)", "Razmak town (NW, KPK)", "in Etawah, UP.": initials
# closing a bracket or a clause after a place's name
_ABBREVIATION = re.compile(r"(?<=[(,])\s*([A-Z][A-Z&]{1,4})\s*(?=\)|[.;]\s|[.;]?$)")
_UNIT_BEFORE_BRACKET = re.compile(r"\b(?:town|city|village|district|area|sector|tehsil|block)\s*$")
# "in Kharka Dhar (HP)": two capitalised words after "in", "at" or "near" name a place
_PLACE_BEFORE_BRACKET = re.compile(r"\b(?:in|at|near)\s+[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*\s*$")
_WORDS_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)?)([A-Z][\w'’.-]*)\s*$")


def _after_a_name(head: str) -> bool:
    """Whether a bracket opened after `head` qualifies a place: it follows a unit word ("Razmak
    town (") or one capitalised word ("Sikandra ("); two are more often a person's name ("Rahul
    Verma (MP)"), unless "in", "at" or "near" comes before them ("in Kharka Dhar (HP)")."""
    if _UNIT_BEFORE_BRACKET.search(head) or _PLACE_BEFORE_BRACKET.search(head):
        return True
    m = _WORDS_BEFORE.search(head)
    return m is not None and not m.group(1)


# the agency of a wire dateline: a bracket closed before a dash ("BAGHDAD (AP) —")
_AGENCY = re.compile(rf"{dateline.AGENCY}[^\S\n]*[-–—]")


def abbreviated(gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    """The provinces named by their press initials as the last qualifier of a place: "(Kathua
    district, J&K)", "Sikandra (UP)". `text` should have people's names masked ("Smith (MP)")."""
    from eventdesk.geo import PlaceMention

    out = []
    heads = dateline.head_end(text)
    for m in _ABBREVIATION.finditer(text):
        opening = text.rfind("(", 0, m.start(1))
        if opening >= 0 and opening < heads and _AGENCY.match(text, opening):
            continue  # a wire dateline's agency: "BAGHDAD (AP) -" is no Andhra Pradesh
        if opening < 0 or ")" in text[opening : m.start(1)]:
            if text[m.start() - 1] != ",":
                continue
        elif "," not in text[opening : m.start(1)] and not _after_a_name(
            text[max(0, opening - 60) : opening]
        ):
            continue
        unit = gazetteer.abbreviation(m.group(1))
        if unit is not None:
            out.append(PlaceMention(m.start(1), m.end(1), m.group(1), unit, 1.0, 3))
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
        for m in rx.finditer(text):
            spans.append(m.span(1))
            # "the X area of Y district": Y alone, when the whole is no unit's name
            last = m.group(1).rfind(" of ")
            if last > 0:
                spans.append((m.start(1) + last + 4, m.end(1)))
    return sorted({(a, b - len(text[a:b]) + len(text[a:b].rstrip(". "))) for a, b in spans})


# between a place and the province that qualifies it: "Kotli district, AJK", "Nagpur town
# (Nagpur, Maharashtra)", "Gubio (Gubio LGA, Borno)"
_TO_PROVINCE = re.compile(
    r"^(?:\s+(?:district|town|city|village|area|sector|tehsil|county|municipality|LGA))*"
    # "Dar Salam, Tell Nour and Kafr Nabi villages of ...": the place leads a list of its kind
    r"(?:(?:(?:\s*,\s*|\s+and\s+)(?:[A-Z][\w'’-]*\s*){1,3}){1,6}"
    r"\s*(?:areas|villages|towns|districts|neighbou?rhoods))?"
    # "Islamabad area of Alingar district, Laghman": the unit the place is part of, then its
    # province; "Xqz village of Bhagwa area (...)": the locality the village is part of
    r"(?:\s+of\s+((?:[A-Z][\w'’-]*\s+){1,3}(?:district|county|municipality|tehsil|LGA|area|block)))?"
    r"(?:\s*[,(]\s*(?:([^(),.;]{1,40}),\s*)?"
    # "... area of Kawkaban district in Amran governorate", "villages of the province of Idlib"
    r"|\s+(?:in|of)\s+(?:the\s+)?(?:(?:province|governorate|region|state)\s+of\s+)?)$"
)
_LISTED = re.compile(
    r"\s*(?:,\s*(?:and\b|et\b)?|and\b|&|et\b)\s*[A-Z]|\s+provinces\b"
)  # "Ghor, Laghman and Balkh"
_UNIT_WORD = re.compile(rf"\b(?:{_UNIT_WORDS}|LGA|tehsil)\b", re.I)


def within_qualifiers(
    gazetteer: Gazetteer, text: str, places: list[PlaceMention]
) -> list[PlaceMention]:
    """`places` (in text order), each place qualified by a province it is not in ("Kotli
    district, AJK" read as a town of another province) taken for its namesake in that province, or left
    out when the province has none: the qualifier is the writer's word on where it is."""
    from eventdesk.geo import PlaceMention

    out: list[PlaceMention | None] = list(places)
    for i, p in enumerate(places):
        if p.place.feature in ("admin1", "country"):
            continue
        qualified = next(
            (
                (q, gap)
                for q in places[i + 1 :]
                if q.place.feature == "admin1"
                and (gap := _TO_PROVINCE.match(text[p.end : q.start]))
                and not _LISTED.match(text, q.end)
            ),
            None,
        )
        if qualified is None:
            continue
        q, gap = qualified
        code = q.place.admin1_code
        if code is None or p.place.admin1_code == code:
            continue
        unit = gap.group(2) or gap.group(1)
        if unit and any(  # "Kukawa (Kukawa LGA, Borno)": the district agrees with the town
            u.admin1_code == p.place.admin1_code
            for u in gazetteer.admin_units(_UNIT_WORD.sub("", unit).strip(), p.place.country_iso3)
        ):
            continue
        namesakes = [
            place
            for place in gazetteer.lookup(p.text, p.place.country_iso3)
            + gazetteer.admin_units(p.text, p.place.country_iso3)
            if place.admin1_code == code
        ]
        if namesakes:
            out[i] = PlaceMention(p.start, p.end, p.text, namesakes[0], p.score, p.precision)
        else:
            out[i] = None
    return [p for p in out if p is not None]


# "Villarrica (Guaira)", "Gaoua (Gaoua, Poni)", "Tucupita, Delta Amacuro state": a place and
# the units it lies in, in brackets or after a comma
_QUALIFIED_BY = re.compile(
    # "Kajaki district, Helmand", "the Sayedabad area of Chak district, Wardak"
    r"(?:\s+(?:district|area|town|village|city|sector|county|municipality|LGA)"
    r"(?:\s+of\s+[A-Z][^(),;.]{1,40}?)?)?"
    r"\s*(?:\(([^()]{2,80})\)|,\s*([^(),;.]{2,40}?)(?=\s*(?:[,.;)]|$)))"
)
_UNIT_TAIL = re.compile(rf"\s+(?:{_UNIT_WORDS}|LGA)$", re.I)


def paired(
    gazetteer: Gazetteer, text: str, found: list[PlaceMention]
) -> tuple[list[PlaceMention], list[PlaceMention]]:
    """`found`, each place followed by the unit it lies in ("Villarrica (Guaira)") taken for
    its namesake in that unit, in whatever country: the pair names one place where each name
    alone has homonyms. The places so fixed are sure (score 1); returned apart as well."""
    from eventdesk.geo import PlaceMention

    out, sure = [], []
    for p in found:
        m = _QUALIFIED_BY.match(text, p.end)
        if p.place.feature == "country" or m is None:
            out.append(p)
            continue
        parts = [_UNIT_TAIL.sub("", part.strip()) for part in (m.group(1) or m.group(2)).split(",")]
        match = _pair(gazetteer, p.text, [part for part in parts if part[:1].isupper()])
        if match is None:
            out.append(p)
            continue
        out.append(PlaceMention(p.start, p.end, p.text, match, 1.0, p.precision))
        sure.append(out[-1])
    return out, sure


def _pair(gazetteer: Gazetteer, name: str, units: list[str]):  # type: ignore[no-untyped-def]
    places = gazetteer.lookup(name)
    if not places:
        return None
    for unit in reversed(units):  # the widest unit is named last
        found = [
            x
            for u in gazetteer.admin_units(unit)
            for x in places
            if x.country_iso3 == u.country_iso3 and x.admin1_code == u.admin1_code
        ]
        if len({x.country_iso3 for x in found}) == 1:  # "La Paz (La Paz)": Bolivia or Honduras
            return found[0]
        if found:
            return None
    return None
