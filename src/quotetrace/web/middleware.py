"""Pure ASGI middleware: a request size limit (413) and security headers on every response."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quotetrace.web.errors import error_response

# Pages have no script at all: even a rendering bug could not run one. The API docs pages
# (FastAPI's Swagger UI / ReDoc) load their own scripts and are left alone.
PAGE_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
NO_CSP_PATHS = ("/docs", "/redoc")
# A client still sending when the 413 arrives may see a reset connection instead of the
# answer; bodies up to this many times the limit are read and dropped before replying.
DRAIN_FACTOR = 10


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        send = self._with_headers(send, path)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await self._reject(scope, send, 400, "invalid Content-Length header")
                return
            if int(length) > self.max_bytes:
                if int(length) <= DRAIN_FACTOR * self.max_bytes:
                    await _discard(receive)
                await self._reject(scope, send, 413, self._too_large())
                return
        # Read the body up front (at most max_bytes) so that chunked uploads without a
        # Content-Length are held to the same limit; the app then reads the buffer.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                messages.append(message)
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                if message.get("more_body", False):
                    await _discard(receive, DRAIN_FACTOR * self.max_bytes - size)
                await self._reject(scope, send, 413, self._too_large())
                return
            messages.append(message)
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return f"request is over the {self.max_bytes:,}-byte limit"

    async def _reject(self, scope: Scope, send: Send, status: int, message: str) -> None:
        response = error_response(scope["app"], scope.get("path", ""), status, message)
        await response(scope, _drain, send)

    @staticmethod
    def _with_headers(send: Send, path: str) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and not path.startswith(NO_CSP_PATHS):
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        return wrapped


async def _drain() -> Message:
    return {"type": "http.disconnect"}


async def _discard(receive: Receive, budget: int | None = None) -> None:
    while budget is None or budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        if budget is not None:
            budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return
