"""Users and their API tokens. A token is shown once when made; the store keeps its SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from eventdesk.errors import ConfigError, NotFoundError
from eventdesk.store import tables as t

ROLES = ("viewer", "reviewer", "admin")  # each can do what the ones before it can
U, T = t.users.c, t.tokens.c


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def add(conn: sa.Connection, name: str, role: str) -> str:
    """Create a user and return its first token."""
    _check_role(role)
    if not name.strip() or len(name) > 80:
        raise ConfigError(f"bad user name {name!r}: 1 to 80 characters")
    if conn.scalar(sa.select(U.id).where(U.name == name)) is not None:
        raise ConfigError(
            f"user {name!r} exists; use `eventdesk users token {name}` for a new token"
        )
    conn.execute(sa.insert(t.users).values(name=name, role=role, disabled=False,
                                           created_at=datetime.now(UTC)))  # fmt: skip
    return new_token(conn, name)


def new_token(conn: sa.Connection, name: str) -> str:
    user_id = _user_id(conn, name)
    token = "edk_" + secrets.token_urlsafe(24)
    conn.execute(sa.insert(t.tokens).values(user_id=user_id, digest=_digest(token),
                                            created_at=datetime.now(UTC)))  # fmt: skip
    return token


def set_role(conn: sa.Connection, name: str, role: str) -> None:
    _check_role(role)
    conn.execute(sa.update(t.users).where(U.id == _user_id(conn, name)).values(role=role))


def revoke(conn: sa.Connection, name: str) -> int:
    """Revoke every token of a user; return how many."""
    res = conn.execute(sa.update(t.tokens)
                       .where(T.user_id == _user_id(conn, name), T.revoked_at.is_(None))
                       .values(revoked_at=datetime.now(UTC)))  # fmt: skip
    return int(res.rowcount)


def listing(conn: sa.Connection) -> list[dict[str, object]]:
    live = sa.func.count(T.id).filter(T.revoked_at.is_(None))
    q = (sa.select(U.name, U.role, U.created_at, live.label("tokens"))
         .select_from(t.users.outerjoin(t.tokens, T.user_id == U.id))
         .group_by(U.id, U.name, U.role, U.created_at).order_by(U.name))  # fmt: skip
    return [{"name": n, "role": r, "created_at": c.isoformat(), "tokens": k}
            for n, r, c, k in conn.execute(q)]  # fmt: skip


def by_token(conn: sa.Connection, token: str) -> User | None:
    q = (sa.select(U.name, U.role).select_from(t.users.join(t.tokens, T.user_id == U.id))
         .where(T.digest == _digest(token), T.revoked_at.is_(None), U.disabled == sa.false()))  # fmt: skip
    row = conn.execute(q).first()
    return User(row[0], row[1]) if row else None


def _user_id(conn: sa.Connection, name: str) -> int:
    user_id = conn.scalar(sa.select(U.id).where(U.name == name))
    if user_id is None:
        raise NotFoundError(f"no user {name!r}; `eventdesk users list` shows who there is")
    return int(user_id)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
