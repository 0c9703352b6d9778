"""The central endpoint: `create_app(db_url, ...)` builds the FastAPI app of protocol v1."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from sync.protocol import API_PREFIX, PAYLOAD_MODELS, PROTOCOL_VERSION, PushRequest
from sync.server import db as server_db
from sync.server.blob_store import open_blob_store, resolve_spec
from sync.server.deps import Settings
from sync.server.errors import COMMON_ERRORS, install_error_handlers
from sync.server.middleware import AccessLog, BodyLimit
from sync.server.office import publish_office_zone
from sync.server.routes import (
    blob_uploads,
    blobs,
    data,
    enroll,
    health,
    personal_key,
    pull,
    push,
    web,
)

DEFAULT_BLOB_LIMIT = 100 * 1024 * 1024  # an incident's video is kept as it was shot
DEFAULT_BODY_LIMIT = 16 * 1024 * 1024

DESCRIPTION = (
    f"Central endpoint of the field-inspection system (sync protocol v{PROTOCOL_VERSION}).\n\n"
    "Devices enrol once with a one-time code, then push their outbox (each op applied "
    "exactly once, answered `applied`, `duplicate` or `rejected` with a reason) and pull "
    "the changes of their grids in server commit order. "
    'Errors are `{"error": code, "message": sentence}`.'
)


# What `run(..., workers=N)` hands its worker processes (uvicorn starts them by import).
ENV_DB, ENV_BLOB_STORE, ENV_BLOB_LIMIT = (
    "FIELDAPP_SERVE_DB",
    "FIELDAPP_SERVE_BLOB_STORE",
    "FIELDAPP_SERVE_BLOB_LIMIT",
)
ENV_LOG_LEVEL = "FIELDAPP_SERVE_LOG_LEVEL"
ENV_ALERTS_EVERY = "FIELDAPP_ALERTS_EVERY"  # seconds between alert rounds; 0 turns them off


def start_alerts() -> None:
    """Run the alert loop (sync.server.alerts) in this serving process, if it is on."""
    every = float(os.environ.get(ENV_ALERTS_EVERY, "15") or 0)
    if every > 0:
        from sync.server.alerts.runner import start

        start(every)


def app_from_env() -> FastAPI:
    """The app of one uvicorn worker process (`fieldapp serve --workers N`). All state is
    in the database, so any number of workers may serve it; the parent made the schema."""
    from sync.server.logs import configure_json_logging

    configure_json_logging(int(os.environ.get(ENV_LOG_LEVEL, "20")))
    app = create_app(
        os.environ[ENV_DB],
        blob_store=os.environ.get(ENV_BLOB_STORE) or None,
        blob_limit=int(os.environ.get(ENV_BLOB_LIMIT, str(DEFAULT_BLOB_LIMIT))),
        init_db=False,
    )
    start_alerts()
    settle_memory()
    return app


YOUNG_COLLECTION_EVERY = 50_000  # objects made between young collections (settle_memory)


def settle_memory() -> None:
    """Move everything made at start-up (modules, schemas, the app) out of the garbage
    collector's view: a push allocates tens of thousands of objects, and each full
    collection would walk all of those again (~15 % of a push's CPU, measured).

    Then a young collection every 50,000 objects made (net of those freed), not 700: a
    push of 100 inspections holds ~15,000 dicts, lists and models until its commit, none
    in a cycle, and the collector walked them again and again for nothing. At 700 a
    10k-inspection push (`bench/bench_sync_push.py`, timed with `gc.callbacks`) made
    ~1,750 collections (14 of them full, 0.2–0.4 s); at 10,000 one a push (~100, 0.07–0.3
    s, ~10 % of the server's CPU on a busy machine); at 50,000 none: what a push holds is
    freed by reference counts before the count gets there."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[None]:
    """While the app serves: its SQLite database's checkpoints in a thread of their own."""
    server_db.start_checkpointer()
    try:
        yield
    finally:
        server_db.stop_checkpointer()


def create_app(
    db_url: str,
    *,
    blob_dir: Path | str | None = None,
    blob_store: str | None = None,
    blob_limit: int = DEFAULT_BLOB_LIMIT,
    body_limit: int = DEFAULT_BODY_LIMIT,
    init_db: bool = True,
) -> FastAPI:
    """The app over the database at `db_url` (a SQLite path or `sqlite:///…`, or
        `postgresql://…`). With `init_db`, missing tables and the epoch are created. Blobs go
    to `blob_store` (sync.server.blob_store), or files under `blob_dir`, or the default."""
    server_db.open_database(db_url)
    if init_db:
        server_db.init_schema()
        publish_office_zone()
    blob_spec = resolve_spec(blob_store, db_url, blob_dir)
    store = open_blob_store(blob_spec)
    app = FastAPI(
        title="fieldapp sync",
        version=str(PROTOCOL_VERSION),
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        lifespan=serving,
    )
    app.state.settings = Settings(
        db_url=db_url,
        blob_spec=blob_spec,
        blobs=store,
        blob_limit=blob_limit,
        body_limit=body_limit,
    )
    for module in (health, enroll, push, pull, blobs, blob_uploads, data, web, personal_key):
        app.include_router(module.router, prefix=API_PREFIX, responses=COMMON_ERRORS)
    install_error_handlers(app)
    app.openapi = lambda: _openapi_with_payloads(app)  # type: ignore[method-assign]
    app.add_middleware(
        BodyLimit, limit=body_limit, blob_limit=blob_limit, blob_prefix=f"{API_PREFIX}/blobs/"
    )
    app.add_middleware(AccessLog)
    return app


def _openapi_with_payloads(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema plus the push body and the op payload models, with their bounds,
    that `Op.payload` refers to: the push route reads its body itself and each payload is
    validated per op (not by FastAPI), so it would not list them."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        models: list[type[BaseModel]] = [PushRequest, *PAYLOAD_MODELS.values()]
        _, payloads = models_json_schema(
            [(model, "validation") for model in models],
            ref_template="#/components/schemas/{model}",
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, body in payloads.get("$defs", {}).items():
            components.setdefault(name, body)
        app.openapi_schema = schema
    return app.openapi_schema
