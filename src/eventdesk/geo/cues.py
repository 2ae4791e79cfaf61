"""Words around a place name that say what kind of place it is ("province de X", "X district")
or that the event was only near it ("near X", "aux environs de X"). English and French."""

from __future__ import annotations

import re

_OF = r"(?:\s+(?:of|de|du|des|d['’]|de\s+la|de\s+l['’])?\s*(?:the\s+)?|\s*)$"
BEFORE = {
    "admin1": re.compile(
        r"\b(?:province|provinces|governorate|gouvernorat|governorates|r[ée]gion|state|[ée]tat"
        r"|wilaya|wilayat|oblast|prefecture|pr[ée]fecture|muhafazat|muhafazah)" + _OF,
        re.IGNORECASE,
    ),
    "admin2": re.compile(
        r"\b(?:district|districts|municipality|municipalit[ée]|commune|cercle|county|comt[ée]"
        r"|LGA|local government area|tehsil|raion|rayon|sub-district|department|d[ée]partement"
        r"|caza|qadaa|qada|mudiriya)" + _OF,
        re.IGNORECASE,
    ),
    "city": re.compile(
        r"\b(?:city|town|village|villages|ville|localit[ée]|locality|hamlet|bourg|quartier"
        r"|neighbou?rhood)" + _OF,
        re.IGNORECASE,
    ),
    "base": re.compile(
        r"\b(?:base|camp|airbase|air\s+base|base\s+a[ée]rienne|a[ée]roport|airport|airfield"
        r"|base\s+militaire|military\s+base)" + _OF,
        re.IGNORECASE,
    ),
}
# "the Kunar border province", "the X coastal district": a word of where it lies between
_SITED = (
    r"(?:\s+(?:border|frontier|frontline|coastal|desert|mountainous|northern|southern|eastern"
    r"|western|central|north-?eastern|north-?western|south-?eastern|south-?western))?"
)
# the first items of a list the plural names after its last ("X and Y provinces", "X, Y and Z
# districts"): up to three words an item, commas or "and" between
_LISTED = r"(?:\s*(?:,|,?\s+and|,?\s+et)\s+(?:[\w'’-]+\s+){1,3}?)"
_UNITS1 = r"(?:provinces|governorates|regions|states|oblasts|prefectures|wilayas)"
_UNITS2 = r"(?:districts|municipalities|counties|LGAs|communes|cercles|departments|sub-districts)"
AFTER = {
    "admin1": re.compile(
        r"^" + _SITED + r"\s+(?:provinces?|governorates?|regions?|states?|oblasts?|prefectures?"
        r"|wilayas?)\b|^" + _LISTED + r"{1,4}" + _UNITS1 + r"\b"
        r"|^\s+(?:Gov\.|Governor\b|governor\b|Lt\.\s+Gov\.)",  # "New York Gov. Andrew Cuomo"
        re.IGNORECASE,
    ),
    "admin2": re.compile(
        r"^" + _SITED + r"\s+(?:districts?|municipality|municipalities|county|counties|LGAs?"
        r"|local government|communes?|cercles?|tehsils?|raion|rayon|sub-districts?"
        r"|departments?)\b|^" + _LISTED + r"{1,4}" + _UNITS2 + r"\b",
        re.IGNORECASE,
    ),
    "city": re.compile(r"^\s+(?:city|town|village|township)\b", re.IGNORECASE),
    "base": re.compile(
        r"^\s+(?:air\s*base|base|airport|airfield|air\s+field|military\s+base)\b", re.IGNORECASE
    ),
}
NEAR = re.compile(
    r"\b(?:near|nearby|outskirts\s+of|vicinity\s+of|area\s+of|areas\s+of|close\s+to|around"
    r"|outside|outside\s+of|près\s+de|pr[èe]s\s+d['’]|environs\s+de|environs\s+d['’]"
    r"|proximit[ée]\s+de|proximit[ée]\s+d['’]|p[ée]riph[ée]rie\s+de|banlieue\s+de|abords\s+de"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of"
    r"|(?:nord|sud|est|ouest)(?:-est|-ouest)?\s+(?:de|d['’])|km\s+(?:\w+\s+)?(?:of|from|de|d['’]))"
    r"(?:\s+(?:the\s+)?(?:town|village|city|ville|localité)(?:\s+(?:of|de|d['’]))?)?\s*$",
    re.IGNORECASE,
)
WINDOW = 40
# A dateline ("WASHINGTON (CNN) -", "EDMONTON, Ky. -", "BAMAKO, 3 mars (AFP) -") names the
# town the story was filed from.
# "WASHINGTON Barack Obama pardoned...": a line's capitalised first name, then its sentence
UPPER_LEAD = re.compile(r" [A-Z][a-z]")
DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w .-]{0,20}\)|\s*[-–—]\s)")


def kind_cue(text: str, start: int, end: int) -> str | None:
    """'admin1', 'admin2', 'city' or 'base' when the words around text[start:end] say so."""
    before = text[max(0, start - WINDOW) : start]
    after = text[end : end + 25]
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and (
        DATELINE_AFTER.match(after)
        or (text[start:end].isupper() and (after.startswith(",") or UPPER_LEAD.match(after)))
    ):
        return "city"
    for kind, pattern in AFTER.items():
        if pattern.match(after):
            return kind
    for kind, pattern in BEFORE.items():
        found = pattern.search(before)
        if found:
            if _NAMED_UNIT.search(before[: found.start()]) and " of" in found.group():
                # "the Utimah district of X", "the Holosiivskyi district of X", "Al-Ghawi
                # village of X": X holds the named unit (a province or a city), no unit of
                # its kind
                return None
            return kind
    return None


# a capitalised name just before a unit word ("Utimah district of"), not a sentence's first word
_NAMED_UNIT = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+\s+$")


def near_cue(text: str, start: int) -> bool:
    """True when the place is only approached: "near X", "15 km north of X"."""
    return bool(NEAR.search(text[max(0, start - WINDOW) : start]))
