"""Review actions: accept, edit, reject, merge, split, and undo of any of them.

Each action runs in one transaction: it checks the version the reviewer read (optimistic
locking: `UPDATE ... WHERE version = read`, so of two concurrent edits the second fails with
ConflictError and the current event, never silently overwriting the first), writes the events,
and appends one row to the audit log (`reviews`) with who, when, and every touched event's state
before and after. Undo restores the 'before' states as a new audit row; nothing is deleted from
the log.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from eventdesk.errors import ConflictError, NotFoundError, ReviewError
from eventdesk.export import schema_errors
from eventdesk.records import SUB_EVENT_PARENT, SubEventType
from eventdesk.store import tables as t
from eventdesk.store.eventrows import index_columns

E = t.events.c
R = t.reviews.c
State = dict[str, Any]  # {"data", "status", "merged_into", "version"}
FIXED = frozenset({"id", "sources", "source_count"})  # changed by merge/split, not by edit
ACTIONS = ("accept", "edit", "reject", "merge", "split", "undo")


def accept(conn: sa.Connection, event_id: str, user: str, version: int | None = None,
           comment: str | None = None) -> int:  # fmt: skip
    return _set_status(conn, "accept", event_id, "accepted", user, version, comment)


def reject(conn: sa.Connection, event_id: str, user: str, version: int | None = None,
           comment: str | None = None) -> int:  # fmt: skip
    return _set_status(conn, "reject", event_id, "rejected", user, version, comment)


def edit(conn: sa.Connection, event_id: str, user: str, fields: Mapping[str, Any], version: int,
         comment: str | None = None) -> int:  # fmt: skip
    """Change any coded field (not id or sources); the result must still fit the schema."""
    before = _state(conn, event_id, version)
    bad = sorted(set(fields) & FIXED)
    if bad:
        raise ReviewError(f"cannot edit {', '.join(bad)}: use merge or split to change sources")
    data = {**before["data"], **fields}
    if "sub_event_type" in fields and "event_type" not in fields:
        data["event_type"] = _parent(data["sub_event_type"])
    _check(data)
    after = {**before, "data": data, "status": "edited"}
    return _commit(conn, "edit", event_id, user, comment, {event_id: before}, {event_id: after})


def merge(conn: sa.Connection, ids: list[str], user: str,
          versions: Mapping[str, int] | None = None, comment: str | None = None) -> int:  # fmt: skip
    """Fold the other events into the first: it gains their sources and tolls; they point to it."""
    if len(set(ids)) < 2:
        raise ReviewError("merge needs two or more distinct event ids; the first one is kept")
    versions = versions or {}
    before = {i: _state(conn, i, versions.get(i)) for i in ids}
    target = copy.deepcopy(before[ids[0]])
    data = target["data"]
    for other in (before[i]["data"] for i in ids[1:]):
        data["sources"] = _union(data["sources"], other["sources"], ("doc_id", "start"))
        data["fatalities_claims"] = _union(data.get("fatalities_claims", []),
                                           other.get("fatalities_claims", []),
                                           ("doc_id", "count"))  # fmt: skip
        data["confidence"] = max(data["confidence"], other["confidence"])
    data["source_count"] = _outlets(data["sources"])
    after = {ids[0]: {**target, "status": "edited"}}
    for i in ids[1:]:
        after[i] = {**before[i], "status": "merged", "merged_into": ids[0]}
    return _commit(conn, "merge", ids[0], user, comment, before, after)


def split(conn: sa.Connection, event_id: str, user: str, sources: list[int],
          version: int | None = None, comment: str | None = None) -> tuple[int, str]:  # fmt: skip
    """Move the sources at these positions to a new event (a copy of the fields, to be reviewed)."""
    before = _state(conn, event_id, version)
    data = before["data"]
    moved = sorted(set(sources))
    if not moved or moved[0] < 0 or moved[-1] >= len(data["sources"]):
        raise ReviewError(
            f"split takes source positions 0-{len(data['sources']) - 1}; got {sources}"
        )
    if len(moved) == len(data["sources"]):
        raise ReviewError("split must leave at least one source on the original event")
    kept = [s for n, s in enumerate(data["sources"]) if n not in moved]
    gone = [data["sources"][n] for n in moved]
    key = event_id + "".join(f"|{s['doc_id']}:{s['start']}" for s in gone)
    new_id = "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    if _exists(conn, new_id):
        raise ReviewError(f"these sources were split off before, as {new_id}")
    new = {**copy.deepcopy(data), "id": new_id, "sources": gone, "source_count": _outlets(gone)}
    old = {**data, "sources": kept, "source_count": _outlets(kept)}
    after = {
        event_id: {**before, "data": old, "status": "edited"},
        new_id: {"data": new, "status": "new", "merged_into": None, "version": 0},
    }
    review = _commit(
        conn, "split", event_id, user, comment, {event_id: before, new_id: None}, after
    )
    return review, new_id


def undo(conn: sa.Connection, review_id: int, user: str, comment: str | None = None) -> int:
    """Put every event the review touched back as it was, if none changed since (later reviews
    that were themselves undone do not count)."""
    row = conn.execute(sa.select(t.reviews).where(R.id == review_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no review {review_id}")
    done = conn.scalar(sa.select(R.id).where(R.undoes == review_id))
    if done is not None:
        raise ConflictError(f"review {review_id} was already undone by review {done}")
    then_before, then_after = json.loads(row["before"]), json.loads(row["after"])
    before: dict[str, State | None] = {}
    for i, state in then_after.items():
        now = _state(conn, i) if _exists(conn, i) else None
        if _content(now) != _content(state):
            raise ConflictError(
                f"event {i} changed after review {review_id}; undo the later reviews first",
                current=now,
            )
        before[i] = now
    after = {i: then_before.get(i) for i in before}
    return _commit(conn, "undo", row["event_id"], user, comment, before, after, undoes=review_id)


def _content(state: State | None) -> tuple[Any, ...] | None:
    """What an event is, without its version: an undo checks that nothing changed since."""
    if state is None:
        return None
    return (state["data"], state["status"], state.get("merged_into"))


def history(conn: sa.Connection, event_id: str) -> list[dict[str, Any]]:
    """The audit rows that touched an event, oldest first, with the fields each one changed."""
    touched = sa.select(t.review_events.c.review_id).where(t.review_events.c.event_id == event_id)
    rows = conn.execute(sa.select(t.reviews).where(R.id.in_(touched)).order_by(R.id)).mappings()
    undone = {u: r for r, u in conn.execute(sa.select(R.id, R.undoes).where(R.undoes.is_not(None)))}
    out = []
    for r in rows:
        b = json.loads(r["before"]).get(event_id)
        a = json.loads(r["after"]).get(event_id)
        out.append({"id": r["id"], "action": r["action"], "user": r["user_name"],
                    "at": r["at"].isoformat(), "comment": r["comment"], "undoes": r["undoes"],
                    "undone_by": undone.get(r["id"]), "changes": changes(b, a)})  # fmt: skip
    return out


def log(conn: sa.Connection, limit: int = 100) -> list[dict[str, Any]]:
    """The newest audit rows, without their before/after states."""
    q = sa.select(R.id, R.action, R.event_id, R.user_name, R.at, R.comment, R.undoes)
    return [{"id": i, "action": a, "event_id": e, "user": u, "at": at.isoformat(), "comment": c,
             "undoes": un} for i, a, e, u, at, c, un in conn.execute(q.order_by(R.id.desc()).limit(limit))]  # fmt: skip


def changes(before: State | None, after: State | None) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field (and status) that differs."""
    b = {**(before or {}).get("data", {}), "status": (before or {}).get("status")}
    a = {**(after or {}).get("data", {}), "status": (after or {}).get("status")}
    return {k: [b.get(k), a.get(k)] for k in sorted(set(a) | set(b)) if b.get(k) != a.get(k)}


# -- writing ---------------------------------------------------------------------------------


def _set_status(conn: sa.Connection, action: str, event_id: str, status: str, user: str,
                version: int | None, comment: str | None) -> int:  # fmt: skip
    before = _state(conn, event_id, version)
    after = {**before, "status": status}
    return _commit(conn, action, event_id, user, comment, {event_id: before}, {event_id: after})


def _commit(conn: sa.Connection, action: str, event_id: str, user: str, comment: str | None,
            before: Mapping[str, State | None], after: Mapping[str, State | None],
            undoes: int | None = None) -> int:  # fmt: skip
    now = datetime.now(UTC)
    written = {i: _write(conn, i, before.get(i), state, now) for i, state in after.items()}
    res = conn.execute(sa.insert(t.reviews).values(
        action=action, event_id=event_id, user_name=user, at=now, comment=comment, undoes=undoes,
        before=json.dumps(before, ensure_ascii=False),
        after=json.dumps(written, ensure_ascii=False),
    ))  # fmt: skip
    review_id = int(res.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(sa.insert(t.review_events),
                 [{"review_id": review_id, "event_id": i} for i in sorted(written)])  # fmt: skip
    return review_id


def _write(conn: sa.Connection, event_id: str, old: State | None, new: State | None,
           now: datetime) -> State | None:  # fmt: skip
    """Write one event's new state (None deletes it) if it is still at `old`'s version."""
    if old is not None:
        conn.execute(sa.delete(t.event_sources).where(t.event_sources.c.event_id == event_id))
    if new is None:
        if old is not None:
            res = conn.execute(
                sa.delete(t.events).where(E.id == event_id, E.version == old["version"])
            )
            _changed(conn, res.rowcount, event_id)
        return None
    data = {**new["data"], "id": event_id}
    values = {**index_columns(data), "data": json.dumps(data, ensure_ascii=False),
              "status": new["status"], "merged_into": new.get("merged_into"), "updated_at": now}  # fmt: skip
    version = (old["version"] if old else 0) + 1
    if old is None:
        conn.execute(sa.insert(t.events).values(id=event_id, schema_version=1, version=version,
                                                **values))  # fmt: skip
    else:
        res = conn.execute(sa.update(t.events).where(E.id == event_id, E.version == old["version"])
                           .values(version=version, **values))  # fmt: skip
        _changed(conn, res.rowcount, event_id)
    rows = {(s["doc_id"], s["start"]): s["end"] for s in data["sources"]}
    conn.execute(sa.insert(t.event_sources), [
        {"event_id": event_id, "doc_id": d, "start": s, "end": e} for (d, s), e in rows.items()
    ])  # fmt: skip
    return {"data": data, "status": new["status"], "merged_into": new.get("merged_into"),
            "version": version}  # fmt: skip


def _changed(conn: sa.Connection, rowcount: int, event_id: str) -> None:
    if rowcount != 1:
        current = _state(conn, event_id) if _exists(conn, event_id) else None
        raise ConflictError(f"event {event_id} was changed by someone else meanwhile",
                            current=current)  # fmt: skip


def _state(conn: sa.Connection, event_id: str, version: int | None = None) -> State:
    q = sa.select(E.data, E.status, E.merged_into, E.version).where(E.id == event_id)
    row = conn.execute(q).mappings().first()
    if row is None:
        raise NotFoundError(f"no event {event_id!r}")
    state = {"data": json.loads(row["data"]), "status": row["status"],
             "merged_into": row["merged_into"], "version": row["version"]}  # fmt: skip
    if version is not None and version != state["version"]:
        raise ConflictError(
            f"event {event_id} is at version {state['version']}, not {version}: someone changed "
            "it since you read it; look at the current event and apply your change again",
            current=state,
        )
    return state


def _exists(conn: sa.Connection, event_id: str) -> bool:
    return conn.scalar(sa.select(E.id).where(E.id == event_id)) is not None


def _check(data: dict[str, Any]) -> None:
    errors = schema_errors(data)
    if not errors and _parent(data["sub_event_type"]) != data["event_type"]:
        errors = [
            f"sub_event_type: {data['sub_event_type']!r} is not a kind of {data['event_type']!r}"
        ]
    if errors:
        raise ReviewError("the edited event does not fit the schema: " + "; ".join(errors))


def _parent(sub: str) -> str:
    try:
        return SUB_EVENT_PARENT[SubEventType(sub)].value
    except ValueError as exc:
        raise ReviewError(f"unknown sub_event_type {sub!r}") from exc


def _union(
    a: list[dict[str, Any]], b: Iterable[dict[str, Any]], key: tuple[str, ...]
) -> list[dict[str, Any]]:
    seen = {tuple(x.get(k) for k in key) for x in a}
    return [*a, *(x for x in b if tuple(x.get(k) for k in key) not in seen)]


def _outlets(sources: list[dict[str, Any]]) -> int:
    return len({s.get("source") or s["doc_id"] for s in sources})
