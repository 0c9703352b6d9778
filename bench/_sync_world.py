"""Shared by the sync benchmarks: a seeded server database, a real uvicorn server in a
subprocess on loopback, enrolled devices and inspection payloads of realistic size."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sync.protocol import API_PREFIX  # noqa: E402
from sync.server import admin, auth, venue_import  # noqa: E402
from sync.server import db as server_db  # noqa: E402

ANSWERS_PER_INSPECTION = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(db_url: str, workdir: Path, *, venues: int, devices: int) -> tuple[list[str], list[str]]:
    """Grids T1>V1, an inspector per device, an admin, `venues` venues in V1. Returns
    (venue ids, enrolment codes: one admin code first, then one per device)."""
    server_db.open_database(db_url)
    server_db.init_schema()
    (workdir / "grids.csv").write_text("code,name,level,parent\nT1,镇,town,\nV1,村,village,T1\n")
    people = ["id,name,role,phone,grids", "p-admin,管理员,admin,,T1"]
    people += [f"p-{n},网格员{n},inspector,,V1" for n in range(devices)]
    (workdir / "people.csv").write_text("\n".join(people) + "\n")
    rows = ["code,name,kind,grid,address"]
    rows += [f"V-{n:06d},店{n},small_shop,V1,村{n}号" for n in range(venues)]
    (workdir / "venues.csv").write_text("\n".join(rows) + "\n")
    with server_db.current().connection_context():
        admin.import_grids(workdir / "grids.csv")
        admin.import_people(workdir / "people.csv")
        venue_import.import_venues(workdir / "venues.csv")
        from sync.server.models import Venue

        venue_ids = [v.id for v in Venue.select(Venue.id).order_by(Venue.code)]
        codes = [auth.issue_enrollment_code("p-admin", hours=2).code]
        codes += [auth.issue_enrollment_code(f"p-{n}", hours=2).code for n in range(devices)]
    close_all = getattr(server_db.current(), "close_all", None)
    if close_all is not None:
        close_all()
    return venue_ids, codes


class Server:
    """`python -m sync.server` (or another ASGI script) on a free loopback port."""

    def __init__(self, args: list[str], workdir: Path, name: str = "server") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"{name}.log"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, *args, "--port", str(self.port)],
                cwd=ROOT, env=env, stdout=log, stderr=log,
            )  # fmt: skip

    def wait(self, path: str) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            try:
                if httpx.get(self.url + path, timeout=1).status_code < 500:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"no answer from {self.url}{path}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


def enroll(url: str, code: str) -> tuple[str, str]:
    answer = httpx.post(f"{url}{API_PREFIX}/enroll", json={"code": code, "device_name": "bench"})
    answer.raise_for_status()
    body = answer.json()
    return body["device_id"], body["token"]


def new_id() -> str:
    return str(uuid.uuid4())


def device_id_maker() -> Callable[[], str]:
    """Ids as a device makes them (time-ordered UUIDv7, `fieldapp.domain.ids`), where
    `new_id` makes random ones: each table's key index then grows at its end."""
    from fieldapp.domain.ids import new_id as time_ordered

    return time_ordered


def inspection_op(
    venue_id: str, inspector: str, n: int, *, finding: bool, make_id: Callable[[], str] = new_id
) -> dict[str, Any]:
    """One `inspection.submit` op: 20 answers, and a finding with its opened event; its
    ids (op, inspection, finding, event) from `make_id`."""
    at = "2026-06-10T02:00:00.000Z"
    inspection_id = make_id()
    answers: list[dict[str, Any]] = [
        {"item_code": f"COM-{i:02d}", "outcome": "fail" if (finding and i == 0) else "pass",
         "value": "", "note": "", "photos": []}
        for i in range(ANSWERS_PER_INSPECTION)
    ]  # fmt: skip
    findings: list[dict[str, Any]] = []
    if finding:
        opened: dict[str, Any] = {"id": make_id(), "type": "opened", "actor": inspector, "role": "",
                  "device_id": "", "base_event": None, "at": at, "note": "", "photos": [],
                  "data": {"deadline": "2026-06-20", "severity": "general"}}  # fmt: skip
        findings.append({
            "id": make_id(), "venue_id": venue_id, "item_code": "COM-00", "severity": "general",
            "description": "灭火器过期", "deadline": "2026-06-20", "photos": [],
            "created_at": at, "created_by": inspector, "events": [opened],
        })  # fmt: skip
    payload = {
        "inspection": {
            "id": inspection_id, "venue_id": venue_id, "checklist_id": "small_shop",
            "checklist_version": 1, "inspector_id": inspector, "device_id": "",
            "started_at": at, "finished_at": at, "submitted_at": at, "presence": "scanned",
            "presence_payload": "", "presence_reason": "", "presence_note": "",
            "presence_at": at, "representative": "店主", "summary": {"total": 20},
            "supersedes": None,
        },
        "answers": answers,
        "findings": findings,
    }  # fmt: skip
    return {"op_id": make_id(), "seq": n, "type": "inspection.submit", "payload": payload}


def records_in(op: dict[str, Any]) -> int:
    """Rows an op makes: the inspection, its answers, findings and their events."""
    payload = op["payload"]
    findings = payload["findings"]
    return 1 + len(payload["answers"]) + len(findings) + sum(len(f["events"]) for f in findings)
