// The timeline: counts of events by month, stacked by event type, as an SVG bar chart.
import { TYPE_COLOURS, clear } from "/static/js/dom.js";

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

// Every month from the first to the last, so that gaps show as gaps.
function fillMonths(periods) {
  if (!periods.length || periods[0].length !== 7) return periods;
  const out = [];
  let [y, m] = periods[0].split("-").map(Number);
  const last = periods[periods.length - 1];
  for (let guard = 0; guard < 2400; guard++) {
    const p = `${y}-${String(m).padStart(2, "0")}`;
    out.push(p);
    if (p >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

export function drawTimeline(el, bins) {
  clear(el);
  const periods = fillMonths([...new Set(bins.map((b) => b.period))].sort());
  if (!periods.length) {
    el.append(document.createTextNode("No events match these filters."));
    return;
  }
  const totals = Object.fromEntries(periods.map((p) => [p, 0]));
  for (const b of bins) totals[b.period] += b.count;
  const max = Math.max(...Object.values(totals));
  const width = el.clientWidth || 600;
  const height = 110;
  const pad = 18;
  const bw = Math.max(1, (width - 40) / periods.length);
  const root = svg("svg", { width, height, role: "img", "aria-label": "events per month" });
  const heightOf = (n) => (n / max) * (height - pad - 8);
  const stacked = Object.fromEntries(periods.map((p) => [p, 0]));
  for (const b of bins) {
    const x = 30 + periods.indexOf(b.period) * bw;
    const hgt = heightOf(b.count);
    stacked[b.period] += hgt;
    const rect = svg("rect", { x, y: height - pad - stacked[b.period], width: Math.max(1, bw - 1), height: hgt, fill: TYPE_COLOURS[b.event_type] || "#333" });
    const title = svg("title", {});
    title.textContent = `${b.period} · ${b.event_type}: ${b.count} events, ${b.fatalities} killed`;
    rect.append(title);
    root.append(rect);
  }
  const label = (text, x, y, anchor = "start") => {
    const t = svg("text", { x, y, "font-size": 10, fill: "#555", "text-anchor": anchor });
    t.textContent = text;
    root.append(t);
  };
  label(String(max), 26, 12, "end");
  label(periods[0], 30, height - 4);
  label(periods[periods.length - 1], width - 4, height - 4, "end");
  el.append(root);
  const legend = document.createElement("div");
  legend.className = "legend";
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    const item = document.createElement("span");
    const dot = document.createElement("i");
    dot.style.background = colour;
    item.append(dot, document.createTextNode(type));
    legend.append(item);
  }
  el.append(legend);
}
