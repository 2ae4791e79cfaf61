// The dashboard: filters (bound to the URL), the map and the timeline of every matching event,
// and one panel that shows the list, an event, or the review queue.
import { api, token } from "/static/js/api.js";
import { h, clear } from "/static/js/dom.js";
import { apiParams, bindForm, go, view } from "/static/js/filters.js";
import { createMap, bounds, showClusters, fit, focus, onMove, zoom } from "/static/js/map.js";
import { drawTimeline } from "/static/js/timeline.js";
import { showList } from "/static/js/list.js";
import { showEvent } from "/static/js/event.js";
import { showQueue, queueKey } from "/static/js/queue.js";

const $ = (id) => document.getElementById(id);
let me = null;
let lastQuery = null;
window.eventdesk = { timings: {} };

const ctx = {
  canReview: () => Boolean(me && (me.role === "reviewer" || me.role === "admin")),
  open: (id, opts = {}) => { go({ event: id }); if (opts.edit) setTimeout(() => $("edit")?.click(), 300); },
  back: () => history.length > 1 ? history.back() : go({ event: null }),
  focus: (lat, lon) => focus(lat, lon),
  refresh: (id) => renderPanel(true, id),
  notify,
};

function notify(message, isError = false) {
  const el = $("banner");
  el.textContent = message;
  el.className = `banner${isError ? " error" : ""}`;
  el.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { el.hidden = true; }, isError ? 8000 : 2500);
}

async function signIn() {
  try {
    me = token.get() ? await api("/me") : null;
  } catch {
    me = null;
    token.set("");
    notify("That token is unknown or revoked.", true);
  }
  $("who").textContent = me ? `${me.name} (${me.role})` : "";
  $("token").hidden = $("signin-btn").hidden = Boolean(me);
  $("signout-btn").hidden = !me;
}

async function fillMenus() {
  const facets = await api("/events/facets?status=all");
  const country = document.querySelector("select[name=country]");
  for (const c of facets.country) country.append(h("option", { value: c.value }, `${c.label} (${c.count})`));
  const types = document.querySelector("select[name=event_type]");
  for (const t of facets.event_type) types.append(h("option", { value: t.value }, `${t.label} (${t.count})`));
  const wanted = new URLSearchParams(location.search);
  country.value = wanted.get("country") || "";
  types.value = wanted.get("event_type") || "";
}

function qs(params) {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined)).toString();
  return s ? `?${s}` : "";
}

// The map for the current filters: clusters for the whole world first (with the matches'
// extent), then, if the view moves to frame them, clusters for the new view.
async function renderMap() {
  const params = apiParams(bounds());
  const key = JSON.stringify(params);
  if (key === lastQuery) return;
  lastQuery = key;
  const t0 = performance.now();
  const cells = await api(`/events/clusters${qs({ ...params, zoom: zoom(), with_extent: true })}`);
  const t1 = performance.now();
  showClusters(cells);
  window.eventdesk.timings = { fetch_ms: t1 - t0, draw_ms: performance.now() - t1, events: cells.total, cells: cells.count.length, ready_ms: performance.now() };
  document.body.dataset.mapReady = String(cells.total);
  if (!params.bbox && !view().event) fit(cells.extent);
}

async function renderView() {
  const params = { ...apiParams(bounds()), bbox: bounds(0.3) };
  const cells = await api(`/events/clusters${qs({ ...params, zoom: zoom() })}`);
  showClusters(cells);
}

async function renderTimeline() {
  const timeline = await api(`/events/timeline${qs(apiParams(bounds()))}`);
  drawTimeline($("timeline"), timeline.bins);
}

async function renderData() {
  await renderMap();
  await renderTimeline();
}

async function renderPanel(force = false, id = null) {
  const v = view();
  const panel = $("panel");
  $("nav-queue").classList.toggle("active", v.name === "queue" && !v.event);
  $("nav-map").classList.toggle("active", v.name !== "queue" && !v.event);
  try {
    if (v.event || id) await showEvent(panel, v.event || id, ctx);
    else if (v.name === "queue") await showQueue(panel, apiParams(bounds()), ctx);
    else await showList(panel, apiParams(bounds()), ctx.open);
  } catch (err) {
    clear(panel).append(h("p", { className: "error" }, err.message));
  }
  if (force) { lastQuery = null; renderData(); }
}

function keys(e) {
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(e.target.tagName);
  if (typing) { if (e.key === "Escape") e.target.blur(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "/") { e.preventDefault(); document.querySelector("input[name=q]").focus(); return; }
  if (e.key === "q") { go({ view: "queue", event: null }); return; }
  if (e.key === "m") { go({ view: null, event: null }); return; }
  if (e.key === "Escape" && view().event) { ctx.back(); return; }
  if (view().event && ctx.canReview() && ["a", "x", "e"].includes(e.key)) {
    ({ a: $("accept"), x: $("reject"), e: $("edit") })[e.key]?.click();
    return;
  }
  queueKey(e.key, ctx).then((handled) => handled && e.preventDefault());
}

async function main() {
  const config = await api("/config");
  createMap($("map"), {
    tiles: config.tiles,
    pick: (id) => go({ event: id }),
    cell: (lat, lon) => { focus(lat, lon); go({ view: null, event: null, in_view: "true" }); },
  });
  bindForm($("filters"));
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.addEventListener("click", (e) => { e.preventDefault(); go({ view: a.dataset.nav === "queue" ? "queue" : null, event: null }); });
  }
  $("signin").addEventListener("submit", async (e) => {
    e.preventDefault();
    token.set($("token").value.trim());
    $("token").value = "";
    await signIn();
    renderPanel();
  });
  $("signout-btn").addEventListener("click", async () => { token.set(""); await signIn(); renderPanel(); });
  document.addEventListener("keydown", keys);
  window.addEventListener("popstate", () => { renderData(); renderPanel(); });
  window.addEventListener("eventdesk:navigate", () => { renderData(); renderPanel(); });
  onMove(() => {
    if (new URLSearchParams(location.search).get("in_view")) { renderData(); renderPanel(); }
    else renderView();
  });
  await signIn();
  if (config.private && !me) {
    notify("This server needs a token to read: paste yours above and sign in.", true);
    return;
  }
  await renderMap(); // the map first: the list, the chart and the menus follow
  await Promise.all([renderPanel(), renderTimeline(), fillMenus()]);
}

main().catch((err) => notify(err.message, true));
