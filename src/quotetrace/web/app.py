"""The FastAPI application: pages (``pages.py``), JSON API (``api.py``), static CSS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from quotetrace import __version__
from quotetrace.web import api, errors, pages
from quotetrace.web import trace as trace_pages
from quotetrace.web.middleware import GuardMiddleware
from quotetrace.web.render import STATIC
from quotetrace.web.state import MAX_REQUEST_BYTES, AppState
from quotetrace.web.workers import DEFAULT_TIME_LIMIT, DEFAULT_WORKERS, ExtractionPool

API_DESCRIPTION = """\
The JSON side of `quotetrace serve`, mirroring the command line:

* `POST /api/extract`: `quotetrace extract` (the Article JSON contract)
* `GET /api/search`: `quotetrace search`
* `GET /api/speakers`: `quotetrace speakers`
* `GET /api/articles/{id}`: one stored article
* `GET /api/trace`: `quotetrace trace` (quote families across outlets)

Errors are JSON objects `{"error": message, "status": code}`: 400 for unreadable input,
404 for an unknown article, 413 for a request over the size limit, 422 for invalid
parameters or an article that could not be analysed within the time limit, 503 when the
extraction workers are all busy or (store endpoints) the server runs without `--db`.
"""


def create_app(
    db: str | None = None,
    frame: bool = True,
    max_bytes: int | None = None,
    extract_workers: int = DEFAULT_WORKERS,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> FastAPI:
    """The application; ``db`` is the store file (checked and migrated now), or None.

    ``extract_workers`` processes analyse articles, each for at most ``time_limit``
    seconds; 0 analyses in the server's own process (no time limit)."""
    if db:
        from quotetrace.store.db import connect

        connect(db).close()  # a missing or foreign file fails here, before serving
    # Swagger UI and ReDoc assets come from the fastapi-offline wheel: /docs works with no network.
    pool = ExtractionPool(extract_workers, time_limit=time_limit) if extract_workers > 0 else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if pool is not None:
            pool.close()

    app = FastAPIOffline(
        lifespan=lifespan,
        title="quotetrace",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_tags=[{"name": "api", "description": "JSON endpoints"}],
    )
    app.state.qt = AppState(db=db, frame=frame, max_bytes=max_bytes or MAX_REQUEST_BYTES, pool=pool)
    app.add_middleware(GuardMiddleware, max_bytes=app.state.qt.max_bytes)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(trace_pages.router)  # quote families: /trace, /api/trace
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    document_errors(app)
    return app


def document_errors(app: FastAPI) -> None:
    """Every JSON route can meet the size guard (400/413), invalid parameters (422) and a
    missing store (503): the OpenAPI spec lists them for routes declared in any module, so
    that it stays a complete list of what a client may see. A route's own entries win."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = generate()
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ErrorBody", errors.ErrorBody.model_json_schema())
        body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for path, item in spec.get("paths", {}).items():
            if not path.startswith("/api/"):
                continue
            for operation in item.values():
                listed = operation.setdefault("responses", {})
                for code, text in errors.RESPONSE_TEXT.items():
                    listed.setdefault(str(code), {"description": text, "content": body})
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
