"""Alembic environment: eventdesk runs migrations itself (store.open_store), with the connection
passed in `config.attributes["connection"]`; `alembic` on the command line works too with -x url=..."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventdesk.store.tables import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("no database: pass -x url=sqlite:///path/to/eventdesk.db")
    with create_engine(url).begin() as conn:
        _migrate(conn)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
