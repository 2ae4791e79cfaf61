"""Who is asking: a bearer token (`Authorization: Bearer edk_...`) made by `eventdesk users`.

Writes need a reviewer (or admin) token; reads need a viewer token only when the server runs
with `--private`. No token: 401; a token whose role is too low: 403.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from eventdesk.api.errors import ApiError
from eventdesk.store import users
from eventdesk.store.users import User

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="eventdesk"'}


def current_user(request: Request) -> User | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "the Authorization header must be 'Bearer <token>'", CHALLENGE)
    with request.app.state.store.engine.connect() as conn:
        user = users.by_token(conn, token.strip())
    if user is None:
        raise ApiError(401, "unknown or revoked token", CHALLENGE)
    return user


def needs(role: str) -> Callable[[Request], User]:
    """A dependency that yields the caller if their role is at least `role`."""

    def check(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise ApiError(401, f"this needs a {role} token: Authorization: Bearer <token> "
                                "(made by `eventdesk users add NAME --role ROLE`)", CHALLENGE)  # fmt: skip
        if not user.can(role):
            raise ApiError(403, f"user {user.name!r} is a {user.role}; this needs a {role}")
        return user

    return check


def reader(request: Request) -> User | None:
    """Anyone may read, unless the server is private: then a viewer token is needed."""
    if request.app.state.private:
        return needs("viewer")(request)
    return current_user(request)
