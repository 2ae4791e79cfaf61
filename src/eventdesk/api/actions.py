"""Review actions (reviewer token): accept, edit, reject, merge, split, undo.

Single-event actions take the version the reviewer read, as `If-Match: "<version>"` (the ETag of
GET /events/{id}) or `version` in the body; an edit must give it. A stale version gets 409 with
the event as it is now, so the reviewer can look and apply the change again.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from eventdesk.api.auth import needs
from eventdesk.api.errors import ApiError
from eventdesk.api.events import etag, json_response
from eventdesk.store import query, review
from eventdesk.store.users import User

router = APIRouter()
Reviewer = Annotated[User, Depends(needs("reviewer"))]
IfMatch = Annotated[str | None, Header(description='the ETag read: "<version>"')]


class Action(BaseModel):
    version: int | None = Field(None, description="the version read (or send If-Match)")
    comment: str | None = None


class Edit(Action):
    fields: dict[str, Any] = Field(description="field: new value, for any coded field")


class Split(Action):
    sources: list[int] = Field(description="positions of the sources that become a new event")


class Merge(BaseModel):
    ids: list[str] = Field(min_length=2, description="the event kept first, then those folded in")
    versions: dict[str, int] | None = None
    comment: str | None = None


@router.post("/events/{event_id}/accept", summary="Mark an event right as coded")
def accept(request: Request, event_id: str, user: Reviewer, if_match: IfMatch = None,
           body: Annotated[Action | None, Body()] = None) -> Response:  # fmt: skip
    return _set_status(request, review.accept, event_id, user, if_match, body)


@router.post("/events/{event_id}/reject", summary="Mark an event as no event (hidden by default)")
def reject(request: Request, event_id: str, user: Reviewer, if_match: IfMatch = None,
           body: Annotated[Action | None, Body()] = None) -> Response:  # fmt: skip
    return _set_status(request, review.reject, event_id, user, if_match, body)


def _set_status(request: Request, action: Any, event_id: str, user: User, if_match: str | None,
                body: Action | None) -> Response:  # fmt: skip
    body = body or Action(version=None, comment=None)
    with request.app.state.store.engine.begin() as conn:
        rid = action(conn, event_id, user.name, _version(if_match, body), body.comment)
    return _done(request, rid, event_id)


@router.post("/events/{event_id}/edit", summary="Change any coded field of an event")
def edit(request: Request, event_id: str, body: Edit, user: Reviewer,
         if_match: IfMatch = None) -> Response:  # fmt: skip
    version = _version(if_match, body)
    if version is None:
        raise ApiError(428, "an edit needs the version you read: send If-Match: \"<version>\" "
                            "(the ETag of GET /events/{id}) or \"version\" in the body")  # fmt: skip
    with request.app.state.store.engine.begin() as conn:
        rid = review.edit(conn, event_id, user.name, body.fields, version, body.comment)
    return _done(request, rid, event_id)


@router.post("/events/{event_id}/split", summary="Move some sources of an event to a new event")
def split(request: Request, event_id: str, body: Split, user: Reviewer,
          if_match: IfMatch = None) -> Response:  # fmt: skip
    with request.app.state.store.engine.begin() as conn:
        rid, new_id = review.split(conn, event_id, user.name, body.sources,
                                   _version(if_match, body), body.comment)  # fmt: skip
    return _done(request, rid, event_id, new_event=new_id)


@router.post("/events/merge", summary="Fold events that are one incident into the first")
def merge(request: Request, body: Merge, user: Reviewer) -> Response:
    with request.app.state.store.engine.begin() as conn:
        rid = review.merge(conn, body.ids, user.name, body.versions, body.comment)
    return _done(request, rid, body.ids[0])


@router.post("/reviews/{review_id}/undo", summary="Revert a review action (as a new audit row)")
def undo(request: Request, review_id: int, user: Reviewer,
         body: Annotated[Action | None, Body()] = None) -> Response:  # fmt: skip
    with request.app.state.store.engine.begin() as conn:
        rid = review.undo(
            conn, review_id, user.name, (body or Action(version=None, comment=None)).comment
        )
    return json_response({"review": rid})


def _version(if_match: str | None, body: Action) -> int | None:
    if if_match:
        tag = if_match.strip().removeprefix("W/").strip('"')
        if not tag.isdigit():
            raise ApiError(400, f'bad If-Match {if_match!r}: give the ETag you read, like "3"')
        if body.version is not None and body.version != int(tag):
            raise ApiError(400, "If-Match and the body's version disagree; send one")
        return int(tag)
    return body.version


def _done(request: Request, review_id: int, event_id: str, **extra: Any) -> Response:
    with request.app.state.store.engine.connect() as conn:
        event = query.get(conn, event_id)
    assert event is not None
    return json_response({"review": review_id, "event": event, **extra},
                         headers=etag(event["review"]["version"]))  # fmt: skip
