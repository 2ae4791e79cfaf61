"""Read endpoints: events (list, map points, timeline, facets, one event), documents, exports,
the review queue and the audit log."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from eventdesk.api.auth import reader
from eventdesk.api.errors import ApiError
from eventdesk.api.params import event_filter
from eventdesk.export.writers import writer
from eventdesk.store import overview, query, review
from eventdesk.store.query import EventFilter

router = APIRouter(dependencies=[Depends(reader)])
Filter = Annotated[EventFilter, Depends(event_filter)]


def json_response(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON without FastAPI's per-item encoder (which is slow on 200,000-point lists)."""
    body = orjson.dumps(obj)
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


@router.get("/events", summary="Events matching the filters, one page at a time")
def list_events(request: Request, f: Filter, sort: str = "-event_date",
                limit: Annotated[int, Query(ge=1, le=query.MAX_LIMIT)] = 50,
                cursor: str | None = None, with_total: bool = False) -> Response:  # fmt: skip
    with request.app.state.store.engine.connect() as conn:
        page = query.page(conn, f, sort, limit, cursor, with_total)
    return json_response(
        {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}
    )


@router.get("/events/clusters", summary="Matches grouped on a grid for a map at this zoom")
def clusters(request: Request, f: Filter, zoom: Annotated[int, Query(ge=0, le=overview.MAX_ZOOM)],
             with_extent: bool = False) -> Response:  # fmt: skip
    """Per grid cell (about 80 pixels wide at `zoom`): count, mean position, and the id and type
    of a lone event. `bbox` limits it to the view; `with_extent` adds the matches' bounds."""
    with request.app.state.store.engine.connect() as conn:
        body = overview.clusters(conn, f, zoom)
        if with_extent:
            body["extent"] = overview.extent(conn, f)
    return json_response(body)


@router.get("/events/points", summary="Coordinates, ids and types of every match")
def points(request: Request, f: Filter) -> Response:
    with request.app.state.store.engine.connect() as conn:
        return json_response(overview.points(conn, f))


@router.get("/events/timeline", summary="Counts by period and event type")
def timeline(request: Request, f: Filter, unit: str = "month") -> Response:
    with request.app.state.store.engine.connect() as conn:
        return json_response({"unit": unit, "bins": overview.timeline(conn, f, unit)})


@router.get("/events/facets", summary="Counts per country, province, type and status")
def facets(request: Request, f: Filter) -> Response:
    with request.app.state.store.engine.connect() as conn:
        return json_response(overview.facets(conn, f))


@router.get("/events/export", summary="Every match as ACLED-column CSV, JSONL, GeoJSON or Parquet")
def export(request: Request, f: Filter, format: str = "csv", sort: str = "event_date") -> Response:
    chunks, media, ext = writer(format)
    store = request.app.state.store

    def body() -> Iterator[bytes]:
        with store.engine.connect() as conn:
            yield from chunks(query.stream(conn, f, sort))

    disposition = {"Content-Disposition": f'attachment; filename="events.{ext}"'}
    return StreamingResponse(body(), media_type=media, headers=disposition)


@router.get("/queue", summary="Events waiting for review, the ones that most need a human first")
def queue(request: Request, f: Filter, limit: Annotated[int, Query(ge=1, le=query.MAX_LIMIT)] = 50,
          cursor: str | None = None) -> Response:  # fmt: skip
    if f.status == query.VISIBLE:
        f = dataclasses.replace(f, status=("new",))
    with request.app.state.store.engine.connect() as conn:
        page = query.page(conn, f, "-priority", limit, cursor, with_total=True)
    return json_response(
        {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}
    )


@router.get(
    "/events/{event_id}", summary="One event with its sources' documents and review history"
)
def get_event(request: Request, event_id: str) -> Response:
    with request.app.state.store.engine.connect() as conn:
        event = query.get(conn, event_id)
        if event is None:
            raise ApiError(404, f"no event {event_id!r}")
        docs = {s["doc_id"]: query.document(conn, s["doc_id"]) for s in event["sources"]}
        event["documents"] = {k: v for k, v in docs.items() if v is not None}
        event["history"] = review.history(conn, event_id)
    return json_response(event, headers=etag(event["review"]["version"]))


@router.get("/documents/{doc_id}", summary="A stored document: its text and the events it reports")
def get_document(request: Request, doc_id: str) -> Response:
    with request.app.state.store.engine.connect() as conn:
        doc = query.document(conn, doc_id)
    if doc is None:
        raise ApiError(404, f"no document {doc_id!r}")
    return json_response(doc)


@router.get("/reviews", summary="The audit log, newest first")
def reviews(request: Request, event_id: str | None = None,
            limit: Annotated[int, Query(ge=1, le=query.MAX_LIMIT)] = 100) -> Response:  # fmt: skip
    with request.app.state.store.engine.connect() as conn:
        if event_id:
            return json_response({"items": review.history(conn, event_id)[::-1][:limit]})
        return json_response({"items": review.log(conn, limit)})
