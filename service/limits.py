"""An ASGI middleware that refuses request bodies over a size limit with 413 and a JSON error.

Why our own: Starlette and uvicorn have no body size limit, and a client could otherwise make the
service buffer an arbitrarily large body. The check uses ``Content-Length`` when present and counts
the bytes of a streamed (chunked) body otherwise.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLargeError(Exception):
    """The request body is over the limit."""


class BodySizeLimit:
    """Wrap an ASGI app so that HTTP request bodies over ``max_bytes`` get a 413 JSON error."""

    def __init__(self, app: ASGIApp, max_bytes: int, upload_max_bytes: int | None = None) -> None:
        """Args:
            app: the wrapped app.
            max_bytes: the largest body accepted, in bytes.
            upload_max_bytes: the largest body of a document upload (``PUT /documents/...``);
                default ``max_bytes``.
        """
        self.app = app
        self.max_bytes = max_bytes
        self.upload_max_bytes = upload_max_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request through, or answer 413 as soon as the body is known to be too large."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = scope["method"] == "PUT" and scope["path"].startswith("/documents/")
        limit = self.upload_max_bytes if upload else self.max_bytes
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await self._refuse(send, limit)

    async def _refuse(self, send: Send, limit: int) -> None:
        body = json.dumps({"error": "RequestTooLarge",
                           "detail": f"request body over {limit} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
