"""What a patrol run and a visit to one of its checkpoints send to the server: the
outbox payloads of `patrol_run.submit` (the run, finished, with every scan) and
`patrol_run.visit` (one scan, as it is made)."""

from __future__ import annotations

from typing import Any

from fieldapp.store.patrol_models import PatrolRun, PatrolScan

OP_PATROL_RUN_SUBMIT = "patrol_run.submit"  # sync.protocol.OP_PATROL_RUN_SUBMIT
OP_PATROL_RUN_VISIT = "patrol_run.visit"  # sync.protocol.OP_PATROL_RUN_VISIT


def run_payload(run: PatrolRun, scans: list[PatrolScan]) -> dict[str, Any]:
    return {
        "id": run.id, "route_id": run.route_id, "person": run.person, "day": run.day,
        "window": run.window, "utc_offset": run.utc_offset, "started_at": run.started_at,
        "finished_at": run.finished_at, "note": run.note,
        "scans": [scan_payload(s) for s in scans],
    }  # fmt: skip


def visit_payload(run: PatrolRun, scan: PatrolScan) -> dict[str, Any]:
    return {
        "run_id": run.id, "route_id": run.route_id, "person": run.person, "day": run.day,
        "window": run.window, "utc_offset": run.utc_offset, "started_at": run.started_at,
        "scan": scan_payload(scan),
    }  # fmt: skip


def scan_payload(s: PatrolScan) -> dict[str, Any]:
    return {
        "id": s.id, "checkpoint_id": s.checkpoint, "at": s.at, "source": s.source,
        "payload": s.payload, "reason": s.reason, "note": s.note, "photos": s.photos,
        "answers": s.answers, "incident": s.incident,
    }  # fmt: skip
