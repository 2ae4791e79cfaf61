"""Overviews of the events a filter matches, computed in the database: map clusters on a grid
(so the dashboard shows hundreds of thousands of events from a few hundred rows), every point,
counts by period and type, and counts for the filter menus.

They read the covering index `ix_events_overview` (status, type, country, date, coordinates,
toll, id), never the events' JSON.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from eventdesk.errors import ConfigError
from eventdesk.store.query import E, EventFilter, acled_names

CLUSTER_PX = 80  # a grid cell is about this many pixels wide on the map
MAX_ZOOM = 18


class cell(FunctionElement[int]):
    """floor(x / size) for x >= 0, the same on every engine. `size` is a number of ours (the
    grid's cell), written into the SQL so that the GROUP BY repeats the select's expression."""

    type = sa.Integer()
    inherit_cache = False

    def __init__(self, x: Any, size: float):
        super().__init__(x)
        self.size = float(size)


@compiles(cell)
def _cell(element: cell, compiler: Any, **kw: Any) -> str:
    (x,) = list(element.clauses)
    return f"CAST(floor(({compiler.process(x, **kw)}) / {element.size!r}) AS INTEGER)"


@compiles(cell, "sqlite")
def _cell_sqlite(element: cell, compiler: Any, **kw: Any) -> str:
    (x,) = list(element.clauses)  # CAST truncates, which is floor for x >= 0
    return f"CAST(({compiler.process(x, **kw)}) / {element.size!r} AS INTEGER)"


def clusters(conn: sa.Connection, f: EventFilter, zoom: int) -> dict[str, Any]:
    """The matching events grouped in grid cells about CLUSTER_PX wide at this web-map zoom:
    per cell, the count, the mean position, and (for one event) its id and type."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise ConfigError(f"zoom {zoom} is out of range; use 0-{MAX_ZOOM}")
    size = 360 / 2**zoom * CLUSTER_PX / 256
    where = [*f.where(), E.latitude.is_not(None), E.longitude.is_not(None)]
    cx = cell(E.longitude + 180, size).label("cx")
    cy = cell(E.latitude + 90, size).label("cy")
    q = (sa.select(cx, cy, sa.func.count(), sa.func.avg(E.latitude), sa.func.avg(E.longitude),
                   sa.func.min(E.id), sa.func.min(E.event_type))
         .where(*where).group_by(cx, cy))  # fmt: skip
    out: dict[str, list[Any]] = {"count": [], "lat": [], "lon": [], "id": [], "type": []}
    for _, _, n, lat, lon, first, kind in conn.execute(q):
        out["count"].append(n)
        out["lat"].append(round(float(lat), 5))
        out["lon"].append(round(float(lon), 5))
        out["id"].append(first if n == 1 else None)
        out["type"].append(kind if n == 1 else None)
    return {"zoom": zoom, "cell_degrees": size, "total": sum(out["count"]), **out}


def extent(conn: sa.Connection, f: EventFilter) -> list[float] | None:
    """[west, south, east, north] of the matching events, or None when none has coordinates."""
    q = sa.select(sa.func.min(E.longitude), sa.func.min(E.latitude), sa.func.max(E.longitude),
                  sa.func.max(E.latitude)).where(*f.where())  # fmt: skip
    row = conn.execute(q).one()
    return None if row[0] is None else [float(v) for v in row]


def points(conn: sa.Connection, f: EventFilter) -> dict[str, list[Any]]:
    """Columns for the map: ids, coordinates and the type of every matching event."""
    where = [*f.where(), E.latitude.is_not(None), E.longitude.is_not(None)]
    rows = conn.execute(sa.select(E.id, E.latitude, E.longitude, E.event_type).where(*where)).all()
    type_index: dict[str, int] = {}
    return {
        "id": [r[0] for r in rows],
        "lat": [r[1] for r in rows],
        "lon": [r[2] for r in rows],
        "type": [type_index.setdefault(r[3], len(type_index)) for r in rows],
        "types": list(type_index),
    }


def timeline(conn: sa.Connection, f: EventFilter, unit: str = "month") -> list[dict[str, Any]]:
    """Counts (and fatalities) by period and event type, periods in order."""
    width = {"year": 4, "month": 7, "day": 10}.get(unit)
    if width is None:
        raise ConfigError(f"unknown timeline unit {unit!r}; use day, month or year")
    period = sa.func.substr(E.event_date, 1, width).label("period")
    q = (
        sa.select(period, E.event_type, sa.func.count().label("n"),
                  sa.func.coalesce(sa.func.sum(E.fatalities), 0).label("fatalities"))
        .where(*f.where())
        .group_by(period, E.event_type)
        .order_by(period, E.event_type)
    )  # fmt: skip
    return [{"period": p, "event_type": ty, "count": n, "fatalities": int(fa)}
            for p, ty, n, fa in conn.execute(q)]  # fmt: skip


def facets(conn: sa.Connection, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts per country, event type and status (and province, once countries are chosen)."""
    names = acled_names()
    out: dict[str, list[dict[str, Any]]] = {}
    for name, column in (("country", E.country_iso3), ("event_type", E.event_type),
                         ("status", E.status)):  # fmt: skip
        q = sa.select(column, sa.func.count()).where(*f.where()).group_by(column)
        out[name] = sorted(({"value": v, "label": names.get(v, v) if name == "country" else v,
                             "count": n} for v, n in conn.execute(q) if v is not None),
                           key=lambda x: -x["count"])  # fmt: skip
    if f.country:
        q = (sa.select(E.admin1_code, E.admin1, sa.func.count()).where(*f.where())
             .group_by(E.admin1_code, E.admin1).order_by(sa.func.count().desc()))  # fmt: skip
        out["admin1"] = [{"value": c, "label": lb, "count": n} for c, lb, n in conn.execute(q)
                         if c is not None]  # fmt: skip
    return out
