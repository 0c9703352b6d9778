"""`python -m sync.server --db URL [--host] [--port] [--blob-dir | --blob-store] [--workers N]`: the server under uvicorn.

`fieldapp serve` calls `run()` with the same arguments; tests start this module in a
subprocess so they can kill it.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import Any

from sync.server.app import (
    DEFAULT_BLOB_LIMIT,
    ENV_BLOB_LIMIT,
    ENV_BLOB_STORE,
    ENV_DB,
    ENV_LOG_LEVEL,
    create_app,
    settle_memory,
    start_alerts,
)
from sync.server.group_commit import LEADERS_ENV
from sync.server.logs import configure_json_logging

log = logging.getLogger("fieldapp.server")


def run(
    db_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    blob_dir: Path | str | None = None,
    blob_store: str | None = None,
    blob_limit: int = DEFAULT_BLOB_LIMIT,
    workers_log_level: str = "info",
    workers: int = 1,
) -> None:
    """Serve with uvicorn; with `workers` > 1, that many processes share the port (all
    state is in the database; on SQLite they take turns at its one write lock)."""
    import uvicorn

    level = getattr(logging, workers_log_level.upper(), logging.INFO)
    configure_json_logging(level)
    app = create_app(db_url, blob_dir=blob_dir, blob_store=blob_store, blob_limit=blob_limit)
    from sync.server import db as server_db

    with server_db.current().connection_context():
        epoch = server_db.get_epoch()
    if workers <= 1:
        start_alerts()
    log.info(
        "serving",
        extra={
            "host": host,
            "port": port,
            "epoch": epoch,
            "db": _safe(db_url),
            "workers": workers,
            "blobs": app.state.settings.blobs.describe(),
        },  # fmt: skip
    )
    options: dict[str, Any] = {
        "host": host, "port": port, "access_log": False, "log_config": None,
        "timeout_graceful_shutdown": 5,
    }  # fmt: skip
    if workers <= 1:
        settle_memory()
        uvicorn.run(app, **options)
        return
    server_db.current().close()  # the workers open their own connections
    # On PostgreSQL each process leads groups of pushes at once, one per CPU it has to
    # itself (group_commit.pg_leaders): no more in all than the machine has CPUs.
    os.environ.setdefault(LEADERS_ENV, str(max(1, (os.cpu_count() or 1) // workers)))
    os.environ.update(
        {
            ENV_DB: db_url,
            ENV_BLOB_STORE: app.state.settings.blob_spec,
            ENV_BLOB_LIMIT: str(blob_limit),
            ENV_LOG_LEVEL: str(level),
        }
    )
    uvicorn.run("sync.server.app:app_from_env", factory=True, workers=workers, **options)


def _safe(url: str) -> str:
    """The URL without a password, for logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


def stop_when_stdin_closes() -> None:
    """Stop this server (SIGTERM: uvicorn's graceful shutdown) once its standard input
    reaches its end: the process that started it holds the other end of that pipe, and
    the system closes it when that process exits, however it exits (kill -9 included)."""
    import signal
    import sys
    import threading

    def watch() -> None:
        while sys.stdin.buffer.read(4096):
            pass  # nothing is ever written; read only to notice the end
        log.info("the process that started this server is gone: stopping")
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sync.server")
    parser.add_argument("--db", default="fieldapp-server.sqlite3")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--blob-dir", default=None)
    parser.add_argument("--blob-store", default=None, help="files:DIR, database or s3://…")
    parser.add_argument("--blob-limit", type=int, default=DEFAULT_BLOB_LIMIT)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--stop-with-stdin",
        action="store_true",
        help="stop when standard input closes (its parent holds the pipe: `fieldapp demo`)",
    )
    args = parser.parse_args(argv)
    if args.stop_with_stdin:
        stop_when_stdin_closes()
    run(
        args.db,
        host=args.host,
        port=args.port,
        blob_dir=args.blob_dir,
        blob_store=args.blob_store,
        blob_limit=args.blob_limit,
        workers=args.workers,
    )


if __name__ == "__main__":
    main()
