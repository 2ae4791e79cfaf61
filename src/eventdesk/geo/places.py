"""The geo stage's records: a resolved Place, and a PlaceMention of it in a text."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Feature(enum.StrEnum):
    """What kind of place a gazetteer row is."""

    CITY = "city"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    REGION = "region"
    COUNTRY = "country"
    CONTINENT = "continent"
    AREA = "area"  # a region or sea within or across countries ("Sahel", "Red Sea")
    BASE = "base"
    AIRPORT = "airport"


POINT_FEATURES = frozenset({Feature.CITY, Feature.BASE, Feature.AIRPORT})
# Areas that only give context: never the place of an event.
CONTEXT_FEATURES = frozenset({Feature.COUNTRY, Feature.CONTINENT, Feature.AREA})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place. `admin1_code` is ISO 3166-2 ('IQ-DQ'); `feature` one of Feature."""

    name: str
    latitude: float
    longitude: float
    country_iso3: str
    country: str
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    geonameid: int | None
    feature: str
    population: int
    center_latitude: float | None = None  # an area's central point (a town: its own point)
    center_longitude: float | None = None
    # False: the gazetteer knows the place's name and province, not its own point, and gives a
    # nearby town's (a village of Ukraine's register: its hromada's town)
    own_point: bool = True


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text: `text[start:end]` resolved to `place`.

    `precision` is ACLED's geo_precision: 1 the place itself, 2 near it or a part of a region
    (a district), 3 only the province (or country) is known. `score` (0-1) is how sure the
    choice among the name's homonyms is; `admin1_score` (0-1, None: `score`) how sure the choice
    of its province is (a town and its district of the same name share one).
    """

    start: int
    end: int
    text: str
    place: Place
    score: float
    precision: int
    admin1_score: float | None = None

    @property
    def province_score(self) -> float:
        return self.score if self.admin1_score is None else self.admin1_score
