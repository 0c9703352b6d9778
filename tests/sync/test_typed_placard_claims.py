"""A placard's text typed or pasted proves no visit (a colleague can send it by chat): the
device records it so since 6081932, but an older device still claims presence=scanned
for it, with only source `typed` in the proof, and the server took it as a verified
scan. The server now judges the same facts the same way: an inspection whose every scan
was typed, and a patrol visit typed or read off a photo, are kept as manual,
unverified, `typed_placard` / `photo_placard`, in the same batch as the scans it
verifies, each applied once (the same batch again is answered `duplicate`).

A real server on loopback, the old device's ops pushed as it sends them."""

from __future__ import annotations

import httpx
import pytest
from patrol_support import import_patrols, placards
from sync_world import inspection_submit

from fieldapp.domain.ids import new_id
from sync.server import db as server_db
from sync.server import placard_keys
from sync.server.models import Inspection
from sync.server.patrol_models import Checkpoint, PatrolRun, PatrolScan

pytestmark = pytest.mark.usefixtures("chinese")

AT = "2026-02-03T22:40:00Z"


def _push(server, device, ops):  # type: ignore[no-untyped-def]
    body = {"device_id": device.device_id, "ops": ops}
    headers = {"Authorization": f"Bearer {device.token}"}
    response = httpx.post(f"{server.url}/api/v1/push", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return [r["status"] for r in response.json()["results"]]


def _scanned(venue_id: str, text: str, *sources: str) -> dict:  # type: ignore[type-arg]
    payload = inspection_submit(venue_id, "p-insp", findings=0)
    payload["inspection"].update(
        presence="scanned", presence_payload=text, presence_reason="",
        proof={"scans": [{"source": s, "at": AT, "offset_ms": None} for s in sources]},
    )  # fmt: skip
    return payload


def _visit(checkpoint_id: str, source: str, payload: str) -> dict:  # type: ignore[type-arg]
    return {"id": new_id(), "checkpoint_id": checkpoint_id, "at": AT, "source": source,
            "payload": payload}  # fmt: skip


def test_typed_placards_from_an_older_device_are_kept_as_not_proved(
    make_device, live_server, seed, server_workdir
):
    route_id = import_patrols(server_workdir)
    signed = placards(["CP-01", "CP-02", "CP-04"])
    with server_db.current().connection_context():
        venue_placard = placard_keys.signing_key().sign("DM-0001")
        points = {c.code: c.id for c in Checkpoint.select()}
    venue = seed.venues["DM-0001"]
    claims = {
        "typed": _scanned(venue, venue_placard, "typed"),
        "pasted_twice": _scanned(venue, venue_placard, "typed", "typed"),
        "scanned_then_typed": _scanned(venue, venue_placard, "wedge", "typed"),
        "scanned": _scanned(venue, venue_placard, "wedge"),
    }
    run = {
        "id": new_id(), "route_id": route_id, "person": "p-insp", "day": "2026-02-04",
        "window": "06:30-09:00", "utc_offset": 480, "started_at": "2026-02-03T22:35:00Z",
        "finished_at": "2026-02-03T23:50:00Z",
        "scans": [_visit(points["CP-01"], "typed", signed["CP-01"]),
                  _visit(points["CP-02"], "camera", signed["CP-02"]),
                  _visit(points["CP-04"], "wedge", signed["CP-04"])],
    }  # fmt: skip
    ops = [
        {"op_id": new_id(), "seq": n, "type": kind, "payload": payload}
        for n, (kind, payload) in enumerate(
            [*(("inspection.submit", p) for p in claims.values()), ("patrol_run.submit", run)],
            start=1,
        )
    ]
    inspector = make_device("inspector").enroll("p-insp")
    assert _push(live_server, inspector, ops) == ["applied"] * 5  # none blocks the others
    assert _push(live_server, inspector, ops) == ["duplicate"] * 5  # exactly once

    with server_db.current().connection_context():
        verdicts = {
            name: (row.presence, row.presence_check, row.presence_check_reason)
            for name, row in (
                (n, Inspection.get_by_id(p["inspection"]["id"])) for n, p in claims.items()
            )
        }
        visits = {s.checkpoint: (s.check, s.check_reason) for s in PatrolScan.select()}
        assert PatrolRun.select().count() == 1
    assert verdicts == {
        "typed": ("manual", "unverified", "typed_placard"),
        "pasted_twice": ("manual", "unverified", "typed_placard"),
        "scanned_then_typed": ("scanned", "verified", ""),  # the scanner's read proves it
        "scanned": ("scanned", "verified", ""),
    }
    assert visits == {
        points["CP-01"]: ("unverified", "typed_placard"),
        points["CP-02"]: ("unverified", "photo_placard"),
        points["CP-04"]: ("verified", ""),
    }
