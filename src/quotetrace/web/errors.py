"""Every error becomes a 4xx (or, for a bug, 500) response: JSON under /api/, a page elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from quotetrace.errors import QuotetraceError
from quotetrace.web.state import NoStore

log = logging.getLogger("quotetrace.web")


class ErrorBody(BaseModel):
    """Every error of the JSON API."""

    error: str = Field(description="what is wrong, in one line")
    status: int = Field(description="the HTTP status, repeated")
    detail: list[dict[str, Any]] | None = Field(None, description="per-field problems (422 only)")


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can answer with."""
    return {code: {"model": ErrorBody, "description": RESPONSE_TEXT[code]} for code in codes}


RESPONSE_TEXT = {
    400: "Unreadable input (empty, binary, no article in the HTML) or an invalid filter",
    404: "No such article",
    413: "The request is over the server's size limit",
    422: "Invalid parameters, or an article that could not be analysed within the time limit",
    503: "No store (the server runs without --db), or every extraction worker is busy",
}

HEADINGS = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Invalid request",
    500: "Server error",
    503: "No store",
}


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/api" or path.endswith(".json")


def error_response(app, path: str, status: int, message: str, detail=None) -> Response:
    if wants_json(path):
        body = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = jsonable_encoder(detail)
        return JSONResponse(body, status_code=status)
    from quotetrace.web.render import environment

    state = app.state.qt
    html = (
        environment()
        .get_template("error.html")
        .render(
            page_title=HEADINGS.get(status, "Error"),
            heading=HEADINGS.get(status, "Error"),
            status=status,
            message=message,
            nav=None,
            db_name=state.db_name,
        )
    )
    return HTMLResponse(html, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        if err.get("type") == "json_invalid":
            parts.append("the request body is not valid JSON")
            continue
        loc = [str(x) for x in err.get("loc", ()) if isinstance(x, str)]
        where = ".".join(x for x in loc if x not in ("body", "query", "path", "form"))
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HEADINGS.get(exc.status_code, "")
        return error_response(request.app, request.url.path, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        status = 422 if wants_json(request.url.path) else 400
        return error_response(request.app, request.url.path, status, _validation_message(exc), exc.errors())

    @app.exception_handler(QuotetraceError)
    async def user_error(request: Request, exc: QuotetraceError) -> Response:
        status = getattr(exc, "status", 400)  # the extraction pool's busy (503) / failed (422)
        return error_response(request.app, request.url.path, status, str(exc))

    @app.exception_handler(OverflowError)
    async def out_of_range(request: Request, exc: OverflowError) -> Response:
        # SQLite takes 64-bit integers: a larger id or offset cannot name anything stored.
        status = 404 if "/articles/" in request.url.path else 422
        message = "no such article" if status == 404 else "a number in the request is out of range"
        return error_response(request.app, request.url.path, status, message)

    @app.exception_handler(UnicodeEncodeError)
    async def unencodable(request: Request, exc: UnicodeEncodeError) -> Response:
        message = "the request holds text that is not valid Unicode (an unpaired surrogate)"
        return error_response(request.app, request.url.path, 422, message)

    @app.exception_handler(NoStore)
    async def no_store(request: Request, exc: NoStore) -> Response:
        return error_response(request.app, request.url.path, 503, exc.message)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request.app, request.url.path, 500, "internal error (see the log)")
