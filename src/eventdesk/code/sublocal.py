"""Places a text names as parts of a town it also names, and provinces it names by pairing.

ACLED codes an incident at the town, not at its neighbourhood: "in Sorocaba, Sao Paulo,
officers went to the Boa Vista neighborhood", "in Orizaba, Veracruz, ... in Colonia
La Quinta", "dans le quartier de Hamdallaye à Bamako". A neighbourhood's name is also, often, the
name of a village elsewhere (the gazetteer knows a Boa Vista in another state), so a name the
text introduces as a neighbourhood is not a place of its own when the line names another place.

"Sorocaba, Sao Paulo": a place followed by another of the same province names that
province (whatever the second is resolved to: the state or its homonymous capital), as much as
"Zacatecas state" does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventdesk.geo.fold import fold

if TYPE_CHECKING:
    from eventdesk.geo import PlaceMention

_AFTER = re.compile(
    r"\s+(?:neighbou?rhoods?|suburbs?|quarters?|favelas?|slums?|"
    r"housing (?:estate|complex)|residential area|"
    # a building named after a place: "a doctor at al-Razi hospital" (in Aleppo)
    r"hospital|clinic|university|mosque|church|stadium|prison|hotel|"
    # "in the Chandpole area of Jaipur city": the area is part of the town named next
    r"area of(?= (?:the )?(?-i:[A-Z])))\b",
    re.I,
)
# "blocked the Pune-Nashik highway at a village": the towns a road is named after are its ends,
# not where along it the incident was
_ROAD = re.compile(
    r"(?:\s*-\s*[A-Z][\w'’]+)*\s+(?i:(?:national|state|main|old|new)\s+)?"
    r"(?i:highway|expressway|motorway|stretch)\b"
)
_BEFORE = re.compile(
    r"(?:\b(?:colonias?|col\.|fraccionamiento|barangays?|brgy\.?|barrios?|bairros?|"
    r"favelas?|quartiers?(?:\s+(?:de|du|des|d['’]))?)\s+"
    # "in Colonia Geo San Luis Potosi": the colonia's own name may begin with other words
    r"(?:(?-i:[A-Z])[\w'’-]*\s+){0,2})$",
    re.I,
)
# places listed before a plural: "in Itaquera, Guaianases and Sapopemba neighborhoods"
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*et|,?\s*y)\s*$")
_PAIR_GAP = re.compile(r"^\s*(?:,|\()\s*$")
_IN_LIST_BEFORE = re.compile(r",\s*$")
_IN_LIST_AFTER = re.compile(r"\s*,?\s*(?:and|et|y|&)\s+[A-Z]")


def neighbourhoods(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` (in text order) without those named as a neighbourhood, when their line names
    another place below country level."""
    part = [_introduced(text, p) for p in places]
    for i in range(len(places) - 1, 0, -1):  # a plural word covers the list before it
        after = _AFTER.match(text, places[i].end)
        if after and after.group().endswith("s"):
            k = i
            while k > 0 and _LIST_GAP.match(text[places[k - 1].end : places[k].start]):
                k -= 1
                part[k] = True
    out = []
    for i, p in enumerate(places):
        line = line_of(text, p.start)
        other = any(
            not part[k] and q.place.feature != "country" and line_of(text, q.start) == line
            for k, q in enumerate(places)
        )
        if not (part[i] and other):
            out.append(p)
    return out


def paired_provinces(text: str, places: list[PlaceMention]) -> dict[int, set[str]]:
    """For each line, the provinces it names by a pair of places in one province ("Sorocaba,
    Sao Paulo", "Nagpur (Nagpur, Maharashtra)"), keyed by the offset from which
    they are named."""
    out: dict[int, set[str]] = {}
    for p, q in zip(places, places[1:], strict=False):
        if (
            p.place.admin1_code
            and p.place.admin1_code == q.place.admin1_code
            and p.place.feature != "country"
            and q.place.feature != "country"
            and _PAIR_GAP.match(text[p.end : q.start])
            and _unit_like(q)
            and not _IN_LIST_BEFORE.search(text, 0, p.start)
            and not _IN_LIST_AFTER.match(text, q.end)
        ):  # not a list of towns ("in Kamyaran, Sanandaj and Marivan")
            out.setdefault(q.end, set()).add(p.place.admin1_code)
    return out


def _unit_like(q: PlaceMention) -> bool:
    """A province or district, or the city a province is named after ("Rio de Janeiro")."""
    place = q.place
    return place.feature in ("admin1", "admin2") or bool(
        place.admin1 and fold(place.admin1) == fold(place.name)
    )


def _introduced(text: str, p: PlaceMention) -> bool:
    head = text[max(0, p.start - 40) : p.start] + " "
    named = p.text.split()
    return bool(
        _AFTER.match(text, p.end)
        or _ROAD.match(text, p.end)
        or _BEFORE.search(head[:-1])
        or (len(named) > 1 and _BEFORE.search(head + named[0] + " "))  # "Colonia La Quinta"
    )


def line_of(text: str, offset: int) -> int:
    """The number of the line (paragraph) of `text` that `offset` is on."""
    return text.count("\n", 0, offset)
