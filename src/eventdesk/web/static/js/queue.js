// The review queue: events not yet reviewed, the ones that most need a human first (low
// confidence, disputed, high tolls, unknown actors). Keyboard: j/k or arrows to move, Enter to
// open, a to accept, x to reject, e to edit.
import { api, queryString } from "/static/js/api.js";
import { h, clear } from "/static/js/dom.js";
import { eventRow } from "/static/js/list.js";

let selected = 0;

export async function showQueue(panel, params, ctx) {
  clear(panel);
  const page = await api(`/queue${queryString({ ...params, limit: 100 })}`);
  const list = h("ul", { className: "rows queue", id: "queue-list" });
  panel.append(
    h("div", { className: "panel-head" }, h("h2", {}, "Review queue"), h("span", { className: "count", id: "queue-count" }, `${page.total.toLocaleString()} to review`)),
    h("p", { className: "muted keys" }, "j/k or ↑/↓ move · Enter open · a accept · x reject · e edit · / search"),
    list,
  );
  if (!ctx.canReview()) panel.append(h("p", { className: "muted", id: "signin-hint" }, "Sign in with a reviewer token to act on the queue."));
  for (const e of page.items) {
    const row = eventRow(e, { onOpen: ctx.open });
    row.append(h("span", { className: "priority", title: "how much it needs a human (0-100)" }, `priority ${Math.round(e.review.priority)}`));
    list.append(row);
  }
  selected = Math.min(selected, Math.max(0, page.items.length - 1));
  mark(list);
}

function mark(list) {
  const rows = [...list.querySelectorAll("li.row")];
  rows.forEach((r, i) => r.classList.toggle("selected", i === selected));
  if (rows[selected]) rows[selected].scrollIntoView({ block: "nearest" });
}

// Keys for the queue; returns true when it handled the key.
export async function queueKey(key, ctx) {
  const list = document.getElementById("queue-list");
  if (!list) return false;
  const rows = [...list.querySelectorAll("li.row")];
  const row = rows[selected];
  if (key === "j" || key === "ArrowDown") selected = Math.min(selected + 1, rows.length - 1);
  else if (key === "k" || key === "ArrowUp") selected = Math.max(selected - 1, 0);
  else if (key === "Enter" && row) { ctx.open(row.dataset.id); return true; }
  else if ((key === "a" || key === "x") && row && ctx.canReview()) {
    const action = key === "a" ? "accept" : "reject";
    try {
      await api(`/events/${encodeURIComponent(row.dataset.id)}/${action}`, { method: "POST", body: {} });
      ctx.notify(`${action === "accept" ? "Accepted" : "Rejected"} ${row.dataset.id}.`);
    } catch (err) { ctx.notify(err.message, true); }
    ctx.refresh();
    return true;
  } else if (key === "e" && row) { ctx.open(row.dataset.id, { edit: true }); return true; }
  else return false;
  mark(list);
  return true;
}
