"""Readers for the hand-written files in `eventdesk/data/geo/` (see its README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventdesk.errors import ConfigError


@dataclass(frozen=True, slots=True)
class SupplementRow:
    """One line of supplement.tsv: a name for an existing place (kind 'alias') or a new place."""

    name: str
    lang: str
    kind: str
    country_iso2: str
    admin1_code: str | None
    lat: float | None
    lon: float | None
    target: str
    line: int


SUPPLEMENT_KINDS = ("alias", "rename", "base", "city", "region", "admin2", "airport", "area")


def lines(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("eventdesk.data").joinpath("geo", name).read_text("utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((number, [cell.strip() for cell in line.split("\t")]))
    return out


def supplement(name: str = "supplement.tsv") -> list[SupplementRow]:
    """The curated places and names; raises ConfigError on a malformed line."""
    rows = []
    for number, cells in lines(name):
        if len(cells) != 8:
            raise ConfigError(f"{name}:{number}: expected 8 TAB-separated columns, got {cells}")
        text, lang, kind, iso2, admin1, lat, lon, target = cells
        if kind not in SUPPLEMENT_KINDS:
            raise ConfigError(
                f"{name}:{number}: unknown kind {kind!r}; allowed: {SUPPLEMENT_KINDS}"
            )
        try:
            y, x = (float(lat), float(lon)) if lat else (None, None)
        except ValueError as exc:
            raise ConfigError(f"{name}:{number}: bad coordinates {lat!r}, {lon!r}") from exc
        rows.append(
            SupplementRow(text, lang, kind, iso2, admin1 or None, y, x, target or text, number)
        )
    return rows


@dataclass(frozen=True, slots=True)
class CountryName:
    iso3: str
    lang: str
    kind: str  # 'acled' (ACLED's name, also a name), 'name', or 'adj'
    text: str


def country_names(name: str = "countries.tsv") -> list[CountryName]:
    out = []
    for number, cells in lines(name):
        if len(cells) != 4 or cells[2] not in ("acled", "name", "adj"):
            raise ConfigError(f"{name}:{number}: expected iso3, lang, acled|name|adj, text")
        out.append(CountryName(*cells))
    return out


def french_inflections(adjective: str) -> list[str]:
    """'irakien' -> irakien, irakienne, irakiens, irakiennes (and the like for -ais, -ain...)."""
    a = adjective
    if a.endswith(("ien", "éen")):
        return [a, a + "ne", a + "s", a + "nes"]
    if a.endswith(("ais", "ois")):
        return [a, a + "e", a + "es"]
    if a.endswith("e"):
        return [a, a + "s"]
    if a.endswith("al"):
        return [a, a + "e", a[:-2] + "aux", a + "es"]
    return [a, a + "e", a + "s", a + "es"]


def admin1_iso(name: str = "admin1_iso.tsv") -> dict[str, str]:
    """GeoNames admin1 code -> ISO 3166-2 code, where the packaged sources give none."""
    out = {}
    for number, cells in lines(name):
        if len(cells) != 2:
            raise ConfigError(f"{name}:{number}: expected geonames_admin1, iso_3166_2")
        out[cells[0]] = cells[1]
    return out


def country_centers(name: str = "country_centers.tsv") -> dict[str, tuple[float, float]]:
    """country_iso2 -> (lat, lon) of its surveyed geographic centre, where atlases use it."""
    out = {}
    for number, cells in lines(name):
        try:
            iso2, lat, lon = cells[0], float(cells[1]), float(cells[2])
        except (IndexError, ValueError) as exc:
            raise ConfigError(f"{name}:{number}: expected country_iso2, lat, lon") from exc
        if len(cells) != 3 or len(iso2) != 2 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ConfigError(f"{name}:{number}: expected country_iso2, lat, lon; got {cells}")
        out[iso2] = (lat, lon)
    return out


def acled_admin1(name: str = "acled_admin1.tsv") -> dict[str, str]:
    """country_iso2 -> 'admin2' or 'parent': where ACLED's admin1 is another level."""
    out = {}
    for number, cells in lines(name):
        if len(cells) != 2 or cells[1] not in ("admin2", "parent"):
            raise ConfigError(f"{name}:{number}: expected country_iso2, admin2|parent")
        out[cells[0]] = cells[1]
    return out


# Countries whose news abbreviates a province by its ISO 3166-2 suffix (the postal code:
# "KY", "BC", "NSW"); the file abbreviations.tsv adds the dotted press forms ("Ky.", "B.C.").
POSTAL_COUNTRIES = ("US", "CA", "AU")
ABBREVIATION_PREFIX = "abbr:"  # fold() never makes a ':' so these keys meet no name


def abbreviation_key(surface: str) -> str:
    """'N.J.' and 'NJ' -> 'abbr:NJ': case kept, dots and spaces dropped."""
    return ABBREVIATION_PREFIX + "".join(surface.replace(".", "").split())


def abbreviations(name: str = "abbreviations.tsv") -> list[tuple[str, str, int]]:
    """(abbreviation key, ISO 3166-2 code, line) for each line of the file."""
    out = []
    for number, cells in lines(name):
        if len(cells) != 2 or "-" not in cells[1]:
            raise ConfigError(f"{name}:{number}: expected abbreviation, iso_3166_2")
        out.append((abbreviation_key(cells[0]), cells[1], number))
    return out


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Capitalised words that are not place names on their own (stop_*.txt, all languages)."""
    words: set[str] = set()
    for file in ("stop_en.txt", "stop_fr.txt"):
        words.update(cells[0].lower() for _, cells in lines(file))
    return frozenset(words)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday English words that GeoNames has only as names of small places ("Farms",
    "Industry"): no place on their own, but still words of a longer name ("Lakshmi Rice Mill")."""
    return frozenset(cells[0].lower() for _, cells in lines("stop_alternates_en.txt"))
