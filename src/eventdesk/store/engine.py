"""Opening a store: the URL, SQLite's pragmas (WAL, one file), and migrations to the newest schema."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from eventdesk.errors import StoreError

DEFAULT_DB = "eventdesk.db"


def resolve_url(db: str | None) -> str:
    """A database URL from --db: a URL as given, a path as a SQLite file; default ./eventdesk.db."""
    db = db or os.environ.get("EVENTDESK_DB") or DEFAULT_DB
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def describe(url: str) -> str:
    """Where the data is, for people: the file path for SQLite, the URL without password otherwise."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def create(url: str) -> sa.Engine:
    try:
        engine = sa.create_engine(url, future=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def migrate(engine: sa.Engine) -> None:
    """Bring the database to the newest schema (Alembic, versions in store/migrations)."""
    script_location = str(resources.files("eventdesk.store").joinpath("migrations"))
    cfg = Config()
    cfg.set_main_option("script_location", script_location)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.SQLAlchemyError as exc:
        # the driver's message, without SQLAlchemy's links
        cause = getattr(exc, "orig", None) or exc
        where = describe(engine.url.render_as_string(hide_password=False))
        raise StoreError(f"cannot open or migrate the database {where}: {cause}") from exc
