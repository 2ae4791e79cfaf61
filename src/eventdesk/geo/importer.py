"""`eventdesk gazetteer import`: the packaged gazetteer plus a user's own GeoNames dump.

    import_dumps(["ML.txt", "alternateNamesV2.txt", "admin1CodesASCII.txt",
                  "admin2Codes.txt"], path) -> BuildReport

The gazetteer is built as `eventdesk gazetteer build` does, then the dump's populated places,
administrative divisions and military and air features (geonames.py) are merged in. The
user's entries take precedence: a place the gazetteer has under the same GeoNames id takes the
dump's coordinates (an admin unit its central point: events in it stay on its main town, as
ACLED codes them), population and names; other places are added. Provinces are coded in
ISO 3166-2 through the GeoNames admin1 codes the packaged sources map.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from eventdesk.errors import ConfigError
from eventdesk.geo import geonames
from eventdesk.geo.build import BuildReport, Progress, build
from eventdesk.geo.sources import Row, keep_name

_FAMILY = {"city": "town", "base": "point", "airport": "point", "admin1": "unit",
           "admin2": "unit", "region": "unit", "country": "area", "continent": "area"}  # fmt: skip


def import_dumps(
    paths: Iterable[str | os.PathLike[str]],
    target: str | os.PathLike[str],
    progress: Progress | None = None,
    countries: set[str] | None = None,
) -> BuildReport:
    """Build the gazetteer at `target` with the GeoNames files `paths` merged in; only the
    places of `countries` (ISO alpha-2) when given."""
    files: dict[str, list[Path]] = {"places": [], "alternates": [], "admin1": [], "admin2": []}
    for path in map(Path, paths):
        if not path.is_file():
            raise ConfigError(f"{path}: no such file")
        files[geonames.kind_of_file(path)].append(path)
    if not files["places"]:
        raise ConfigError("no GeoNames place file (allCountries.txt or a country file) given")

    def merge(
        rows: list[Row], geonames_to_iso: dict[str, str], report: BuildReport, say: Progress
    ) -> list[str]:
        merger = _Merger(rows, geonames_to_iso)
        for path in files["admin1"]:
            merger.admin1.update(geonames.admin_codes(path))
        merger.map_admin1()
        for path in files["admin2"]:
            merger.admin2.update(geonames.admin_codes(path))
        for path in files["places"]:
            say(f"reading {path.name}")
            for place in geonames.places(path):
                if countries is None or place.country in countries:
                    merger.add(place)
        for path in files["alternates"]:
            say(f"reading {path.name}")
            for gid, name, lang, preferred in geonames.alternate_names(path, set(merger.kept)):
                merger.kept[gid].add_name(name, lang, preferred)
        merger.finish()
        report.imported = merger.counts
        return [str(p) for group in files.values() for p in group]

    return build(target, progress, merge)


class _Merger:
    def __init__(self, rows: list[Row], geonames_to_iso: dict[str, str]):
        self.rows = rows
        self.geonames_to_iso = geonames_to_iso
        self.known_countries = {r.country_iso2 for r in rows if r.feature == "country"}
        self.by_id: dict[tuple[int | None, str], Row] = {
            (row.geonameid, _FAMILY.get(row.feature, "")): row for row in rows if row.geonameid
        }
        self.admin1: dict[str, tuple[str, int | None]] = {}
        self.admin2: dict[str, tuple[str, int | None]] = {}
        self.kept: dict[int, Row] = {}
        self.new: list[Row] = []
        self.counts = {"replaced": 0, "added": 0, "skipped": 0}

    def map_admin1(self) -> None:
        """Admin1 codes the packaged sources do not map: through the unit's GeoNames id."""
        for code, (_, gid) in self.admin1.items():
            unit = self.by_id.get((gid, "unit"))
            if code not in self.geonames_to_iso and unit is not None and unit.admin1_code:
                self.geonames_to_iso[code] = unit.admin1_code

    def add(self, place: geonames.DumpPlace) -> None:
        if place.country not in self.known_countries and place.kind != "continent":
            self.counts["skipped"] += 1
            return
        kind = place.kind
        row = self.by_id.get((place.geonameid, _FAMILY[kind]))
        if _FAMILY[kind] == "area":  # a country's or continent's point: only moves ours
            if row is None:
                self.counts["skipped"] += 1
            else:
                row.clat, row.clon = place.lat, place.lon
                self.counts["replaced"] += 1
            return
        if row is None:
            row = Row(name=place.name, country_iso2=place.country, feature=kind,
                      geonameid=place.geonameid)  # fmt: skip
            row.lat, row.lon = place.lat, place.lon
            row.admin1_code = self.geonames_to_iso.get(f"{place.country}.{place.admin1}")
            self.new.append(row)
            self.counts["added"] += 1
        else:
            self.counts["replaced"] += 1
            if _FAMILY[row.feature] == "unit":
                row.clat, row.clon = place.lat, place.lon
            else:
                row.lat, row.lon, row.clat, row.clon = place.lat, place.lon, None, None
        if place.population:
            row.population = place.population
        if place.feature_code.startswith("PPLA") or place.feature_code == "PPLC":
            row.seat = True  # a province's, district's or country's seat
        if kind != "admin1" and place.admin2:
            code = f"{place.country}.{place.admin1}.{place.admin2}"
            row.admin2_name = self.admin2.get(code, (row.admin2_name or "",))[0] or None
        row.add_name(place.name, "", True)
        row.add_name(place.asciiname, "", True)
        for alternate in place.alternates:
            if keep_name(alternate):
                row.add_name(alternate, "", False)
        self.kept[place.geonameid] = row

    def finish(self) -> None:
        """Name the new ADM2 units' towns, fold the new rows' names, add them."""
        for row in self.new:
            if row.feature == "admin2" and not row.admin2_name:
                row.admin2_name = row.name
            row.fold_names()
        self.rows.extend(self.new)
