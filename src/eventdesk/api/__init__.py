"""The HTTP API (FastAPI; OpenAPI at /docs) and the dashboard it serves.

`create_app(store)` builds the application; `eventdesk serve` runs it with uvicorn. Reads are
open unless `private=True`; every write needs a reviewer token (`eventdesk users`).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from eventdesk import __version__
from eventdesk.api import actions, errors, events, ingest, site
from eventdesk.store import Store

__all__ = ["create_app"]


def create_app(store: Store, *, private: bool = False, tiles: str | None = None) -> FastAPI:
    """The API and dashboard over `store`. `tiles`: an online tile URL template to offer as a
    basemap beside the offline outlines (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png)."""
    app = FastAPI(
        title="eventdesk",
        version=__version__,
        description="ACLED-coded conflict events read from news, with their sources and reviews.",
        docs_url=None,  # served by site.py from local files, so /docs works offline
        redoc_url=None,
    )
    app.state.store = store
    app.state.private = private
    app.state.tiles = tiles
    errors.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.include_router(events.router, tags=["events"])
    app.include_router(actions.router, tags=["review"])
    app.include_router(ingest.router, tags=["ingest"])
    site.mount(app)
    return app
