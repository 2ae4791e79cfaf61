"""Finding the place a supplement alias points at (the `target` column of supplement.tsv).

Targets: an ISO 3166-2 code ('IQ-BB'), an ISO 3166-1 alpha-3 code ('KWT'), 'geonames:98854',
'icao:ORAA', or 'city:Name' / 'admin2:Name' / 'base:Name' (the most populous place of that
feature in the row's country, and admin1 if given, with a name that folds like Name).
"""

from __future__ import annotations

import re

from eventdesk.geo.fold import fold
from eventdesk.geo.sources import Row

_ISO2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_BY_NAME = {"city": "city", "admin2": "admin2", "base": "base", "airport": "airport"}


class Targets:
    """Indexes the build's rows by the keys a supplement line may use."""

    def __init__(self, rows: list[Row]):
        self.admin1: dict[str, Row] = {}
        self.country: dict[str, Row] = {}
        self.geonames: dict[int, Row] = {}
        self.icao: dict[str, Row] = {}
        self.by_name: dict[tuple[str, str, str], list[Row]] = {}
        for row in rows:
            self._add(row)

    def _add(self, row: Row) -> None:
        if row.feature in ("admin1", "region") and row.admin1_code:
            self.admin1.setdefault(row.admin1_code, row)
        elif row.feature == "country" and row.ref:
            self.country[row.ref] = row
        elif row.ref:
            self.icao[row.ref] = row
        if row.geonameid and row.feature == "city":
            self.geonames.setdefault(row.geonameid, row)
        if row.feature in _BY_NAME:
            for key in set(row.keys):
                self.by_name.setdefault((row.feature, row.country_iso2, key), []).append(row)

    def find(self, target: str, iso2: str, admin1: str | None) -> Row | None:
        if _ISO2.match(target):
            return self.admin1.get(target)
        if _ISO3.match(target):
            return self.country.get(target)
        kind, _, value = target.partition(":")
        if kind == "geonames" and value.isdigit():
            return self.geonames.get(int(value))
        if kind == "icao":
            return self.icao.get(value)
        if kind in _BY_NAME:
            found = self.by_name.get((_BY_NAME[kind], iso2, fold(value)), [])
            found = [r for r in found if admin1 is None or r.admin1_code == admin1]
            return max(found, key=lambda r: r.population, default=None)
        return None
