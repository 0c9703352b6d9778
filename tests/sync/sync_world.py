"""A small world for sync tests: a real server process, its database, devices, payloads.

The server runs as `python -m sync.server` in a subprocess on a free loopback port with a
temporary SQLite file; the test process opens the same database for administration and
for checking what the server holds. Devices are real store files, opened one at a time.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from live_server import REPO as REPO  # the tests import it from here
from live_server import LiveServer

from fieldapp.domain.ids import new_id
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.opening import open_store
from sync.client import SyncClient, enroll_device
from sync.protocol import API_PREFIX, canonical_json, payload_hash
from sync.server import admin, auth, venue_import
from sync.server import db as server_db

PG_URL = os.environ.get("FIELDAPP_TEST_PG_URL", "")

GRIDS_CSV = """code,name,level,parent
T1,鼎美镇,town,
V1,鼎美村,village,T1
V2,芸美村,village,T1
A1,鼎美村一组,area,V1
"""

PEOPLE_CSV = """id,name,role,phone,grids
p-insp,张三,inspector,,V1
p-insp2,王五,inspector,,V2
p-sup,李四,supervisor,,T1
p-sup2,赵六,supervisor,,V1
"""

VENUES_CSV = """code,name,kind,grid,address
DM-0001,鼎美村·福顺小旅馆(示例),small_hotel,A1,鼎美村1号
DM-0002,鼎美村·小卖部(示例),small_shop,V1,鼎美村2号
YM-0001,芸美村·便民超市(示例),supermarket,V2,芸美村1号
"""


def _pg_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def _pg_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def create_pg_database() -> str:
    name = f"fieldapp_t_{new_id().replace('-', '')[-12:]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    if server_db.database.obj is not None:
        server_db.current().close_all()
    for name in (_pg_name(url), _pg_name(url) + "_backup"):
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backup_database(db_url: str) -> None:
    """Copy the stopped server's database aside (a file copy, or a template database)."""
    server_db.current().close_all()
    if server_db.is_postgres_url(db_url):
        name = _pg_name(db_url)
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}_backup"')
        _pg_admin(f'CREATE DATABASE "{name}_backup" TEMPLATE "{name}"')
        return
    path = server_db.sqlite_path(db_url)
    shutil.copy(path, path.with_name(path.name + ".backup"))


def restore_database(db_url: str) -> None:
    """Replace the stopped server's database with the backup."""
    server_db.current().close_all()
    if server_db.is_postgres_url(db_url):
        name = _pg_name(db_url)
        _pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{name}_backup"')
        return
    path = server_db.sqlite_path(db_url)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copy(path.with_name(path.name + ".backup"), path)


@dataclass
class Seed:
    venues: dict[str, str] = field(default_factory=dict)  # code -> id


def seed_server(db_url: str, workdir: Path) -> Seed:
    """The seeded grids, people and venues in the empty database at `db_url` (their sheets
    written into `workdir` too). Seeded once per test process into a template: each test's
    database is a copy of it (PostgreSQL's CREATE DATABASE … TEMPLATE, a file copy on
    SQLite), with an epoch of its own, instead of the schema and three imports each time."""
    for name, text in (("grids", GRIDS_CSV), ("people", PEOPLE_CSV), ("venues", VENUES_CSV)):
        (workdir / f"{name}.csv").write_text(text, encoding="utf-8")
    postgres = server_db.is_postgres_url(db_url)
    template, seed = _template(postgres)
    if postgres:
        name = _pg_name(db_url)
        if server_db.database.obj is not None:
            server_db.current().close_all()
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    else:
        path = server_db.sqlite_path(db_url)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(template, path)
    server_db.open_database(db_url)
    server_db.new_epoch()
    return Seed(dict(seed.venues))


_templates: dict[bool, tuple[str, Seed]] = {}  # postgres? -> (template, its seed)


def _template(postgres: bool) -> tuple[str, Seed]:
    if postgres not in _templates:
        if postgres:
            name = f"fieldapp_seed_{os.getpid()}_{new_id().replace('-', '')[-8:]}"
            _pg_admin(f'CREATE DATABASE "{name}"')
            atexit.register(_pg_admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            url = PG_URL.rsplit("/", 1)[0] + "/" + name
        else:
            folder = Path(tempfile.mkdtemp(prefix="fieldapp-seed-"))
            atexit.register(shutil.rmtree, folder, True)
            name = str(folder / "seeded.sqlite3")
            url = f"sqlite:///{name}"
        workdir = Path(tempfile.mkdtemp(prefix="fieldapp-seed-sheets-"))
        try:
            seed = _seed_afresh(url, workdir)
        finally:
            shutil.rmtree(workdir, True)
        server_db.current().close_all()  # a template is copied with no one connected
        _templates[postgres] = (name, seed)
    return _templates[postgres]


def _seed_afresh(db_url: str, workdir: Path) -> Seed:
    server_db.open_database(db_url)
    server_db.init_schema()
    for name, text in (("grids", GRIDS_CSV), ("people", PEOPLE_CSV), ("venues", VENUES_CSV)):
        (workdir / f"{name}.csv").write_text(text, encoding="utf-8")
    with server_db.current().connection_context():
        admin.import_grids(workdir / "grids.csv")
        admin.import_people(workdir / "people.csv")
        venue_import.import_venues(workdir / "venues.csv")
        from sync.server.models import Venue

        return Seed({v.code: v.id for v in Venue.select()})


def enrolment_code(person_id: str, hours: float = 1.0) -> str:
    with server_db.current().connection_context():
        return auth.issue_enrollment_code(person_id, hours=hours).code


class Device:
    """A field device: its own FIELDAPP_HOME-like directory and store file."""

    def __init__(self, home: Path, server: LiveServer) -> None:
        self.home = home
        self.server = server
        home.mkdir(parents=True, exist_ok=True)
        (home / "blobs").mkdir(exist_ok=True)

    def open(self) -> Device:
        open_store(self.home / "fieldapp.sqlite3")
        return self

    def enroll(self, person_id: str) -> Device:
        self.open()
        enroll_device(self.server.url, enrolment_code(person_id), device_name=self.home.name)
        return self

    @property
    def device_id(self) -> str:
        return str(SyncState.get_by_id(1).device_id)

    @property
    def token(self) -> str:
        return str(SyncState.get_by_id(1).token)

    def client(self, **options: Any) -> SyncClient:
        self.open()
        options.setdefault("blob_path", lambda sha: self.home / "blobs" / f"{sha}.jpg")
        options.setdefault("sleep", lambda _s: None)
        return SyncClient.from_store(**options)

    def enqueue(self, op_type: str, payload: dict[str, Any], *, seq: int | None = None) -> str:
        op_id = new_id()
        values: dict[str, Any] = {
            "op_id": op_id,
            "type": op_type,
            "payload": canonical_json(payload),
            "payload_hash": payload_hash(payload),
            "created_at": "2026-06-10T02:00:00.000Z",
        }
        if seq is not None:
            values["seq"] = seq
        Outbox.insert(values).execute()
        return op_id

    def outbox(self) -> dict[str, Outbox]:
        return {row.op_id: row for row in Outbox.select().order_by(Outbox.seq)}


# --- payloads in the documented shapes (sync.protocol) ----------------------------------


def event(
    event_type: str, actor: str, *, base: str | None = None, at: str = "2026-06-10T03:00:00.000Z",
    role: str = "", data: dict[str, Any] | None = None, photos: list[str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "id": new_id(), "type": event_type, "actor": actor, "role": role, "device_id": "",
        "base_event": base, "at": at, "note": "", "photos": photos or [], "data": data or {},
    }  # fmt: skip


def inspection_submit(
    venue_id: str, inspector: str, *, findings: int = 1, at: str = "2026-06-10T02:00:00.000Z",
    photos: list[str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    inspection_id = new_id()
    finding_list = []
    for index in range(findings):
        opened = event("opened", inspector, at=at, data={"deadline": "2026-06-20"})
        finding_list.append({
            "id": new_id(), "venue_id": venue_id, "item_code": f"COM-{index + 1:02d}",
            "severity": "general", "description": "灭火器过期", "deadline": "2026-06-20",
            "photos": photos or [], "created_at": at, "created_by": inspector, "events": [opened],
        })  # fmt: skip
    return {
        "inspection": {
            "id": inspection_id, "venue_id": venue_id, "checklist_id": "small_hotel",
            "checklist_version": 1, "inspector_id": inspector, "device_id": "",
            "started_at": at, "finished_at": at, "submitted_at": at, "presence": "manual",
            "presence_payload": "", "presence_reason": "placard missing", "presence_note": "",
            "presence_at": at, "representative": "店主", "summary": {"total": 2},
            "supersedes": None,
        },
        "answers": [
            {"item_code": "COM-01", "outcome": "fail", "value": "", "note": "", "photos": photos or []},
            {"item_code": "COM-02", "outcome": "pass", "value": "", "note": "", "photos": []},
        ],
        "findings": finding_list,
    }  # fmt: skip


def finding_event(finding_id: str, evt: dict[str, Any]) -> dict[str, Any]:
    return {"finding_id": finding_id, "event": evt}


def reported_hazard(make_device: Any, venue_id: str) -> tuple[Device, str, str, dict[str, Any]]:
    """An inspector's device ("insp", p-insp) that found a hazard at `venue_id` and reported
    it fixed, both synced: (the device, the finding's id, its opening's id, the report)."""
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(venue_id, "p-insp")
    finding_id = submit["findings"][0]["id"]
    opened_id = submit["findings"][0]["events"][0]["id"]
    inspector.enqueue("inspection.submit", submit)
    report = event("rectification_reported", "p-insp", base=opened_id)
    inspector.enqueue("finding.event", finding_event(finding_id, report))
    with inspector.client() as client:
        assert client.sync_once().ok
    return inspector, finding_id, opened_id, report


def daily_report(grid_code: str, reporter: str) -> dict[str, Any]:
    return {
        "id": new_id(), "grid_code": grid_code, "date": "2026-06-10", "reporter": reporter,
        "counts": {"inspected": 3}, "zero_report": False, "remarks": "",
        "submitted_at": "2026-06-10T09:00:00.000Z",
    }  # fmt: skip


def fell_back(records: list[logging.LogRecord]) -> list[str]:
    """What the server logged of falling back to one op at a time, or of any error: a
    batch it could apply in one transaction logs none of it."""
    return [
        r.getMessage()
        for r in records
        if r.levelno >= logging.WARNING or "one op at a time" in r.getMessage()
    ]


def server_count(model: Any, *where: Any) -> int:
    with server_db.current().connection_context():
        query = model.select()
        for clause in where:
            query = query.where(clause)
        return int(query.count())


class InProcessDevice:
    """A device enrolled against an in-process app (TestClient): raw calls, no store."""

    def __init__(self, client: Any, seed: Seed, person_id: str = "p-insp") -> None:
        self.client = client
        self.seed = seed
        self.person_id = person_id
        answer = client.post(
            f"{API_PREFIX}/enroll", json={"code": enrolment_code(person_id), "device_name": "t"}
        )
        answer.raise_for_status()
        self.device_id = answer.json()["device_id"]
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}"}
        self.seq = 0

    def op(self, op_type: str, payload: dict[str, Any], **envelope: Any) -> dict[str, Any]:
        self.seq += 1
        return {"op_id": new_id(), "seq": self.seq, "type": op_type, "payload": payload,
                **envelope}  # fmt: skip

    def push(self, ops: list[dict[str, Any]]) -> Any:
        return self.client.post(
            f"{API_PREFIX}/push",
            json={"device_id": self.device_id, "ops": ops},
            headers=self.headers,
        )

    def answers(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Push `ops` and return the per-op answers (a 200 answering each op, in order)."""
        answer = self.push(ops)
        assert answer.status_code == 200, answer.text
        results: list[dict[str, Any]] = answer.json()["results"]
        assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
        return results

    def inspection(self, **options: Any) -> dict[str, Any]:
        return inspection_submit(self.seed.venues["DM-0001"], self.person_id, **options)

    def get(self, path: str) -> Any:
        return self.client.get(f"{API_PREFIX}{path}", headers=self.headers)

    def head(self, path: str) -> Any:
        return self.client.head(f"{API_PREFIX}{path}", headers=self.headers)

    def put(self, path: str, content: bytes) -> Any:
        return self.client.put(f"{API_PREFIX}{path}", content=content, headers=self.headers)


def count_in_file_alone(path: Path, table: str) -> int:
    """The rows of `table` in the SQLite file at `path` without its WAL: what checkpoints
    have copied into the file (0 while not even the table has reached it)."""
    copy = path.with_name(f"{path.name}.alone")
    shutil.copy(path, copy)
    try:
        with sqlite3.connect(copy) as conn:
            try:
                return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            except sqlite3.DatabaseError:  # only in the WAL yet, or copied mid-checkpoint
                return 0
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def sync_as_the_app(device: Any) -> Any:
    """One sync of `device` (a `Device`), followed by what the app does after a sync
    (`after_sync`); asserts it met no error. Returns the sync's result."""
    from fieldapp.services.syncing.runs import after_sync

    with device.client() as client:
        result = client.sync_once()
    assert not result.errors, result.errors
    after_sync(result)
    return result
