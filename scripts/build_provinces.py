"""Build the dashboard's province layer: approximate first-level boundaries and province labels.

No package reachable here ships province (admin-1) polygons, so the boundaries are derived from
what the gazetteer carries: every GeoNames place with its ISO 3166-2 province. Inside each
country's Natural Earth outline (world-atlas, 1:50m), each cell of a grid (0.1 degree, coarser
for large countries) takes the province of its nearest place; where two neighbouring cells
differ, there is a boundary. The staircase is chained into lines and simplified. The result is
right to within a cell or two where places are dense and rough where they are sparse (deserts):
the dashboard draws it dashed and calls it approximate.

Run after `make install` (it reads the built gazetteer) and `make web` (the outlines):

    .venv/bin/python scripts/build_provinces.py

Writes src/eventdesk/web/static/basemap/provinces.json: {"labels": [[iso3, code, name, lat,
lon], ...], "lines": [[lon, lat, lon, lat, ...], ...]}. Data: GeoNames (CC BY 4.0), Natural Earth.
"""

from __future__ import annotations

import json
import math
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pycountry
from scipy.spatial import cKDTree

REPO = Path(__file__).resolve().parents[1]
STATIC = REPO / "src/eventdesk/web/static"
MAX_CELLS = 250_000


def main() -> None:
    gazetteer = REPO / ".venv/share/eventdesk/gazetteer.sqlite"
    db = sqlite3.connect(gazetteer)
    outlines = country_outlines(json.loads((STATIC / "vendor/countries-50m.json").read_text()))
    places = defaultdict(list)
    q = (
        "SELECT country_iso3, admin1_code_iso, lat, lon FROM places WHERE admin1_code_iso IS NOT "
        "NULL AND country_iso3 IS NOT NULL AND feature IN ('city', 'admin1', 'admin2')"
    )
    for iso3, code, lat, lon in db.execute(q):
        places[iso3].append((lat, lon, code))
    labels = [
        [iso3, code, name, round(lat, 3), round(lon, 3)]
        for iso3, code, name, lat, lon in db.execute(
            "SELECT country_iso3, admin1_code_iso, admin1_name, lat, lon FROM places "
            "WHERE feature = 'admin1' AND admin1_code_iso IS NOT NULL ORDER BY 1, 2"
        )
    ]
    lines: list[list[float]] = []
    for iso3 in sorted(places):
        if iso3 in outlines and len({p[2] for p in places[iso3]}) > 1:
            lines.extend(boundaries(outlines[iso3], places[iso3]))
    out = STATIC / "basemap/provinces.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"labels": labels, "lines": lines}, separators=(",", ":")))
    print(
        f"{out}: {len(labels)} labels, {len(lines)} lines, "
        f"{sum(len(x) for x in lines) // 2} points",
        file=sys.stderr,
    )


def country_outlines(topo: dict) -> dict[str, list[np.ndarray]]:
    """ISO3 -> rings (arrays of lon, lat) of the country's polygons, from world-atlas TopoJSON."""
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        xy = np.cumsum(np.array(arc, dtype=float), axis=0)
        arcs.append(xy * scale + translate)

    def ring(indexes: list[int]) -> np.ndarray:
        parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indexes]
        return np.concatenate(parts)

    out: dict[str, list[np.ndarray]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geom.get("id", "")).zfill(3))
        if country is None:
            continue
        polygons = (
            geom["arcs"]
            if geom["type"] == "MultiPolygon"
            else [geom["arcs"]]
            if geom["type"] == "Polygon"
            else []
        )
        out[country.alpha_3] = [ring(r) for poly in polygons for r in poly]
    return out


def inside(rings: list[np.ndarray], xs: np.ndarray, y: float) -> np.ndarray:
    """Even-odd fill of one grid row: which of the x positions lie inside the rings at latitude y."""
    crossings = []
    for r in rings:
        x0, y0, x1, y1 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
        hit = (y0 <= y) != (y1 <= y)
        t = (y - y0[hit]) / (y1[hit] - y0[hit])
        crossings.append(x0[hit] + t * (x1[hit] - x0[hit]))
    cuts = np.sort(np.concatenate(crossings)) if crossings else np.array([])
    return np.searchsorted(cuts, xs) % 2 == 1


def boundaries(
    rings: list[np.ndarray], places: list[tuple[float, float, str]]
) -> list[list[float]]:
    allxy = np.concatenate(rings)
    west, south = allxy.min(axis=0)
    east, north = allxy.max(axis=0)
    if (
        east - west > 180
    ):  # across the antimeridian (Russia, Fiji...): skip, too rare to matter here
        return []
    res = max(0.1, math.sqrt((east - west) * (north - south) / MAX_CELLS))
    xs = np.arange(west + res / 2, east, res)
    ys = np.arange(south + res / 2, north, res)
    k = math.cos(math.radians((south + north) / 2))
    codes = sorted({p[2] for p in places})
    index = {c: i for i, c in enumerate(codes)}
    tree = cKDTree(np.array([(p[1] * k, p[0]) for p in places]))
    owner = np.array([index[p[2]] for p in places])
    grid = np.full((len(ys), len(xs)), -1, dtype=np.int32)
    for j, y in enumerate(ys):
        mask = inside(rings, xs, y)
        if mask.any():
            _, nearest = tree.query(np.column_stack([xs[mask] * k, np.full(mask.sum(), y)]))
            grid[j, mask] = owner[nearest]
    segments = []
    # vertical edges between horizontal neighbours, horizontal edges between vertical ones
    for j, i in zip(
        *np.nonzero((grid[:, :-1] != grid[:, 1:]) & (grid[:, :-1] >= 0) & (grid[:, 1:] >= 0)),
        strict=True,
    ):
        segments.append(((i + 1, j), (i + 1, j + 1)))
    for j, i in zip(
        *np.nonzero((grid[:-1, :] != grid[1:, :]) & (grid[:-1, :] >= 0) & (grid[1:, :] >= 0)),
        strict=True,
    ):
        segments.append(((i, j + 1), (i + 1, j + 1)))
    lines = []
    for chain in chains(segments):
        pts = np.array([(west + x * res, south + y * res) for x, y in chain])
        pts = simplify(pts, res * 0.75)
        if len(pts) >= 2:
            lines.append([round(float(v), 3) for v in pts.ravel()])
    return lines


def chains(segments: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Join segments into polylines that break where three or more meet."""
    graph: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for a, b in segments:
        graph[a].append(b)
        graph[b].append(a)
    used: set[frozenset] = set()
    out = []
    starts = [v for v, n in graph.items() if len(n) != 2] + list(graph)
    for start in starts:
        for nxt in graph[start]:
            edge = frozenset((start, nxt))
            if edge in used:
                continue
            used.add(edge)
            line = [start, nxt]
            while len(graph[line[-1]]) == 2:
                a, b = graph[line[-1]]
                step = a if b == line[-2] else b
                edge = frozenset((line[-1], step))
                if edge in used:
                    break
                used.add(edge)
                line.append(step)
            out.append(line)
    return out


def simplify(pts: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker."""
    if len(pts) < 3:
        return pts
    a, b = pts[0], pts[-1]
    d = b - a
    norm = math.hypot(*d) or 1.0
    dist = np.abs(d[0] * (pts[:, 1] - a[1]) - d[1] * (pts[:, 0] - a[0])) / norm
    i = int(np.argmax(dist))
    if dist[i] <= tolerance:
        return np.array([a, b])
    return np.concatenate([simplify(pts[: i + 1], tolerance)[:-1], simplify(pts[i:], tolerance)])


if __name__ == "__main__":
    main()
