"""Every error the API returns has one JSON shape:

    {"error": {"status": 409, "code": "conflict", "message": "...", ...details}}

`code` is stable (not_found, conflict, invalid, unauthorized, forbidden, precondition_required,
bad_request); `message` says what was wrong and what is allowed.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventdesk.errors import (
    ConfigError,
    ConflictError,
    EventdeskError,
    InputError,
    NotFoundError,
    ReviewError,
)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 422: "invalid",
         428: "precondition_required", 500: "internal"}  # fmt: skip


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 **details: Any):  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.headers, self.details = status, message, headers, details


def error_response(status: int, message: str, headers: dict[str, str] | None = None,
                   **details: Any) -> JSONResponse:  # fmt: skip
    body = {"status": status, "code": CODES.get(status, "error"), "message": message, **details}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Route every kind of failure to the one error shape."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.headers, **exc.details)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return error_response(422, "; ".join(problems), problems=problems)

    @app.exception_handler(EventdeskError)
    async def domain_error(_: Request, exc: EventdeskError) -> JSONResponse:
        if isinstance(exc, ConflictError):
            return error_response(409, str(exc), current=_public(exc.current))
        status = 404 if isinstance(exc, NotFoundError) else 422 if isinstance(
            exc, ReviewError | InputError) else 400 if isinstance(exc, ConfigError) else 500  # fmt: skip
        return error_response(status, str(exc))


def _public(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """An event's stored state as the API shows an event (its fields plus `review`)."""
    if state is None:
        return None
    review = {"status": state["status"], "version": state["version"],
              "merged_into": state.get("merged_into")}  # fmt: skip
    return {**state["data"], "review": review}
