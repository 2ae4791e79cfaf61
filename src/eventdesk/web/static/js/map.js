// The map: country outlines shipped with the page (offline), optional online tiles, and the
// matching events clustered on a grid by the server for the current zoom and view (so the map
// of 200,000 events is a few hundred circles, fetched again when the view changes).
import { L, feature } from "/static/vendor/vendor.js";
import { TYPE_COLOURS } from "/static/js/dom.js";

let map = null;
let layer = null;
let onPick = () => {};
let onCell = () => {};

export function createMap(el, { tiles, pick, cell }) {
  onPick = pick;
  onCell = cell;
  map = L.map(el, { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 16 }).setView([15, 20], 3);
  const base = L.layerGroup().addTo(map);
  const layers = { "Outlines (offline)": base };
  if (tiles) layers["Online tiles"] = L.tileLayer(tiles, { maxZoom: 18, attribution: "map tiles" });
  const control = L.control.layers(layers, {}, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  map.attributionControl.addAttribution("Natural Earth");
  fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((topo) => {
    L.geoJSON(feature(topo, topo.objects.countries), {
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0f3", fillOpacity: 1 },
      interactive: false,
    }).addTo(base);
  });
  const provinces = L.layerGroup();
  control.addOverlay(provinces, "Provinces (approximate)");
  provinceLayer(provinces);
  provinces.addTo(map);
  layer = L.layerGroup().addTo(map);
  return map;
}

// Province boundaries (approximate: derived from GeoNames places, see scripts/build_provinces.py)
// and names, loaded once the map is zoomed in enough to need them.
function provinceLayer(group) {
  let data = null;
  let lines = null;
  const names = L.layerGroup().addTo(group);
  const update = async () => {
    if (map.getZoom() < 5 || !map.hasLayer(group)) { names.clearLayers(); if (lines) group.removeLayer(lines); return; }
    if (!data) data = await (await fetch("/static/basemap/provinces.json")).json();
    if (!lines) {
      lines = L.layerGroup(data.lines.map((flat) => {
        const pts = [];
        for (let i = 0; i < flat.length; i += 2) pts.push([flat[i + 1], flat[i]]);
        return L.polyline(pts, { color: "#9aa3ad", weight: 1, dashArray: "4 3", interactive: false });
      }));
    }
    if (!group.hasLayer(lines)) group.addLayer(lines);
    names.clearLayers();
    const view = map.getBounds();
    for (const [, , name, lat, lon] of data.labels) {
      if (!view.contains([lat, lon])) continue;
      const icon = L.divIcon({ className: "province-name", iconSize: null, html: "" });
      const m = L.marker([lat, lon], { icon, interactive: false, keyboard: false });
      m.on("add", () => { m.getElement().textContent = name; });
      names.addLayer(m);
    }
  };
  map.on("zoomend moveend overlayadd", update);
}

export const zoom = () => Math.round(map.getZoom());

export function bounds(pad = 0) {
  if (!map) return null;
  const b = map.getBounds().pad(pad);
  const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
  return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(",");
}

// Draw the server's grid cells: a circle with its count, or a dot for a lone event.
export function showClusters(cells) {
  layer.clearLayers();
  for (let i = 0; i < cells.count.length; i++) {
    const lat = cells.lat[i];
    const lon = cells.lon[i];
    const n = cells.count[i];
    if (n === 1) {
      const colour = TYPE_COLOURS[cells.type[i]] || "#333";
      const id = cells.id[i];
      L.circleMarker([lat, lon], { radius: 6, color: "#fff", weight: 1, fillColor: colour, fillOpacity: 0.9 })
        .on("click", () => onPick(id))
        .addTo(layer);
      continue;
    }
    const size = Math.round(22 + Math.min(30, Math.log10(n) * 8));
    const icon = L.divIcon({ className: "cluster", iconSize: [size, size], html: "" });
    const m = L.marker([lat, lon], { icon, keyboard: false, title: `${n} events` });
    m.on("add", () => { m.getElement().textContent = abbreviate(n); });
    m.on("click", () => {
      if (map.getZoom() >= map.getMaxZoom() - 1) onCell(lat, lon, cells.cell_degrees);
      else map.setView([lat, lon], Math.min(map.getZoom() + 2, map.getMaxZoom()));
    });
    m.addTo(layer);
  }
}

function abbreviate(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

// Show an extent [west, south, east, north] if the view does not already frame it.
export function fit(extent) {
  if (!extent) return false;
  const [w, s, e, n] = extent;
  const target = L.latLngBounds([s, w], [n, e]);
  const view = map.getBounds();
  if (view.contains(target) && map.getBoundsZoom(target, false, [30, 30]) <= map.getZoom() + 1) return false;
  map.fitBounds(target, { padding: [30, 30], maxZoom: 8, animate: false });
  return true;
}

export function focus(lat, lon) {
  if (map && lat !== undefined && lon !== undefined) map.setView([lat, lon], Math.max(map.getZoom(), 7));
}

export function onMove(fn) {
  map.on("moveend", fn);
}
