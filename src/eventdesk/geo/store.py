"""The built gazetteer, opened read-only and held in memory: dicts of folded names, not a SQL
query per token. `Gazetteer.open()` loads it once per process (about a second)."""

from __future__ import annotations

import difflib
import marshal
import math
import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any, ClassVar

from eventdesk.errors import ConfigError
from eventdesk.geo.fold import fold, fold_long
from eventdesk.geo.places import Feature, Place
from eventdesk.geo.schema import COLUMNS, SCHEMA_VERSION

# How much a place's kind weighs in the prior beside log10(population): a province or a
# country named alone is more often meant than a village of the same name.
FEATURE_PRIOR = {
    Feature.COUNTRY: 3.0, Feature.CONTINENT: 3.0, Feature.AREA: 3.0, Feature.ADMIN1: 1.0, Feature.REGION: 1.0, Feature.BASE: 2.5,
    Feature.AIRPORT: 1.5, Feature.ADMIN2: -1.0, Feature.CITY: 0.0,
}  # fmt: skip
_BLOBS = ("index", "columns", "countries", "demonyms")
FUZZY_CUTOFF, FUZZY_MIN, FUZZY_PREFIX = 0.85, 6, 3
# a town of unknown size weighs as a village of this many people: GeoNames' cities500 lists
# every place of 500 or more whose size it knows, so the one whose size no source gives is
# most often smaller
UNKNOWN_SIZE = 200
# but a town listed as the seat of an administrative division (a district's or a subdistrict's
# town) whose size no source gives is mostly a town of some thousands
UNKNOWN_SEAT_SIZE = 5000
BIG_TOWN = 100_000  # a town this big has quarters the news names after it (even by an alternate)
AROUND_DEGREES = 1.5  # a province this near its capital (lat + lon degrees) lies around it
_NEED_BUILD = "gazetteer not built: run `eventdesk gazetteer build`"


def default_path() -> Path:
    """$EVENTDESK_GAZETTEER, else <sys.prefix>/share/eventdesk/gazetteer.sqlite."""
    env = os.environ.get("EVENTDESK_GAZETTEER")
    if env:
        return Path(env).expanduser()
    return Path(sys.prefix) / "share" / "eventdesk" / "gazetteer.sqlite"


class Names:
    """The in-memory part of the gazetteer: folded names, place columns, country names."""

    def __init__(
        self,
        index: dict[str, int | tuple[int, ...]],
        columns: list[list[Any]],
        countries: dict[str, str],
        demonyms: dict[str, str],
    ):
        self.index = index
        self.col = dict(zip(COLUMNS, columns, strict=True))
        self.countries = countries  # folded country name -> iso3
        self.demonyms = demonyms  # folded adjective or demonym -> iso3
        self.country_names = {
            iso3: name
            for iso3, name, feature in zip(
                self.col["country_iso3"], self.col["name"], self.col["feature"], strict=True
            )
            if feature == Feature.COUNTRY
        }
        self.country_ids = {
            iso3: pid
            for pid, (iso3, feature) in enumerate(
                zip(self.col["country_iso3"], self.col["feature"], strict=True)
            )
            if feature == Feature.COUNTRY
        }
        self._places: dict[int, Place] = {}
        self._buckets: dict[str, list[str]] | None = None  # first letters -> names, for similar()
        self._capitals: dict[str, int] | None = None  # iso3 -> the town the country is placed on

    def known(self, key: str) -> bool:
        return key in self.index

    def head(self, key: str) -> bool:
        """Whether `key` may begin a hyphenated name as its town ("Kinshasa-Gombe",
        "Druzhkivka-2"): a name some place bears as its own, not only as an alternate ("Ceel" for
        Eyl, in "Ceel-Jaale"), or a town of at least BIG_TOWN people."""
        ids = self.ids(key)
        if len(self.alternates(key)) < len(ids):
            return True
        col = self.col
        return any(
            col["feature"][p] == Feature.CITY and (col["population"][p] or 0) >= BIG_TOWN
            for p in ids
        )

    def key_of(self, name: str) -> str:
        """The lookup key of a name: `fold`'s, else (when the gazetteer knows that one only)
        `fold_long`'s, for "ee" and "oo" written for long ī and ū ("Tikreet")."""
        key = fold(name)
        if key in self.index:
            return key
        long = fold_long(name)
        return long if long in self.index else key

    def ids(self, key: str) -> tuple[int, ...]:
        """The places one of whose names folds to `key`."""
        found = self.index.get(key)
        if found is None:
            return ()
        if isinstance(found, int):
            return (abs(found),)
        return tuple(abs(p) for p in found)

    def buckets(self) -> dict[str, list[str]]:
        """The indexed names by their first letters, for similar(); built on first use."""
        if self._buckets is None:
            buckets: dict[str, list[str]] = {}
            for name in self.index:
                if len(name) >= FUZZY_MIN:
                    buckets.setdefault(name[:FUZZY_PREFIX], []).append(name)
            self._buckets = buckets
        return self._buckets

    def similar(self, key: str, cutoff: float = FUZZY_CUTOFF) -> tuple[str, float] | None:
        """The indexed name closest to `key` (same first letters, difflib ratio >= cutoff) and
        its ratio: the last resort for a name no spelling rule reaches ("Tlalnepantala")."""
        if len(key) < FUZZY_MIN or " " in key[:FUZZY_PREFIX]:
            return None
        size = len(key)
        bucket = [n for n in self.buckets().get(key[:FUZZY_PREFIX], ()) if abs(len(n) - size) <= 2]
        found = difflib.get_close_matches(key, bucket, n=1, cutoff=cutoff)
        if not found:
            return None
        return found[0], difflib.SequenceMatcher(None, key, found[0]).ratio()

    def alternates(self, key: str) -> frozenset[int]:
        """The places that `key` names only through an alternate name (a historical, foreign
        or variant spelling GeoNames lists), not their main name or one in en/fr/ar."""
        found = self.index.get(key)
        if found is None:
            return frozenset()
        return frozenset(-p for p in (found if isinstance(found, tuple) else (found,)) if p < 0)

    def place(self, pid: int) -> Place:
        cached = self._places.get(pid)
        if cached is None:
            c = self.col
            iso3 = c["country_iso3"][pid] or ""
            cached = Place(
                name=c["ascii"][pid] or c["name"][pid], latitude=c["lat"][pid],
                longitude=c["lon"][pid], country_iso3=iso3,
                country=self.country_names.get(iso3, iso3), admin1=c["admin1_name"][pid],
                admin1_code=c["admin1_code_iso"][pid], admin2=c["admin2_name"][pid],
                geonameid=c["geonameid"][pid], feature=c["feature"][pid],
                population=c["population"][pid] or 0, center_latitude=c["clat"][pid],
                center_longitude=c["clon"][pid], own_point=bool(c["own_point"][pid]),
            )  # fmt: skip
            self._places[pid] = cached
        return cached

    def seats(self, ids: tuple[int, ...]) -> frozenset[int]:
        """The towns among `ids` that are the seat of a province also among `ids` (the build
        places a province on its biggest town): "Kirkuk" is the town before the province."""
        col = self.col
        around = [  # the provinces among `ids`: (country, lat, lon)
            (col["country_iso3"][p], col["lat"][p], col["lon"][p])
            for p in ids
            if col["feature"][p] in (Feature.ADMIN1, Feature.REGION)
        ]
        if not around:
            return frozenset()
        units = {(lat, lon) for _, lat, lon in around}
        # a country's capital before a province of its country named after it that lies around
        # it without holding it ("Minsk": the city, not Minsk oblast)
        return frozenset(
            p
            for p in ids
            if col["feature"][p] == Feature.CITY
            and (
                (col["lat"][p], col["lon"][p]) in units
                or (
                    self.is_capital(p)
                    and any(
                        iso3 == col["country_iso3"][p]
                        and abs(lat - col["lat"][p]) + abs(lon - col["lon"][p]) < AROUND_DEGREES
                        for iso3, lat, lon in around
                    )
                )
            )
        )

    def capital(self, iso3: str) -> int | None:
        """The town a country is placed on (its capital, else its biggest town), if any."""
        return self.capitals().get(iso3)

    def capitals(self) -> dict[str, int]:
        """iso3 -> the town the country is placed on; built on first use."""
        if self._capitals is None:
            self._capitals = {}
            for pid, home in enumerate(self.col["country_iso3"]):
                if self.is_capital(pid):
                    self._capitals.setdefault(home, pid)
        return self._capitals

    def is_capital(self, pid: int) -> bool:
        """Whether the place is a town its country is placed on: its capital (else, where
        the sources name none, its biggest town)."""
        col = self.col
        if col["feature"][pid] != Feature.CITY:
            return False
        country = self.country_ids.get(col["country_iso3"][pid])
        return country is not None and (col["lat"][pid], col["lon"][pid]) == (
            col["lat"][country],
            col["lon"][country],
        )

    def _unknown_size(self, pid: int, feature: str) -> int:
        if feature != Feature.CITY:
            return 0
        return UNKNOWN_SEAT_SIZE if self.col["seat"][pid] else UNKNOWN_SIZE

    def prior(self, pid: int) -> float:
        """log10 of the population, plus the weight of the place's kind."""
        feature = self.col["feature"][pid]
        population = self.col["population"][pid] or self._unknown_size(pid, feature)
        return math.log10(population + 10) + FEATURE_PRIOR.get(feature, 0.0)


def load(path: Path) -> Names:
    if not path.exists():
        raise ConfigError(f"{_NEED_BUILD} (no file at {path})")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ConfigError(f"cannot open the gazetteer {path}: {exc}") from exc
    try:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version is None or int(version[0]) != SCHEMA_VERSION:
            raise ConfigError(f"{path} was built by another eventdesk; {_NEED_BUILD} again")
        blobs = {name: (tag, data) for name, tag, data in db.execute("SELECT * FROM blobs")}
    except sqlite3.Error as exc:
        raise ConfigError(f"{path} is no gazetteer ({exc}); {_NEED_BUILD}") from exc
    finally:
        db.close()
    from eventdesk.geo.build import python_tag

    if any(tag != python_tag() for tag, _ in blobs.values()):
        raise ConfigError(f"{path} was built with another Python; {_NEED_BUILD} again")
    return Names(*(marshal.loads(blobs[name][1]) for name in _BLOBS))


class GazetteerCache:
    """One loaded gazetteer per path and process."""

    _lock: ClassVar[threading.Lock] = threading.Lock()
    _loaded: ClassVar[dict[tuple[Path, int], Names]] = {}

    @classmethod
    def get(cls, path: Path) -> Names:
        """The loaded gazetteer at `path` (loaded again if the file was rebuilt)."""
        path = path.resolve()
        key = (path, path.stat().st_mtime_ns if path.exists() else 0)
        with cls._lock:
            if key not in cls._loaded:
                cls._loaded[key] = load(path)
            return cls._loaded[key]


def country_key(text: str) -> str:
    return fold(text.strip().strip("."))
