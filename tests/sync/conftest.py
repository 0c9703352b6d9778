"""Fixtures for the sync tests.

- `live_server`: a real `python -m sync.server` on a free loopback port over a temporary
  SQLite file (seeded with grids T1>V1>A1, T1>V2; people p-insp (V1), p-insp2 (V2),
  p-sup (T1), p-sup2 (V1); three venues); waits for /health; stopped after the test.
  The test process has the same database open (`sync.server.db`) to administer and check.
- `seed`: the seeded venue ids by code.
- `make_device`: `make_device(name)` → a `Device` with its own store file under tmp_path.

Every server test runs on SQLite; with FIELDAPP_TEST_PG_URL set (a PostgreSQL URL whose
role may CREATE DATABASE, e.g. postgresql://postgres@127.0.0.1:5432/postgres) each runs
on PostgreSQL too, in a fresh database dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_world import (
    PG_URL,
    Device,
    InProcessDevice,
    LiveServer,
    Seed,
    create_pg_database,
    drop_pg_database,
    seed_server,
)

from fieldapp.store.opening import close_store


@pytest.fixture
def server_workdir(tmp_path: Path) -> Path:
    path = tmp_path / "server"
    path.mkdir()
    return path


@pytest.fixture(params=["sqlite", "postgresql"] if PG_URL else ["sqlite"])
def server_db_url(request: pytest.FixtureRequest, server_workdir: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{server_workdir / 'server.sqlite3'}"
        return
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture
def seed(server_db_url: str, server_workdir: Path) -> Seed:
    return seed_server(server_db_url, server_workdir)


@pytest.fixture
def live_server(seed: Seed, server_db_url: str, server_workdir: Path) -> Iterator[LiveServer]:
    server = LiveServer(server_db_url, server_workdir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def in_process_app(seed: Seed, server_db_url: str, server_workdir: Path) -> Iterator[Any]:
    """The app in this process (TestClient) over the seeded database: fast raw calls."""
    from fastapi.testclient import TestClient

    from sync.server.app import create_app

    app = create_app(server_db_url, blob_dir=server_workdir / "blobs", init_db=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def api(in_process_app: Any, seed: Seed) -> InProcessDevice:
    """An inspector's device (p-insp, grid V1) enrolled against `in_process_app`."""
    return InProcessDevice(in_process_app, seed)


@pytest.fixture
def make_device(tmp_path: Path, live_server: LiveServer) -> Iterator[Callable[[str], Device]]:
    def make(name: str) -> Device:
        return Device(tmp_path / "devices" / name, live_server)

    yield make
    close_store()
