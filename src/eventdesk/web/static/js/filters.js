// Filters live in the URL (?country=IRQ&event_type=Battles&...): the form reads them from it and
// writes them back, so a view can be bookmarked and shared.

const FIELDS = ["q", "country", "event_type", "actor", "date_from", "date_to", "min_confidence", "disputed", "in_view"];

export function fromUrl() {
  const qs = new URLSearchParams(location.search);
  const f = {};
  for (const name of FIELDS) if (qs.get(name)) f[name] = qs.get(name);
  return f;
}

export function view() {
  const qs = new URLSearchParams(location.search);
  return { name: qs.get("view") || "map", event: qs.get("event") || null };
}

export function go(changes, { replace = false } = {}) {
  const qs = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") qs.delete(key);
    else qs.set(key, value);
  }
  const url = `${location.pathname}${qs.toString() ? "?" + qs : ""}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.dispatchEvent(new Event("eventdesk:navigate"));
}

export function bindForm(form) {
  const sync = () => {
    const f = fromUrl();
    for (const name of FIELDS) {
      const input = form.elements[name];
      if (!input) continue;
      if (input.type === "checkbox") input.checked = f[name] === "true";
      else input.value = f[name] || "";
    }
  };
  const submit = () => {
    const changes = { event: null };
    for (const name of FIELDS) {
      const input = form.elements[name];
      changes[name] = input.type === "checkbox" ? (input.checked ? "true" : null) : input.value.trim();
    }
    go(changes);
  };
  let timer = null;
  const changed = (e) => {
    clearTimeout(timer);
    timer = setTimeout(submit, e.target.type === "search" || e.target.name === "actor" ? 350 : 0);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  form.addEventListener("reset", () => setTimeout(() => go(Object.fromEntries(FIELDS.map((n) => [n, null])))));
  window.addEventListener("popstate", sync);
  window.addEventListener("eventdesk:navigate", sync);
  sync();
}

// The API parameters of the current filters (and of the map's view, if asked for).
export function apiParams(bounds) {
  const f = fromUrl();
  const p = { ...f };
  delete p.in_view;
  if (f.in_view === "true" && bounds) p.bbox = bounds;
  return p;
}
