"""The demo's central server: seeded from the demo store, on loopback, devices enrolled.

Layout of a demo workspace `W` (made by `fieldapp demo`):

    W/fieldapp.sqlite3            the inspector's device (the demo store)
    W/supervisor/fieldapp.sqlite3 the supervisor's device (`fieldapp demo --as supervisor`)
    W/server/server.sqlite3       the central server's database (owner-only)
    W/server/port                 the loopback port the server last ran on
    W/server/seed/                the grid, people and checklist files the server was seeded from

The server is seeded once from the demo store's own rows, so ids agree on both sides and
no demo data is written twice: grids, people and checklists with the admin import
functions, the venues (up to a million) copied in pages with their feed rows. The demo store's outbox also holds a colleague's work (the second
inspector's inspections): the server authorises every op by the device's person, so
that work is handed in by the colleague's own (simulated) device at seeding, and only
the device's own ops wait for its first sync.

The server itself runs as `python -m sync.server` in a subprocess that stops when the
`fieldapp demo` that started it exits, however it exits (a pipe on its stdin, see
`DemoServer.start`); a second `fieldapp demo` on the same workspace finds it running
(same epoch on the recorded port) and uses it instead of starting another.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fieldapp.paths import store_path
from fieldapp.store.db import db
from fieldapp.store.models import (
    Checklist,
    Grid,
    Outbox,
    Person,
    PersonGrid,
    SyncState,
)
from fieldapp.store.opening import close_store, open_store

SUPERVISOR_HOME = "supervisor"


class DemoServerError(RuntimeError):
    """The demo server could not be started, seeded or reached."""


def server_dir(home: Path) -> Path:
    return home / "server"


def server_db_url(home: Path) -> str:
    return f"sqlite:///{server_dir(home) / 'server.sqlite3'}"


def device_home(home: Path, role: str) -> Path:
    """Where the device acting for `role` keeps its store (its FIELDAPP_HOME)."""
    return home if role == "inspector" else home / SUPERVISOR_HOME


# --- seeding --------------------------------------------------------------------------


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    return path


def export_directory(dest: Path) -> dict[str, Any]:
    """The open demo store's grids, people and checklists as admin import files."""
    dest.mkdir(parents=True, exist_ok=True)
    grids = Grid.select().order_by(Grid.code)
    links: dict[str, list[str]] = {}
    for link in PersonGrid.select():
        links.setdefault(link.person_id, []).append(link.grid_code)
    files: dict[str, Any] = {
        "grids": _write_csv(
            dest / "grids.csv",
            ["code", "name", "level", "parent"],
            [[g.code, g.name, g.level, g.parent_code] for g in grids],
        ),
        "people": _write_csv(
            dest / "people.csv",
            ["id", "name", "role", "phone", "grids"],
            [
                [p.id, p.name, p.role, p.phone, ";".join(sorted(links.get(p.id, [])))]
                for p in Person.select().order_by(Person.id)
            ],
        ),
        "checklists": [],
    }
    for row in Checklist.select().order_by(Checklist.checklist_id, Checklist.version):
        path = dest / f"checklist-{row.checklist_id}-v{row.version}.json"
        path.write_text(json.dumps(row.body, ensure_ascii=False), encoding="utf-8")
        files["checklists"].append(path)
    return files


def seed_server(home: Path) -> bool:
    """Seed the workspace's server database from the open demo store, once.
    Returns False when it was seeded already."""
    from sync.server import admin, placard_keys
    from sync.server import db as server_db
    from sync.server.models import Venue as ServerVenue

    server_db.open_database(server_db_url(home))
    server_db.init_schema()
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        placard_keys.restrict_database_file()
        if ServerVenue.select().exists():
            return False
        files = export_directory(server_dir(home) / "seed")
        admin.import_grids(files["grids"])
        admin.import_people(files["people"])
        _seed_venues()
        from fieldapp.services.demo.patrols import seed_patrols

        seed_patrols(server_dir(home) / "seed")
        for path in files["checklists"]:
            admin.publish_checklist(path)
        from fieldapp.paths import CAMPAIGNS_DIR
        from sync.server.campaigns import publish_campaign

        for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
            publish_campaign(path)  # published, off until the office starts one
    return True


SEED_CHUNK = 20_000  # venues per page read and per insert: memory stays flat

_SEED_COLUMNS = (
    "id", "code", "name", "kind", "address", "grid", "contact", "phone", "risk_level",
    "placard_key_id", "updated_at", "lat", "lon", "last_inspected_at", "attributes",
)  # fmt: skip


def _seed_venues() -> None:
    """The demo store's venues go to the server as they are, page by page, each with its
    feed row, in one transaction. They were made valid by the demo itself, so they skip
    the admin import's per-row checks and upserts (a million venues in flat memory).

    The demo venues' history (most have a last inspection date and no inspection the
    server will ever receive) goes with them as each venue's last inspection, at 09:30
    local time that day, so every device that pulls the venue dates it the same. An
    inspection pushed later moves it forward as usual."""
    from fieldapp.services.demo.bulk import local_moment
    from sync.server import audit
    from sync.server import db as server_db
    from sync.server.bulk import execute_many
    from sync.server.feed import append_changes
    from sync.server.models import Venue as ServerVenue
    from sync.server.records import venue_change

    stamp = server_db.now_iso()
    moments: dict[str, str] = {}

    def last_inspected_at(day: str | None) -> str | None:
        if not day:
            return None
        if day not in moments:
            moment = local_moment(dt.date.fromisoformat(day), 9, 30)
            moments[day] = moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return moments[day]

    select = (
        "SELECT id, code, name, kind, address, grid_code, contact, phone, risk_level, "
        "last_inspected_on, attributes FROM venue WHERE id > ? ORDER BY id LIMIT ?"
    )
    seeded, after = 0, ""
    with server_db.write_transaction():
        while page := db.execute_sql(select, (after, SEED_CHUNK)).fetchall():
            after = page[-1][0]
            rows = [
                (*venue[:9], None, stamp, None, None, last_inspected_at(venue[9]))
                + (json.loads(venue[10] or "{}"),)
                for venue in page
            ]
            attributes = ServerVenue.attributes.db_value
            execute_many(
                ServerVenue, _SEED_COLUMNS, [(*row[:-1], attributes(row[-1])) for row in rows]
            )
            append_changes(
                [venue_change(ServerVenue(**dict(zip(_SEED_COLUMNS, row, strict=True))))
                 for row in rows]
            )  # fmt: skip
            seeded += len(rows)
        audit.record(audit.VENUES_IMPORTED, subject="demo store", detail={"rows": seeded})


def _author(op: Outbox) -> str:
    payload = json.loads(op.payload)
    if op.type == "inspection.submit":
        return str(payload["inspection"]["inspector_id"])
    if op.type == "finding.event":
        return str(payload["event"]["actor"])
    return str(payload.get("reporter", ""))


def hand_in_colleague_work(person_id: str) -> dict[str, int]:
    """Ops in the open store's outbox recorded for other people are applied on the
    server as sent by each one's own device (enrolled here); their answers are recorded
    in the outbox. Returns person id -> ops handed in."""
    from fieldapp.domain.clock import now_iso
    from sync.protocol import Op
    from sync.server import auth
    from sync.server import db as server_db
    from sync.server.apply import apply_op
    from sync.server.scope import DeviceContext

    pending = list(Outbox.select().where(Outbox.state == "pending").order_by(Outbox.seq))
    by_person: dict[str, list[Outbox]] = {}
    for op in pending:
        author = _author(op)
        if author and author != person_id:
            by_person.setdefault(author, []).append(op)
    counts: dict[str, int] = {}
    for author, ops in by_person.items():
        with server_db.current().connection_context():
            code = auth.issue_enrollment_code(author, hours=1).code
            enrolled = auth.enroll(code, f"demo device of {author}")
            who = DeviceContext(
                device_id=enrolled.device_id,
                person_id=author,
                person_name=enrolled.person.name,
                role=enrolled.person.role,
            )
            answers = [
                apply_op(who, Op(op_id=o.op_id, seq=o.seq, type=o.type,
                                 payload=json.loads(o.payload)))
                for o in ops
            ]  # fmt: skip
        stamp = now_iso()
        with db.atomic():
            for op, answer in zip(ops, answers, strict=True):
                if answer.status in ("applied", "duplicate"):
                    values: dict[str, Any] = {"state": "acked", "acked_at": stamp}
                else:
                    values = {"state": "rejected", "last_error": answer.reason or ""}
                Outbox.update(attempts=Outbox.attempts + 1, **values).where(
                    Outbox.op_id == op.op_id
                ).execute()
        counts[author] = len(ops)
    return counts


# --- the server process -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _health_epoch(url: str) -> str | None:
    try:
        response = httpx.get(f"{url}/api/v1/health", timeout=1.0)
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    return str(response.json().get("epoch", ""))


@dataclass
class DemoServer:
    """The workspace's server: started here (owned) or found running (not owned)."""

    home: Path
    port: int = 0
    owned: bool = False
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_url(self) -> str:
        return server_db_url(self.home)

    def start(self, timeout: float = 30.0) -> DemoServer:
        from sync.server import db as server_db

        server_db.open_database(self.db_url)
        with server_db.current().connection_context():
            epoch = server_db.get_epoch()
        port_file = server_dir(self.home) / "port"
        recorded = int(port_file.read_text()) if port_file.exists() else 0
        if recorded and _health_epoch(f"http://127.0.0.1:{recorded}") == epoch:
            self.port, self.owned = recorded, False  # another `fieldapp demo` runs it
            return self
        self.port = recorded if recorded and _port_free(recorded) else _free_port()
        log = open(server_dir(self.home) / "server.log", "ab")  # noqa: SIM115 (child keeps it)
        # Its stdin is a pipe only this process writes to (never): when this process
        # exits, however it exits (kill -9 of the TUI included), the server reads the
        # pipe's end and stops, so no demo server outlives the demo that started it.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.server", "--db", self.db_url, "--port", str(self.port),
             "--stop-with-stdin"],
            stdout=log, stderr=log, stdin=subprocess.PIPE,
            env={**os.environ}, start_new_session=True,
        )  # fmt: skip
        log.close()
        self.owned = True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DemoServerError(
                    f"the server exited (see {server_dir(self.home) / 'server.log'})"
                )
            if _health_epoch(self.url) == epoch:
                port_file.write_text(str(self.port))
                return self
            time.sleep(0.05)
        self.stop()
        raise DemoServerError(f"the server did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None


# --- devices ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoDevice:
    home: Path
    role: str
    person_id: str
    person_name: str
    device_id: str
    newly_enrolled: bool
    handed_in: dict[str, int] = field(default_factory=dict)  # colleague's name -> ops


def _enrol(url: str, person_id: str, name: str) -> str:
    from sync.client import enroll_device
    from sync.server import auth
    from sync.server import db as server_db

    with server_db.current().connection_context():
        code = auth.issue_enrollment_code(person_id, hours=1).code
    return enroll_device(url, code, device_name=name).device_id


def prepare_device(home: Path, server: DemoServer, role: str) -> DemoDevice:
    """The device of `role` in the workspace, enrolled with the server and pointed at its
    current URL. The inspector's device is the demo store (its colleague's work handed in
    on enrolment); the supervisor's is a fresh store that pulls everything at once."""
    from fieldapp.services.common import settings

    open_store(store_path(home))
    try:
        people = (settings.get("demo") or {}).get("people") or {}
    finally:
        close_store()
    person_id = str(people.get(role, ""))
    if not person_id:
        raise DemoServerError(f"{home} is not a demo workspace (no demo {role})")
    where = device_home(home, role)
    where.mkdir(parents=True, exist_ok=True)
    open_store(store_path(where))
    try:
        state = SyncState.get_or_none(SyncState.id == 1)
        enrolled = bool(state and state.token and state.person == person_id)
        handed: dict[str, int] = {}
        if enrolled:
            SyncState.update(server_url=server.url).where(SyncState.id == 1).execute()
        else:
            _enrol(server.url, person_id, f"demo {role}")
            handed = hand_in_colleague_work(person_id) if role == "inspector" else {}
            _first_pull(where, send=role != "inspector")
        device_id = str(SyncState.get_by_id(1).device_id)
        names = {p.id: p.name for p in Person.select()}
        name = names.get(person_id, person_id)
        handed = {names.get(k, k): v for k, v in handed.items()}
    finally:
        close_store()
    return DemoDevice(where, role, person_id, name, device_id, not enrolled, handed)


def _first_pull(where: Path, *, send: bool) -> None:
    """A newly enrolled device gets what the server holds for it before its TUI opens: its
    grids, venues, checklists and the placard keys (so the demo's placards scan offline
    at once). Without `send` its own work stays in the outbox for its first F12."""
    from fieldapp.services.common.campaigns import load_campaigns
    from fieldapp.services.common.checklists import load_checklists
    from fieldapp.services.syncing.runs import after_sync
    from sync.client import SyncClient, SyncError

    load_checklists()  # the shipped versions first, as the TUI's start-up would
    load_campaigns()
    blobs = where / "blobs"
    with SyncClient.from_store(blob_path=lambda sha: blobs / f"{sha}.jpg") as client:
        try:
            result = client.sync_once() if send else client.pull()
        except SyncError as error:
            raise DemoServerError(str(error)) from None
    if result.errors:
        raise DemoServerError("; ".join(result.errors))
    after_sync(result)  # the pulled venues' due dates, as after any sync


def start_demo_server(home: Path) -> DemoServer:
    """Seed the workspace's server from its demo store (once) and run it on loopback."""
    server_dir(home).mkdir(parents=True, exist_ok=True)
    open_store(store_path(home))
    try:
        seed_server(home)
    finally:
        close_store()
    return DemoServer(home).start()
