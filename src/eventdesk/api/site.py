"""The dashboard: static files from eventdesk/web/static, the page at /, and /config and /me.

Every response carries a strict Content-Security-Policy: scripts only from this server, no inline
script, so text from an article can never run as code even if it slipped past escaping.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from eventdesk import __version__
from eventdesk.api.auth import current_user
from eventdesk.api.events import json_response

STATIC = resources.files("eventdesk.web").joinpath("static")


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    tile_origin = _origin(app.state.tiles)

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.url.path != "/docs":  # Swagger UI's page starts itself with an inline script
            response.headers.setdefault(
                "Content-Security-Policy",
                f"default-src 'self'; img-src 'self' data: {tile_origin}; style-src 'self'; "
                "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            )
        return response

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(
            str(STATIC.joinpath("index.html")), headers={"Cache-Control": "no-cache"}
        )

    @app.get("/config", summary="What the dashboard needs to know about this server", tags=["site"])
    def site_config() -> Response:
        return json_response({"version": __version__, "tiles": app.state.tiles,
                              "private": app.state.private})  # fmt: skip

    @app.get("/me", summary="The user a token belongs to (null without a token)", tags=["site"])
    def me(request: Request) -> Response:
        user = current_user(request)
        return json_response(user and {"name": user.name, "role": user.role})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="eventdesk API",
            swagger_js_url="/static/vendor/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger/swagger-ui.css", swagger_favicon_url="data:,",
        )  # fmt: skip

    @app.get("/health", include_in_schema=False)
    def health() -> Response:
        return json_response({"ok": True})


def _origin(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}"
