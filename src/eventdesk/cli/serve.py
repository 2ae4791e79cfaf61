"""`eventdesk serve`: the HTTP API and the dashboard, on http://127.0.0.1:8000 by default."""

from __future__ import annotations

import click

from eventdesk.cli.common import db_option, err, user_errors
from eventdesk.store import open_store, users


@click.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 for every interface: use --private then).",
)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--private", is_flag=True, help="Reads need a viewer token too.")
@click.option("--tiles", default=None, metavar="URL",
              help="Online tile URL template offered beside the offline outlines, "
                   "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")  # fmt: skip
def serve(db: str | None, host: str, port: int, private: bool, tiles: str | None) -> None:
    """Serve the API (OpenAPI at /docs) and the dashboard."""
    import uvicorn

    from eventdesk.api import create_app

    with user_errors():
        store = open_store(db)
        store.refresh_statistics()
        with store.engine.connect() as conn:
            nobody = not users.listing(conn)
    err.print(f"eventdesk on http://{host}:{port}  ·  API docs /docs  ·  db {store.where}")
    if nobody:
        err.print("no users yet: reading works; to review, create a token with "
                  "`eventdesk users add NAME --role reviewer` and paste it in the dashboard")  # fmt: skip
    uvicorn.run(create_app(store, private=private, tiles=tiles), host=host, port=port,
                log_level="warning")  # fmt: skip
