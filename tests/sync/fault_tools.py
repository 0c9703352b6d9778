"""Tools of the fault suite: trial counts for the CI summary, a chaos TCP proxy, and the
checks that a device and the server hold the same records with each op exactly once.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from typing import Any

from sync_world import Device, server_count
from trial_counts import FUZZ_CALLS, TRIALS  # noqa: F401 (the fault tests count here)

from fieldapp.store.models import Finding, FindingEvent, Outbox, SyncState
from sync.server import db as server_db
from sync.server.models import AppliedOp, ChangeLog, DailyReport, Inspection, Venue
from sync.server.models import Finding as ServerFinding
from sync.server.models import FindingEvent as ServerEvent


def backend_of(db_url: str) -> str:
    return "postgresql" if server_db.is_postgres_url(db_url) else "sqlite"


# --- what the server and a device hold --------------------------------------------------


def assert_exactly_once(device: Device, person_id: str, expected: Counter[str]) -> None:
    """Every op of the device acked, applied once; the rows it made exist once each."""
    device.open()
    outbox = device.outbox()
    assert {row.state for row in outbox.values()} <= {"acked"}, [
        (r.seq, r.state, r.last_error) for r in outbox.values() if r.state != "acked"
    ]
    device_id = device.device_id
    with server_db.current().connection_context():
        applied = [op.op_id for op in AppliedOp.select().where(AppliedOp.device == device_id)]
        assert sorted(applied) == sorted(outbox)
        inspections = Inspection.select().where(Inspection.device_id == device_id)
        events = ServerEvent.select().where(ServerEvent.device_id == device_id)
        reports = DailyReport.select().where(DailyReport.reporter == person_id)
        assert inspections.count() == expected["inspection"]
        assert events.count() == expected["event"]
        assert reports.count() == expected["daily_report"]
        # the feed carries each record once: no change appended twice by a retried op
        for kind in ("inspection", "finding.event", "daily_report"):
            rows = ChangeLog.select(ChangeLog.record_id).where(ChangeLog.type == kind)
            ids = [r.record_id for r in rows]
            assert len(ids) == len(set(ids)), f"{kind} appended twice to the feed"


def assert_device_equals_server(device: Device, grids: tuple[str, ...]) -> None:
    """The device's findings, their states and events (with server numbers) and its pull
    cursor are the server's, for the device's grids."""
    device.open()
    with server_db.current().connection_context():
        findings = {
            f.id: f.state
            for f in ServerFinding.select().join(Venue).where(Venue.grid.in_(list(grids)))
        }
        events = {
            e.id: e.server_order
            for e in ServerEvent.select().where(ServerEvent.finding.in_(list(findings)))
        }
        top = ChangeLog.select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1).scalar()
    assert {f.id: f.state for f in Finding.select()} == findings
    assert {e.id: e.server_seq for e in FindingEvent.select()} == events
    assert int(SyncState.get_by_id(1).pull_cursor or 0) == int(top or 0)
    assert Outbox.select().where(Outbox.state == "pending").count() == 0


def applied_count(device_id: str) -> int:
    return server_count(AppliedOp, AppliedOp.device == device_id)


# --- a TCP proxy that misbehaves --------------------------------------------------------


class ChaosProxy:
    """Loopback TCP proxy to the server that drops connections on accept, resets them,
    delays and truncates what passes — per chunk, at random (seeded)."""

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int,
        p_drop: float = 0.08,
        p_reset: float = 0.06,
        p_delay: float = 0.12,
        p_truncate: float = 0.06,
    ) -> None:
        self.upstream_port = upstream_port
        self.rng = random.Random(seed)
        self.p = {"drop": p_drop, "reset": p_reset, "delay": p_delay, "truncate": p_truncate}
        self.faults: Counter[str] = Counter()
        self.connections = 0
        self.enabled = True
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopped = False
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def __enter__(self) -> ChaosProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped = True
        self._listener.close()

    def _roll(self, kind: str) -> bool:
        with self._lock:
            hit = self.enabled and self.rng.random() < self.p[kind]
            if hit:
                self.faults[kind] += 1
            return hit

    def _accept_loop(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            if self._roll("drop"):
                client.close()
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        except OSError:
            client.close()
            return
        both = (client, upstream)
        threading.Thread(
            target=self._pump, args=(client, upstream, both, False), daemon=True
        ).start()
        self._pump(upstream, client, both, True)

    def _pump(
        self, src: socket.socket, dst: socket.socket, both: tuple[Any, ...], answer: bool
    ) -> None:
        try:
            while True:
                chunk = src.recv(65536)
                if not chunk:
                    break
                if self._roll("reset"):
                    _reset(both)
                    return
                if self._roll("delay"):
                    time.sleep(self.rng.uniform(0.02, 0.3))
                if answer and len(chunk) > 1 and self._roll("truncate"):
                    dst.sendall(chunk[: len(chunk) // 2])
                    break
                dst.sendall(chunk)
        except OSError:
            pass
        _close(both, how=socket.SHUT_RDWR)


def _close(sockets: tuple[socket.socket, ...], *, how: int) -> None:
    """Shut down first: that wakes the other pump's blocked recv (a bare close would not),
    so the peer sees the end at once instead of waiting for its timeout."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(how)
        sock.close()


def _reset(sockets: tuple[socket.socket, ...]) -> None:
    """Close with SO_LINGER 0: the peer gets a TCP RST, not an orderly FIN."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _close(sockets, how=socket.SHUT_RD)
