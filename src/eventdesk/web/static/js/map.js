// The map: country outlines shipped with the page (offline), optional online tiles, and every
// matching event clustered with Supercluster (which handles hundreds of thousands of points).
import { L, Supercluster, feature } from "/static/vendor/vendor.js";
import { TYPE_COLOURS } from "/static/js/dom.js";

let map = null;
let index = null;
let data = null;
let layer = null;
let onPick = () => {};

export function createMap(el, { tiles, pick }) {
  onPick = pick;
  map = L.map(el, { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([15, 20], 3);
  const base = L.layerGroup().addTo(map);
  const layers = { "Outlines (offline)": base };
  if (tiles) layers["Online tiles"] = L.tileLayer(tiles, { maxZoom: 18, attribution: "map tiles" });
  L.control.layers(layers, {}, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  map.attributionControl.addAttribution("Natural Earth");
  fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((topo) => {
    const countries = feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0f3", fillOpacity: 1 },
      interactive: false,
    }).addTo(base);
  });
  layer = L.layerGroup().addTo(map);
  map.on("moveend", draw);
  return map;
}

export function bounds() {
  if (!map) return null;
  const b = map.getBounds();
  const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
  return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(",");
}

// Load the points of a query ({id, lat, lon, type, types}) and draw them.
export function showPoints(points) {
  data = points;
  const n = points.id.length;
  const features = new Array(n);
  for (let i = 0; i < n; i++) {
    features[i] = { type: "Feature", properties: { i }, geometry: { type: "Point", coordinates: [points.lon[i], points.lat[i]] } };
  }
  index = new Supercluster({ radius: 50, maxZoom: 12, minPoints: 3 });
  index.load(features);
  draw();
  return n;
}

function draw() {
  if (!index) return;
  layer.clearLayers();
  const b = map.getBounds();
  const box = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
  const zoom = Math.round(map.getZoom());
  for (const c of index.getClusters(box, zoom)) {
    const [lon, lat] = c.geometry.coordinates;
    if (c.properties.cluster) {
      const count = c.properties.point_count;
      const size = 22 + Math.min(30, Math.log10(count) * 9);
      const icon = L.divIcon({ className: "cluster", iconSize: [size, size], html: "" });
      const m = L.marker([lat, lon], { icon, keyboard: false, title: `${count} events` }).addTo(layer);
      m.once("add", () => { m.getElement().textContent = c.properties.point_count_abbreviated; });
      if (m.getElement()) m.getElement().textContent = c.properties.point_count_abbreviated;
      m.on("click", () => map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), 14)));
    } else {
      const i = c.properties.i;
      const colour = TYPE_COLOURS[data.types[data.type[i]]] || "#333";
      L.circleMarker([lat, lon], { radius: 6, color: "#fff", weight: 1, fillColor: colour, fillOpacity: 0.9 })
        .on("click", () => onPick(data.id[i]))
        .addTo(layer);
    }
  }
}

// Show every point of the last query (a country's events fill the view).
export function fitPoints() {
  if (!data || !data.id.length) return;
  let [s, w, n, e] = [90, 180, -90, -180];
  for (let i = 0; i < data.lat.length; i++) {
    s = Math.min(s, data.lat[i]); n = Math.max(n, data.lat[i]);
    w = Math.min(w, data.lon[i]); e = Math.max(e, data.lon[i]);
  }
  map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 7, animate: false });
}

export function focus(lat, lon) {
  if (map && lat !== undefined && lon !== undefined) map.setView([lat, lon], Math.max(map.getZoom(), 7));
}

export function onMove(fn) {
  map.on("moveend", fn);
}
