"""Streaming readers for a user's GeoNames dump (https://download.geonames.org/export/dump/).

- `places(path)`: allCountries.txt or a country file (ML.txt), 19 TAB-separated columns; kept
  are populated places (class P), administrative divisions (A: ADM1-5, ADMD), military and
  air features (S: MILB, AIRB, AIRF, AIRP, AIRH, CMP, INSM, NVB), and the points of countries
  (A: PCLI...) and continents (L: CONT), which only move the gazetteer's own;
- `alternate_names(path, wanted)`: alternateNamesV2.txt (or alternateNames.txt) lines of the
  places in `wanted`, in the scripts we read, without links, codes and postal names;
- `admin_codes(path)`: admin1CodesASCII.txt / admin2Codes.txt: code -> (name, geonameid).

A file may also be given as the .zip GeoNames serves: its .txt member is read in place.
Lines are read one at a time, so allCountries.txt needs no more memory than what is kept.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from eventdesk.errors import FormatError
from eventdesk.geo.sources import keep_name

MILITARY = frozenset({"MILB", "AIRB", "AIRF", "AIRH", "CMP", "INSM", "NVB", "CMPMN", "CMPRF"})
AIRPORTS = frozenset({"AIRP"})
COUNTRIES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
ADMIN = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin2", "ADM4": "admin2",
         "ADM5": "admin2", "ADMD": "admin2"}  # fmt: skip
# alternateNames "languages" that are not languages: links, codes, postal names
_NOT_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc",
                            "abbr", "fr_1793"})  # fmt: skip


@dataclass(slots=True)
class DumpPlace:
    geonameid: int
    name: str
    asciiname: str
    alternates: list[str]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int

    @property
    def kind(self) -> str:
        """The gazetteer feature it becomes: city, admin1, admin2, base or airport."""
        if self.feature_class == "P":
            return "city"
        if self.feature_class == "L":
            return "continent"
        if self.feature_class == "A":
            return "country" if self.feature_code in COUNTRIES else ADMIN[self.feature_code]
        return "airport" if self.feature_code in AIRPORTS else "base"


def kept(feature_class: str, feature_code: str) -> bool:
    if feature_class == "P":
        return True
    if feature_class == "A":
        return feature_code in ADMIN or feature_code in COUNTRIES
    if feature_class == "L":
        return feature_code == "CONT"
    return feature_class == "S" and feature_code in MILITARY | AIRPORTS


@contextmanager
def open_text(path: str | Path) -> Iterator[IO[str]]:
    """The text of a dump file, or of the .txt member of a GeoNames .zip."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
            if not members:
                raise FormatError(f"{path}: no .txt file in this zip", origin=str(path))
            with archive.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as f:
        yield f


def _columns(path: str | Path, number: int, line: str, count: int) -> list[str]:
    cells = line.rstrip("\n").split("\t")
    if len(cells) < count:
        raise FormatError(
            f"{path}:{number}: expected {count} TAB-separated columns, got {len(cells)}",
            origin=str(path), line=number,
        )  # fmt: skip
    return cells


def places(path: str | Path) -> Iterator[DumpPlace]:
    """The kept places of a GeoNames main dump file (see the module docstring)."""
    with open_text(path) as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            c = _columns(path, number, line, 15)
            if not kept(c[6], c[7]):
                continue
            try:
                yield DumpPlace(
                    geonameid=int(c[0]), name=c[1], asciiname=c[2],
                    alternates=[a for a in c[3].split(",") if a], lat=float(c[4]),
                    lon=float(c[5]), feature_class=c[6], feature_code=c[7], country=c[8],
                    admin1=c[10], admin2=c[11], population=int(c[14] or 0),
                )  # fmt: skip
            except ValueError as exc:
                raise FormatError(f"{path}:{number}: {exc}", origin=str(path), line=number) from exc


def alternate_names(path: str | Path, wanted: set[int]) -> Iterator[tuple[int, str, str, bool]]:
    """(geonameid, name, lang, preferred) for the places in `wanted`."""
    with open_text(path) as f:
        for number, line in enumerate(f, 1):
            c = _columns(path, number, line, 4)
            try:
                gid = int(c[1])
            except ValueError as exc:
                raise FormatError(f"{path}:{number}: {exc}", origin=str(path), line=number) from exc
            lang = c[2]
            if gid not in wanted or lang in _NOT_LANGUAGES or not keep_name(c[3]):
                continue
            historic = len(c) > 7 and c[7] == "1"
            preferred = len(c) > 4 and c[4] == "1" and not historic
            yield gid, c[3], lang if lang in ("en", "fr", "ar") else "", preferred


def admin_codes(path: str | Path) -> dict[str, tuple[str, int | None]]:
    """'IQ.09' (or 'IQ.09.98855') -> (name, geonameid)."""
    out: dict[str, tuple[str, int | None]] = {}
    with open_text(path) as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            c = _columns(path, number, line, 2)
            gid = int(c[3]) if len(c) > 3 and c[3].isdigit() else None
            out[c[0]] = (c[1], gid)
    return out


def kind_of_file(path: str | Path) -> str:
    """'places', 'alternates', 'admin1' or 'admin2', from the file's name (as GeoNames names
    them), else from its first line's shape."""
    name = Path(path).name.lower()
    if name.startswith("alternatename"):
        return "alternates"
    if name.startswith("admin1code"):
        return "admin1"
    if name.startswith("admin2code"):
        return "admin2"
    with open_text(path) as f:
        first = f.readline().rstrip("\n").split("\t")
    if len(first) >= 15:
        return "places"
    if first and first[0].count(".") == 1:
        return "admin1"
    if first and first[0].count(".") == 2:
        return "admin2"
    if len(first) >= 4 and first[0].isdigit() and first[1].isdigit():
        return "alternates"
    raise FormatError(f"{path}: not a GeoNames dump file this import knows", origin=str(path))
