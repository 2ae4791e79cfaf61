// The list of events beside the map: one row per event, newest first, a page at a time.
import { api, queryString } from "/static/js/api.js";
import { h, clear, fmtDate } from "/static/js/dom.js";

export function eventRow(e, { onOpen, selected = false } = {}) {
  return h("li", { className: `row${selected ? " selected" : ""}`, dataset: { id: e.id }, tabindex: "-1" },
    h("a", { href: `/?event=${encodeURIComponent(e.id)}`, className: "row-link", onclick: (ev) => { ev.preventDefault(); onOpen(e.id); } },
      h("span", { className: "dot", dataset: { type: e.event_type } }),
      h("span", { className: "date" }, fmtDate(e.event_date)),
      h("span", { className: "type" }, e.sub_event_type),
      h("span", { className: "place" }, [e.location, e.admin1, e.country].filter(Boolean).join(", ")),
    ),
    h("div", { className: "meta" },
      [e.actor1 || "unknown actor", e.actor2 ? ` vs ${e.actor2}` : ""].join(""),
      e.fatalities ? ` · ${e.fatalities} killed` : "",
      ` · confidence ${Number(e.confidence).toFixed(2)}`,
      e.disputed ? " · disputed" : "",
      e.review && e.review.status !== "new" ? ` · ${e.review.status}` : "",
    ),
  );
}

export async function showList(panel, params, onOpen) {
  clear(panel);
  const head = h("div", { className: "panel-head" }, h("h2", {}, "Events"), h("span", { id: "count", className: "count" }, "…"));
  const exports = h("div", { className: "exports" }, "Export: ",
    ["csv", "jsonl", "geojson", "parquet"].map((f) =>
      h("a", { href: `/events/export${queryString({ ...params, format: f })}`, download: `events.${f}` }, f.toUpperCase())));
  const list = h("ul", { className: "rows", id: "event-list" });
  const more = h("button", { type: "button", id: "more", hidden: true }, "More");
  panel.append(head, exports, list, more);
  let cursor = null;
  const load = async (first) => {
    const page = await api(`/events${queryString({ ...params, limit: 50, with_total: first, ...(cursor ? { cursor } : {}) })}`);
    if (first) document.getElementById("count").textContent = `${page.total.toLocaleString()} events`;
    for (const e of page.items) list.append(eventRow(e, { onOpen }));
    cursor = page.next_cursor;
    more.hidden = !cursor;
  };
  more.addEventListener("click", () => load(false));
  await load(true);
}
