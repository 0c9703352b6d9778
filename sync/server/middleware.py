"""ASGI middleware: request body limits and one structured log line per request."""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("fieldapp.server.access")


class BodyLimit:
    """Refuse bodies over the limit with 413 before the app reads them.

    Blob uploads (PUT …/blobs/…) have their own, larger limit.
    """

    def __init__(self, app: ASGIApp, *, limit: int, blob_limit: int, blob_prefix: str) -> None:
        self.app = app
        self.limit = limit
        self.blob_limit = blob_limit
        self.blob_prefix = blob_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_blob = scope["method"] == "PUT" and scope["path"].startswith(self.blob_prefix)
        limit = self.blob_limit if is_blob else self.limit
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _too_large(send, limit)
            return
        received = 0

        async def counted() -> Message:
            # A body without Content-Length (chunked) is counted as it streams in; the
            # HTTPException reaches the app's JSON error handler.
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, detail=_too_large_body(limit))
            return message

        await self.app(scope, counted, send)


def _too_large_body(limit: int) -> dict[str, str]:
    return {
        "error": "body_too_large",
        "message": f"the request body is larger than the server accepts ({limit} bytes)",
    }


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(_too_large_body(limit)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class AccessLog:
    """One line per request: method, path, status and time. A request that failed with an
    exception is logged with status 500 (what the client is answered) and the error id
    that the client's error message and the exception's own log line carry."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 0}
        error_id = uuid.uuid4().hex[:12]
        scope.setdefault("state", {})["error_id"] = error_id

        async def tracked(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        entry: dict[str, Any] = {"method": scope["method"], "path": scope["path"]}
        try:
            await self.app(scope, receive, tracked)
        except Exception:
            if not status["code"]:
                status["code"] = 500
            entry["error_id"] = error_id
            raise
        finally:
            if status["code"] >= 500 and "error_id" not in entry:
                entry["error_id"] = error_id
            entry["status"] = status["code"]
            entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
            log.info("request", extra=entry)
