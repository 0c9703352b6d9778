"""The demo's central server: seeded from the demo store, on loopback, devices enrolled.

Layout of a demo workspace `W` (made by `fieldapp demo`):

    W/fieldapp.sqlite3            the inspector's device (the demo store)
    W/supervisor/fieldapp.sqlite3 the supervisor's device (`fieldapp demo --as supervisor`)
    W/server/server.sqlite3       the central server's database (owner-only)
    W/server/port                 the loopback port the server last ran on
    W/server/pid                  that server's process id (for the last window to stop it)
    W/server/seed/                the grid, people and checklist files the server was seeded from

The server is seeded once from the demo store's own rows (`server_seed`), and a
colleague's work in the demo store's outbox is handed in at the inspector's enrolment.

The server itself runs as `python -m sync.server` in a subprocess. A `fieldapp demo` on
the workspace finds it running (same epoch on the recorded port) and uses it, or starts
it; it runs for as long as any of those windows does, whichever started it, and stops by
itself when the last one exits, however it exits (`server_lease`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import httpx

from fieldapp.paths import store_path
from fieldapp.services.demo.server_lease import ServerLease
from fieldapp.services.demo.server_seed import hand_in_colleague_work, seed_server
from fieldapp.store.models import Person, SyncState
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
    """The workspace's server, as one window uses it: started here (owned) or found
    running (not owned)."""

    home: Path
    port: int = 0
    owned: bool = False
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    lease: ServerLease = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lease = ServerLease(server_dir(self.home))

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
        with self.lease.starting():
            recorded = int(port_file.read_text()) if port_file.exists() else 0
            serving = self.lease.join()
            if serving and recorded and _health_epoch(f"http://127.0.0.1:{recorded}") == epoch:
                self.port, self.owned = recorded, False  # another `fieldapp demo` runs it
                return self
            self.port = recorded if recorded and _port_free(recorded) else _free_port()
            self._run(epoch, timeout)
            port_file.write_text(str(self.port))
        return self

    def _run(self, epoch: str, timeout: float) -> None:
        """Start the server process on `self.port`, its standard input a new lease."""
        reader = self.lease.reader_for_a_new_server()
        log = open(server_dir(self.home) / "server.log", "ab")  # noqa: SIM115 (child keeps it)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "sync.server", "--db", self.db_url,
                 "--port", str(self.port), "--stop-with-stdin"],
                stdout=log, stderr=log, stdin=reader,
                env={**os.environ}, start_new_session=True,
            )  # fmt: skip
        finally:
            os.close(reader)
            log.close()
        (server_dir(self.home) / "pid").write_text(str(self.process.pid))
        self.owned = True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._give_up(f"the server exited (see {server_dir(self.home) / 'server.log'})")
            if _health_epoch(self.url) == epoch:
                return
            time.sleep(0.05)
        self._give_up(f"the server did not answer on {self.url} within {timeout:.0f} s")

    def _give_up(self, why: str) -> NoReturn:
        self.lease.leave()
        process, self.process = self.process, None
        if process is not None:
            _ended(process, grace=STOP_GRACE)
        raise DemoServerError(why)

    def stop(self, waiting: Callable[[], None] | None = None) -> None:
        """This window is done with the server: the server stops (and this waits for it,
        calling `waiting` first when that takes more than a moment) when no other window
        uses it, and runs on for those that do."""
        with self.lease.starting():
            last = self.lease.leave()
            process, self.process = self.process, None
            if last and process is not None:
                _ended(process, grace=STOP_GRACE, waiting=waiting)
            elif last and self.port:  # found running: as well, by its recorded pid
                _ended_elsewhere(self._recorded_pid(), self.url, waiting=waiting)

    def _recorded_pid(self) -> int | None:
        """The pid of the server this workspace runs, when that process still is one."""
        try:
            pid = int((server_dir(self.home) / "pid").read_text())
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            return None
        return pid if b"sync.server" in command and self.db_url.encode() in command else None


STOP_GRACE = 2.0  # seconds a stopping server has before it is killed
_MOMENT = 0.3  # a stop this quick is not worth a word


def _ended(
    process: subprocess.Popen[bytes], *, grace: float, waiting: Callable[[], None] | None = None
) -> None:
    """`process` once it has stopped (`_stopped`), reaped."""
    _stopped(process.pid, lambda: process.poll() is None, grace=grace, waiting=waiting)
    process.wait()


def _ended_elsewhere(
    pid: int | None, url: str, *, waiting: Callable[[], None] | None = None
) -> None:
    """The server another window started, once it has stopped; without its pid, waited
    on by its health answer only."""
    if pid is None:
        _stopped(None, lambda: _health_epoch(url) is not None, grace=STOP_GRACE, waiting=waiting)
    else:
        _stopped(pid, lambda: _alive(pid), grace=STOP_GRACE, waiting=waiting)


def _stopped(
    pid: int | None,
    running: Callable[[], bool],
    *,
    grace: float,
    waiting: Callable[[], None] | None,
) -> None:
    """Told to stop at once (SIGTERM, what the server does itself once its lease ends),
    killed when still `running` after `grace` seconds (a process stopped with kill -STOP
    acts on no signal but SIGKILL); `waiting` is called once the wait passes a moment."""
    _signal(pid, signal.SIGTERM)
    begun = time.monotonic()
    while running():
        waited = time.monotonic() - begun
        if waited >= grace:
            _signal(pid, signal.SIGKILL)
            return
        if waiting is not None and waited >= _MOMENT:
            waiting()
            waiting = None  # said once
        time.sleep(0.05)


def _signal(pid: int | None, signum: int) -> None:
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):  # gone meanwhile
            os.kill(pid, signum)


def _alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


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
    on enrolment); the supervisor's is a fresh store that pulls everything at once — with
    the colleague's work handed in first when the inspector has not enrolled yet, so a
    supervisor trying the demo alone has hazards to review."""
    from fieldapp.services.common import settings

    open_store(store_path(home))
    try:
        people = (settings.get("demo") or {}).get("people") or {}
        person_id = str(people.get(role, ""))
        if not person_id:
            raise DemoServerError(f"{home} is not a demo workspace (no demo {role})")
        colleagues_handed = {}
        if role != "inspector":  # a supervisor alone: the colleague's hazards to review
            colleagues_handed = hand_in_colleague_work(str(people.get("inspector", "")))
    finally:
        close_store()
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
            handed = handed or colleagues_handed
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
    at once) and the personal-data key, so the TUI asks for the device PIN at once and
    people can be registered offline. Without `send` its own work stays in the outbox for
    its first F12."""
    from fieldapp.services.common.campaigns import load_campaigns
    from fieldapp.services.common.checklists import load_checklists
    from fieldapp.services.syncing.runs import after_sync
    from sync.client import SyncClient, SyncError

    load_checklists()  # the shipped versions first, as the TUI's start-up would
    load_campaigns()
    blobs = where / "blobs"
    with SyncClient.from_store(blob_path=lambda sha: blobs / f"{sha}.jpg") as client:
        try:
            if not send:
                client.fetch_personal_key()  # sync_once fetches it first as well
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
        seed_server(server_db_url(home), server_dir(home) / "seed")
    finally:
        close_store()
    return DemoServer(home).start()
