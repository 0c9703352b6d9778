"""Errors as JSON a person can read: `{"error": code, "message": sentence}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from peewee import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ErrorBody

log = logging.getLogger("fieldapp.server")


def api_error(status: int, code: str, message: str) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return HTTPException(status, detail={"error": code, "message": message}, headers=headers)


# Every route may answer these, always as ErrorBody (documented so clients and schema
# checks know the shape): a body that is not JSON, a body too large, a request that does
# not fit the schema, and a database that is down for a moment.
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "the request body could not be read"},
    413: {"model": ErrorBody, "description": "the request body is larger than allowed"},
    422: {"model": ErrorBody, "description": "the request does not fit the schema"},
    503: {"model": ErrorBody, "description": "the database is busy or down; retry later"},
}


def _body(code: str, message: str) -> dict[str, str]:
    return {"error": code, "message": message}


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    methods: set[str] = set()
    for route in app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)  # also routing's 404/405 and body parsing
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if isinstance(detail, dict) and "error" in detail:
            body = detail
        else:
            body = _body(f"http_{exc.status_code}", str(detail))
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # one path, several routes: Allow names all their methods
            headers["Allow"] = ", ".join(allowed_methods(app, request.url.path))
        return JSONResponse(body, status_code=exc.status_code, headers=headers or None)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for item in exc.errors()[:5]:
            where = ".".join(str(x) for x in item.get("loc", ()) if x != "body") or "body"
            parts.append(f"{where}: {item.get('msg', 'invalid')}")
        message = "the request is not valid: " + "; ".join(parts)
        return JSONResponse(_body("invalid_request", message), status_code=422)

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def database_down(request: Request, exc: Exception) -> JSONResponse:
        log.error("database unavailable", extra={"path": request.url.path, "error": str(exc)})
        return JSONResponse(
            _body("database_unavailable", "the server's database is busy or down; try again soon"),
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        error_id = getattr(request.state, "error_id", "")  # set by middleware.AccessLog
        log.exception("unhandled error", extra={"path": request.url.path, "error_id": error_id})
        message = f"the server failed on this request (error id {error_id}); it has been logged"
        return JSONResponse(_body("internal_error", message), status_code=500)
