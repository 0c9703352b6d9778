"""Pulled checkpoints, patrol routes and runs into the local store.

Checkpoints and routes are the office's: upserted as they come (a route from an older
server has no start date: "", counted from any day, as that server counts it). A run
this device made keeps its own record and takes only the server's verdict on each scan;
a run made on another device (a teammate's, or any run of a supervisor's grids) is kept
as the server last sent it: it comes again as its visits arrive while it is walked
(open: no `finished_at`) and once it is finished, so attendance on this device counts the
same runs and visits the server counts. A run of this device's gains the visits the
server holds and it lacks (another device's of the person, sent before this one took the
run over). A run this device holds as its own, open, that the server says another device
walks or finished (taken over there, from this device or from under a take-over of its
own that came too late) is kept as the server sent it: open elsewhere, or finished.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldapp.store.db import db
from fieldapp.store.models import SyncState
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan
from sync.client.rows import RowWriter, existing, rows_in
from sync.protocol import Change

_CHECKPOINT = ("code", "name", "kind", "address", "contact", "phone", "form", "lat", "lon",
               "updated_at")  # fmt: skip
_ROUTE = ("code", "name", "campaign", "starts_on", "ordered", "checkpoints", "schedule", "team",
          "people", "active", "updated_at")  # fmt: skip
# Fields an older server's records lack, with the value they take here.
_ABSENT = {"starts_on": ""}
_RUN = ("person", "device_id", "day", "window", "utc_offset", "started_at", "finished_at", "note")
_SCAN = ("id", "checkpoint", "at", "source", "payload", "reason", "note", "photos", "answers",
         "incident", "check", "check_reason")  # fmt: skip


def _places(
    changes: list[Change], model: Any, columns: tuple[str, ...], what: str,
    grid_known: Callable[[str | None], bool], warnings: list[str],
) -> None:  # fmt: skip
    """Upsert checkpoints or routes by id; a code held by another id here is skipped."""
    records = [c.record for c in changes]
    owner = {
        code: rid for rid, code in db.execute_sql(f"SELECT id, code FROM {model._meta.table_name}")
    }
    writer = RowWriter(model, conflict=["id"], update=[*columns, "grid"])
    for r in records:
        if not grid_known(r.get("grid")):
            warnings.append(f"{what} {r.get('code')} skipped: its grid is not on this device")
            continue
        if owner.get(r["code"], r["id"]) != r["id"]:
            warnings.append(f"{what} {r['code']} skipped: this device has that code elsewhere")
            continue
        owner[r["code"]] = r["id"]
        writer.add({"id": r["id"], "grid": r["grid"],
                    **{c: r.get(c, _ABSENT.get(c)) for c in columns}})  # fmt: skip
    writer.write()


def apply_checkpoints(changes: list[Change], grid_known: Any, warnings: list[str]) -> None:
    _places(changes, Checkpoint, _CHECKPOINT, "checkpoint", grid_known, warnings)


def apply_routes(changes: list[Change], grid_known: Any, warnings: list[str]) -> None:
    _places(changes, PatrolRoute, _ROUTE, "patrol route", grid_known, warnings)


def apply_runs(changes: list[Change], warnings: list[str]) -> None:
    latest = {c.record["id"]: c.record for c in changes}  # a run's last change says it all
    records = list(latest.values())
    held = {
        rid: (status, device)
        for rid, status, device in rows_in(
            "SELECT id, status, device_id FROM patrol_run WHERE id IN ({})", list(latest)
        )
    }
    routes = existing(
        "SELECT id FROM patrol_route WHERE id IN ({})", [r["route_id"] for r in records]
    )
    walked_here = _this_device()
    taking = _taking_over(list(latest))
    runs = RowWriter(PatrolRun, conflict=["id"], update=["status", *_RUN])
    scans = RowWriter(PatrolScan, conflict=["id"], update=[c for c in _SCAN if c != "id"])
    missing = RowWriter(PatrolScan, ignore=True)
    verdicts: list[tuple[str, str, str]] = []
    for r in records:
        status, device = held.get(r["id"], ("", ""))
        elsewhere = r.get("device_id") not in (None, "", walked_here) and r["id"] not in taking
        if status == "finished" or (
            status == "open" and device in ("", walked_here) and not elsewhere
        ):
            # this device's own run (started here, before or after enrolment), or one
            # finished when it came: only the server's verdicts and visits are new
            verdicts += [(s["check"], s["check_reason"], s["id"]) for s in r.get("scans", [])]
            for s in r.get("scans", []):
                missing.add({"run": r["id"], **{k: s.get(k) for k in _SCAN}})
            continue
        if r["route_id"] not in routes:
            warnings.append(f"patrol run {r['id']} skipped: its route is not on this device")
            continue
        status = "open" if r.get("finished_at") is None else "finished"
        runs.add({"id": r["id"], "route": r["route_id"], "status": status,
                  **{k: r.get(k) for k in _RUN}})  # fmt: skip
        for s in r.get("scans", []):
            scans.add({"run": r["id"], **{k: s.get(k) for k in _SCAN}})
    runs.write()
    scans.write()
    missing.write()
    db.cursor().executemany(
        'UPDATE patrol_scan SET "check" = ?, check_reason = ? WHERE id = ?', verdicts
    )


def _taking_over(run_ids: list[str]) -> set[str]:
    """Runs this device took over whose take-over the server has not answered yet."""
    return existing(
        "SELECT json_extract(payload, '$.run_id') FROM outbox"
        " WHERE type = 'patrol_run.take_over' AND state = 'pending'"
        " AND json_extract(payload, '$.run_id') IN ({})",
        run_ids,
    )


def _this_device() -> str:
    state = SyncState.get_or_none(SyncState.id == 1)
    return state.device_id if state is not None else ""
