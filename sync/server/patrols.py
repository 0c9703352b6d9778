"""`patrol_run.submit` on the server, and attendance computed from what it holds.

A run arrives once, whole, from the device of the person who walked it, for a route of
their grids. Each scan that claims a placard is checked as an inspection's presence is
(`fieldapp.domain.presence.check_presence`, against the checkpoint's code): a failed
claim is kept as manual, unverified, with the reason. The run travels to the devices of
the route's grid as one `patrol_run` change, scans and verdicts included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.domain import patrols
from fieldapp.domain.presence import MANUAL, SCANNED, check_presence
from sync.protocol import PatrolRunSubmit, refusals
from sync.server import db as server_db
from sync.server.feed import NewChange
from sync.server.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan
from sync.server.placard_keys import verification_keys
from sync.server.scope import DeviceContext, may_write_grid, outside_grid_reason, require_own
from sync.server.submit import Applied

SCAN_FIELDS = ("id", "checkpoint", "at", "source", "payload", "reason", "note", "photos",
               "answers", "incident", "check", "check_reason")  # fmt: skip


def run_change(run: PatrolRun, grid_code: str) -> NewChange:
    scans = [
        {name: getattr(scan, name) for name in SCAN_FIELDS}
        for scan in PatrolScan.select().where(PatrolScan.run == run.id).order_by(PatrolScan.at)
    ]
    record = {
        "id": run.id, "route_id": run.route_id, "person": run.person, "device_id": run.device_id,
        "day": run.day, "window": run.window, "utc_offset": run.utc_offset,
        "started_at": run.started_at, "finished_at": run.finished_at, "note": run.note,
        "received_at": run.received_at, "scans": scans,
    }  # fmt: skip
    return NewChange("patrol_run", run.id, record, grid_code=grid_code)


def apply_patrol_run(who: DeviceContext, sub: PatrolRunSubmit) -> Applied:
    require_own(who, sub.person, f"patrol run {sub.id}")
    route = PatrolRoute.get_or_none(PatrolRoute.id == sub.route_id)
    if route is None:
        text = f"patrol route {sub.route_id} is not known to the server"
        raise refusals.unknown_record("patrol_route", sub.route_id, text)
    if not may_write_grid(who, route.grid_code):
        raise ValueError(outside_grid_reason(who, route.grid_code, f"patrol run {sub.id}"))
    if PatrolRun.get_or_none(PatrolRun.id == sub.id) is not None:
        text = f"patrol run {sub.id} was already submitted; run ids are never reused"
        raise refusals.already_submitted("patrol_run", sub.id, text)
    codes = {c.id: c.code for c in Checkpoint.select().where(Checkpoint.id.in_(route.checkpoints))}
    for scan in sub.scans:
        if scan.checkpoint_id not in codes:
            text = (
                f"scan {scan.id} names checkpoint {scan.checkpoint_id}, "
                f"which is not on route {route.code}"
            )
            raise refusals.refused(text, refusals.SCAN_OFF_ROUTE, route=route.code)
        if scan.source == "manual" and not scan.reason:
            text = f"scan {scan.id} is manual without a reason"
            raise refusals.refused(text, refusals.SCAN_WITHOUT_REASON)
    keys = verification_keys() if any(s.source != "manual" for s in sub.scans) else {}
    run = PatrolRun.create(
        **sub.model_dump(exclude={"scans", "route_id"}),
        route=route.id,
        device_id=who.device_id,
        received_at=server_db.now_iso(),
    )
    rows: list[dict[str, Any]] = []
    for scan in sub.scans:
        claimed = SCANNED if scan.source != "manual" else MANUAL
        verdict = check_presence(claimed, scan.payload, codes[scan.checkpoint_id], keys, scan.at)
        rows.append(
            {**scan.model_dump(exclude={"checkpoint_id"}), "checkpoint": scan.checkpoint_id,
             "run": run.id, "check": verdict.check, "check_reason": verdict.reason}
        )  # fmt: skip
    if rows:
        PatrolScan.insert_many(rows).execute()
    return Applied([run_change(run, route.grid_code)])


# --- attendance -----------------------------------------------------------------------------


def attendance(
    first: dt.date, last: dt.date, *, grid_codes: list[str] | None = None, now: dt.datetime
) -> list[tuple[PatrolRoute, dt.date, patrols.Window, patrols.Attendance]]:
    """Attendance of every active route (of `grid_codes`, or all) for each day from
    `first` to `last`, judged at local time `now` (the server's wall clock), by the same
    rules a supervisor's device uses (`fieldapp.domain.patrols.judge`)."""
    from sync.server.admin_models import CampaignRun

    routes = PatrolRoute.select().where(PatrolRoute.active == True)  # noqa: E712
    if grid_codes is not None:
        routes = routes.where(PatrolRoute.grid.in_(grid_codes))
    campaigns = {
        c.code: patrols.CampaignSwitch(c.active, c.starts_on or "", c.ends_on or "")
        for c in CampaignRun.select()
    }
    runs = PatrolRun.select().where(
        (PatrolRun.day >= first.isoformat()) & (PatrolRun.day <= last.isoformat())
    )
    visits: dict[tuple[str, str, str], list[patrols.Visit]] = {}
    for run in runs:  # every run here was finished: sent whole when it was
        bucket = visits.setdefault((run.route_id, run.day, run.window), [])
        for scan in PatrolScan.select().where(PatrolScan.run == run.id):
            at = patrols.local_time(scan.at, run.utc_offset)
            bucket.append(patrols.Visit(scan.checkpoint, at, scan.check != "verified"))
    return patrols.judge(list(routes), first, last, visits, campaigns, now, finished=set(visits))
