// The event page: its coded fields, each source with the evidence sentence highlighted in the
// article, the review actions (accept, edit, reject, split, undo) and the audit history.
import { api, ApiError } from "/static/js/api.js";
import { h, clear, marked, fmtDate } from "/static/js/dom.js";

const TYPES = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
};
const EDITABLE = [
  ["event_date", "Date", "date"], ["sub_event_type", "Sub-event type", "sub"], ["actor1", "Actor 1", "text"],
  ["actor2", "Actor 2", "text"], ["location", "Location", "text"], ["admin1", "Province", "text"],
  ["latitude", "Latitude", "number"], ["longitude", "Longitude", "number"], ["fatalities", "Fatalities", "int"],
  ["claimed_by", "Claimed by", "text"], ["notes", "Notes", "textarea"],
];

export async function showEvent(panel, id, ctx) {
  clear(panel);
  let event;
  try {
    event = await api(`/events/${encodeURIComponent(id)}`);
  } catch (err) {
    panel.append(h("p", { className: "error" }, err.message));
    return;
  }
  ctx.focus(event.latitude, event.longitude);
  const status = h("div", { className: "review-status", id: "review-status" },
    `Review: ${event.review.status} · version ${event.review.version}`,
    event.review.merged_into ? ` · merged into ${event.review.merged_into}` : "");
  panel.append(
    h("div", { className: "panel-head" },
      h("button", { type: "button", className: "back", onclick: () => ctx.back() }, "← Back"),
      h("h2", { id: "event-title" }, `${event.sub_event_type} in ${event.location}`)),
    status,
    actions(event, ctx),
    fields(event),
    h("h3", {}, `Sources (${event.sources.length})`),
    h("div", { className: "sources" }, event.sources.map((s, n) => source(s, n, event.documents[s.doc_id]))),
    h("h3", {}, "History"),
    history(event, ctx),
  );
  const first = panel.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "nearest" });
}

function fields(e) {
  const rows = [
    ["Date", `${fmtDate(e.event_date)} (time precision ${e.time_precision})`],
    ["Type", `${e.event_type} · ${e.sub_event_type}`],
    ["Actor 1", e.actor1 || "—"], ["Actor 2", e.actor2 || "—"],
    ["Place", [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(", ") + ` (geo precision ${e.geo_precision})`],
    ["Coordinates", `${e.latitude}, ${e.longitude}`],
    ["Fatalities", e.fatalities === null ? "not reported" : String(e.fatalities)],
    ["Claimed by", e.claimed_by || "—"], ["Confidence", Number(e.confidence).toFixed(2)],
    ["Disputed", e.disputed ? "yes" : "no"], ["Notes", e.notes || ""],
  ];
  return h("dl", { className: "fields", id: "event-fields" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", { dataset: { field: k } }, v)]));
}

function source(s, n, doc) {
  const text = doc ? doc.text : s.evidence;
  const start = doc ? s.start : 0;
  const end = doc ? s.end : s.evidence.length;
  return h("article", { className: "source", dataset: { n } },
    h("header", {},
      h("strong", {}, doc && doc.title ? doc.title : s.doc_id), " · ", s.source || (doc && doc.source) || "unknown outlet",
      s.published ? ` · ${s.published}` : "", s.reported_by ? ` · reported by ${s.reported_by}` : "",
      s.url ? [" · ", h("a", { href: s.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "link")] : ""),
    h("div", { className: "article", dir: "auto", lang: doc && doc.language ? doc.language : null }, marked(text, start, end)),
  );
}

function history(e, ctx) {
  if (!e.history.length) return h("p", { className: "muted" }, "No review yet.");
  return h("ol", { className: "history" }, e.history.map((r) => h("li", {},
    `${r.at.slice(0, 16).replace("T", " ")} · ${r.user} · ${r.action}`,
    r.comment ? ` · “${r.comment}”` : "",
    Object.keys(r.changes).length ? ` · ${Object.keys(r.changes).join(", ")}` : "",
    r.undone_by ? " · undone" : (ctx.canReview() ? [" ", h("button", { type: "button", className: "link", onclick: () => undo(r.id, e.id, ctx) }, "undo")] : ""),
  )));
}

async function undo(reviewId, eventId, ctx) {
  await run(ctx, () => api(`/reviews/${reviewId}/undo`, { method: "POST" }), eventId);
}

function actions(e, ctx) {
  if (!ctx.canReview()) return h("p", { className: "muted", id: "signin-hint" }, "Sign in with a reviewer token to accept, edit or reject this event.");
  const version = { "If-Match": `"${e.review.version}"` };
  const post = (action, body = {}) => run(ctx, () => api(`/events/${encodeURIComponent(e.id)}/${action}`, { method: "POST", body, headers: version }), e.id);
  const box = h("div", { className: "actions" },
    h("button", { type: "button", id: "accept", title: "Accept (a)", onclick: () => post("accept") }, "Accept"),
    h("button", { type: "button", id: "edit", title: "Edit (e)", onclick: () => openEditor(e, ctx, box) }, "Edit"),
    h("button", { type: "button", id: "reject", title: "Reject (x)", onclick: () => post("reject") }, "Reject"),
    e.sources.length > 1 ? h("button", { type: "button", id: "split", onclick: () => post("split", { sources: [e.sources.length - 1] }) }, "Split off last source") : null,
  );
  return box;
}

function openEditor(e, ctx, box) {
  if (document.getElementById("editor")) return;
  const inputs = {};
  const form = h("form", { id: "editor", className: "editor" },
    EDITABLE.map(([name, label, kind]) => {
      let input;
      if (kind === "sub") {
        input = h("select", { name }, Object.entries(TYPES).map(([t, subs]) => h("optgroup", { label: t }, subs.map((s) => h("option", { value: s, selected: s === e[name] }, s)))));
      } else if (kind === "textarea") {
        input = h("textarea", { name, rows: 3 });
        input.value = e[name] || "";
      } else {
        input = h("input", { name, type: kind === "int" || kind === "number" ? "number" : kind === "date" ? "date" : "text", step: kind === "number" ? "any" : null });
        input.value = e[name] === null || e[name] === undefined ? "" : String(e[name]);
      }
      inputs[name] = input;
      return h("label", {}, h("span", {}, label), input);
    }),
    h("input", { name: "comment", placeholder: "Comment (optional)" }),
    h("div", { className: "editor-buttons" }, h("button", { type: "submit", id: "save" }, "Save"), h("button", { type: "button", onclick: () => form.remove() }, "Cancel")),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const changed = {};
    for (const [name, , kind] of EDITABLE) {
      const raw = inputs[name].value.trim();
      const value = raw === "" ? null : kind === "int" ? parseInt(raw, 10) : kind === "number" ? parseFloat(raw) : raw;
      const before = e[name] === undefined ? null : e[name];
      if (value !== before && !(value === null && before === "")) changed[name] = value;
    }
    if (!Object.keys(changed).length) { form.remove(); return; }
    await saveEdit(e.id, changed, e.review.version, form.elements.comment.value || null, ctx);
  });
  box.after(form);
  inputs.fatalities.focus();
}

// Save an edit; on a conflict, show what the other reviewer changed and offer to apply ours on top.
async function saveEdit(id, changed, version, comment, ctx) {
  try {
    await api(`/events/${encodeURIComponent(id)}/edit`, { method: "POST", body: { fields: changed, version, comment } });
    ctx.notify("Saved.");
    ctx.refresh(id);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409) { ctx.notify(err.message, true); return; }
    const current = err.body.error.current;
    const theirs = Object.keys(changed).map((k) => `${k}: now ${JSON.stringify(current[k])}, yours ${JSON.stringify(changed[k])}`);
    const box = h("div", { className: "conflict", id: "conflict" },
      h("strong", {}, `Someone else changed this event (now version ${current.review.version}).`),
      h("ul", {}, theirs.map((t) => h("li", {}, t))),
      h("button", { type: "button", id: "apply-mine", onclick: () => saveEdit(id, changed, current.review.version, comment, ctx) }, "Apply my changes to the new version"),
      h("button", { type: "button", onclick: () => ctx.refresh(id) }, "Discard mine and reload"),
    );
    document.getElementById("conflict")?.remove();
    document.getElementById("editor")?.before(box);
  }
}

async function run(ctx, call, id) {
  try {
    await call();
    ctx.notify("Saved.");
  } catch (err) {
    ctx.notify(err.message, true);
  }
  ctx.refresh(id);
}
