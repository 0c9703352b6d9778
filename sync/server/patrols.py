"""Patrol runs on the server (`patrol_run.visit`, `patrol_run.submit`), and attendance
computed from what it holds.

A run comes from the device of the person who walked it, for a route of their grids: each
visit as it is recorded (`patrol_run.visit`; the first puts the run on record, open, so
the grid sees a run still being walked), then the whole run when it is finished
(`patrol_run.submit`, the only op an older device sends). A scan is kept once, by its id:
a visit sent again while the run is open brings what was added to it since (note,
photos, answers, incident: a device queues it again for each), the finish brings them
all, and neither adds a visit twice. Once the run is finished, a visit sent again is
ignored, not refused: the device queued it before its finish (it changes no visit of a
finished run), so the finish carried its final state, and taking it would undo later
additions. A run the person took over on another device of theirs
(`patrol_run.take_over`: the first device lost or broken) is that device's from then on:
what the first sends of it later (a visit, its finish) is refused, as not counted, and
the visits the server held before stay the run's. A run nobody will finish (the person
has no other device) is closed as abandoned by the office (`close_abandoned`, `fieldapp
admin patrol-close`), or by a supervisor of its grid from their device
(`patrol_run.close`, `sync.server.patrol_close`), both by `close_run`: finished as it
stands, its visits held counted, and what any device sends of it later refused the same
way. Each scan that claims a placard is checked as an inspection's presence is
(`fieldapp.domain.presence.check_presence`, against the checkpoint's code; a placard's
text typed or read off a photo, which an older device sent as a scan, proves no visit):
a failed claim is kept as manual, unverified, with the reason. The run travels to the devices of
the route's grid as one `patrol_run` change, scans and verdicts included, each time it
changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.domain import patrols
from fieldapp.domain.presence import MANUAL, SCANNED, check_presence, not_on_site
from sync.protocol import (
    PatrolClose,
    PatrolRunSubmit,
    PatrolScanPayload,
    PatrolTakeOver,
    PatrolVisit,
    refusals,
)
from sync.server import audit
from sync.server import db as server_db
from sync.server.feed import NewChange, append_changes
from sync.server.office_time import office_zone
from sync.server.op_checks import check_text
from sync.server.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan
from sync.server.placard_keys import verification_keys
from sync.server.scope import DeviceContext, may_write_grid, outside_grid_reason, require_own
from sync.server.submit import Applied

CLOSED_BY_OFFICE = "office"  # the device_id of a run the office closed as abandoned
CLOSED_BY_SUPERVISOR = "supervisor:"  # + the supervisor's person id: one a supervisor closed
RUN_CLOSED = "patrol_run.closed"  # the audit trail's action: the office or a supervisor closed one
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
    route, codes = _route_of(who, sub.person, sub.route_id, sub.id)
    held = PatrolRun.get_or_none(PatrolRun.id == sub.id)
    _not_taken_over(who, held, route)
    if held is not None and (held.finished_at is not None or not same_run(held, sub)):
        text = f"patrol run {sub.id} was already submitted; run ids are never reused"
        raise refusals.already_submitted("patrol_run", sub.id, text)
    sent_before: set[str] = set()  # its visits sent while it was walked, checked then
    if held is not None:
        sent_before = {
            s.id for s in PatrolScan.select(PatrolScan.id).where(PatrolScan.run == held.id)
        }
    _check_scans(sub.scans, codes, route, sent_before)
    header = sub.model_dump(exclude={"scans", "route_id"})
    if held is None:
        run = PatrolRun.create(
            **header, route=route.id, device_id=who.device_id, received_at=server_db.now_iso()
        )
    else:  # its visits came first: it is finished now
        run = held
        for name, value in header.items():
            setattr(run, name, value)
        run.save()
    scans = {s.id: s for s in PatrolScan.select().where(PatrolScan.run == run.id)}
    for scan in sub.scans:
        if (kept := scans.get(scan.id)) is not None:  # sent as a visit: what was added since
            _annotate(kept, scan)
    _insert_scans(run.id, [s for s in sub.scans if s.id not in scans], codes)
    return Applied([run_change(run, route.grid_code)])


def apply_patrol_visit(who: DeviceContext, sub: PatrolVisit) -> Applied:
    """One visit of a run still being walked; the run is put on record, open, by its first."""
    route, codes = _route_of(who, sub.person, sub.route_id, sub.run_id)
    held = PatrolRun.get_or_none(PatrolRun.id == sub.run_id)
    _not_taken_over(who, held, route)
    scan_held = PatrolScan.get_or_none(PatrolScan.id == sub.scan.id)
    if held is not None and scan_held is not None and scan_held.run_id == held.id:
        if held.finished_at is not None:  # the finish carried its final state: kept
            return Applied([])
        if same_run(held, sub):  # sent again, or what was added to it since it was sent
            changed = _annotate(scan_held, sub.scan)
            return Applied([run_change(held, route.grid_code)] if changed else [])
    if held is not None and (held.finished_at is not None or not same_run(held, sub)):
        text = f"patrol run {sub.run_id} was already submitted; run ids are never reused"
        raise refusals.already_submitted("patrol_run", sub.run_id, text)
    if scan_held is not None:
        text = f"scan {sub.scan.id} was already submitted with another run"
        raise refusals.already_submitted("patrol_run", sub.run_id, text)
    _check_scans([sub.scan], codes, route)
    run = held or PatrolRun.create(
        **sub.model_dump(exclude={"scan", "route_id", "run_id"}), id=sub.run_id, route=route.id,
        device_id=who.device_id, received_at=server_db.now_iso(),
    )  # fmt: skip
    _insert_scans(run.id, [sub.scan], codes)
    return Applied([run_change(run, route.grid_code)])


def apply_patrol_take_over(who: DeviceContext, sub: PatrolTakeOver) -> Applied:
    """The person's run open on another device of theirs is this device's from now on: it
    sends the run's next visits and its finish. The run stays one run (its visits held
    are kept and counted, it is finished once); a run finished already is not taken."""
    route, _codes = _route_of(who, sub.person, sub.route_id, sub.run_id)
    held = held_run(sub)
    if held.device_id == who.device_id:
        return Applied([])  # sent again, or this device's own run
    if held.finished_at is not None:
        text = f"patrol run {sub.run_id} was already finished on the device that walked it"
        raise refusals.already_submitted("patrol_run", sub.run_id, text)
    held.device_id = who.device_id
    held.save()
    return Applied([run_change(held, route.grid_code)])


def _not_taken_over(who: DeviceContext, held: PatrolRun | None, route: PatrolRoute) -> None:
    """A visit or finish of a run another device of the person took over is not counted
    (a run held without a device, from before devices were named, is anyone's of them)."""
    if held is not None and held.device_id == CLOSED_BY_OFFICE:
        text = (
            f"patrol run {held.id} was closed by the office as abandoned; "
            "what this device sends of it is not counted"
        )
        raise refusals.refused(text, refusals.PATROL_RUN_CLOSED, route=route.name)
    if held is not None and held.device_id.startswith(CLOSED_BY_SUPERVISOR):
        supervisor_id = held.device_id.removeprefix(CLOSED_BY_SUPERVISOR)
        supervisor = _person_name(supervisor_id)
        text = (
            f"patrol run {held.id} was closed by supervisor {supervisor} as abandoned; "
            "what this device sends of it is not counted"
        )
        raise refusals.refused(text, refusals.PATROL_RUN_CLOSED_BY_SUPERVISOR, route=route.name,
                               supervisor=supervisor, supervisor_id=supervisor_id)  # fmt: skip
    if held is not None and held.device_id not in ("", who.device_id):
        text = (
            f"patrol run {held.id} was taken over on another device of its person; "
            "what this device sends of it is not counted"
        )
        raise refusals.refused(text, refusals.PATROL_RUN_TAKEN_OVER, route=route.name)


def _annotate(kept: PatrolScan, scan: PatrolScanPayload) -> bool:
    """A visit on record takes what the device added to it since (note, photos, answers,
    incident); its scan and the server's verdict stay. Whether anything changed."""
    added = {"note": scan.note, "photos": scan.photos, "answers": scan.answers,
             "incident": scan.incident}  # fmt: skip
    if all(getattr(kept, name) == value for name, value in added.items()):
        return False
    for name, value in added.items():
        setattr(kept, name, value)
    kept.save()
    return True


def _route_of(
    who: DeviceContext, person: str, route_id: str, run_id: str
) -> tuple[PatrolRoute, dict[str, str]]:
    """The run's route, checked (known, of the device's grids, walked by its person), and
    the codes of its checkpoints by id."""
    require_own(who, person, f"patrol run {run_id}")
    route = PatrolRoute.get_or_none(PatrolRoute.id == route_id)
    if route is None:
        text = f"patrol route {route_id} is not known to the server"
        raise refusals.unknown_record("patrol_route", route_id, text)
    if not may_write_grid(who, route.grid_code):
        raise ValueError(outside_grid_reason(who, route.grid_code, f"patrol run {run_id}"))
    codes = {c.id: c.code for c in Checkpoint.select().where(Checkpoint.id.in_(route.checkpoints))}
    return route, codes


def held_run(sub: PatrolTakeOver | PatrolClose) -> PatrolRun:
    """The run `sub` speaks of as the server holds it; refused when the server holds none
    under its id, or holds another run under it (run ids are never reused)."""
    held = PatrolRun.get_or_none(PatrolRun.id == sub.run_id)
    if held is None:
        text = f"patrol run {sub.run_id} is not known to the server"
        raise refusals.unknown_record("patrol_run", sub.run_id, text)
    if not same_run(held, sub):
        text = f"patrol run {sub.run_id} was already submitted; run ids are never reused"
        raise refusals.already_submitted("patrol_run", sub.run_id, text)
    return held


def same_run(
    held: PatrolRun, sub: PatrolRunSubmit | PatrolVisit | PatrolTakeOver | PatrolClose
) -> bool:
    """Is the run held under this id the one the op speaks of (not an id reused)?"""
    return (held.route_id, held.person, held.day, held.window) == (
        sub.route_id, sub.person, sub.day, sub.window
    )  # fmt: skip


def _check_scans(
    scans: list[PatrolScanPayload],
    codes: dict[str, str],
    route: PatrolRoute,
    sent_before: set[str] | frozenset[str] = frozenset(),
) -> None:
    for scan in scans:
        if scan.checkpoint_id not in codes:
            text = (
                f"scan {scan.id} names checkpoint {scan.checkpoint_id}, "
                f"which is not on route {route.code}"
            )
            raise refusals.refused(text, refusals.SCAN_OFF_ROUTE, route=route.code)
        if scan.source == "manual" and not scan.reason:
            text = f"scan {scan.id} is manual without a reason"
            raise refusals.refused(text, refusals.SCAN_WITHOUT_REASON)
        if scan.source == "manual" and scan.id not in sent_before:
            # Its no-scan note may be left empty; typed, it says something, as the device's
            # manual_note_problem asks (其他原因's, which must be there, asks more of it).
            # One held already is not judged again: a note added to the visit since is the
            # checkpoint's note, and the run's finish is not refused for it.
            check_text(f"the no-scan note of scan {scan.id}", "note", scan.note)


def _insert_scans(run_id: str, scans: list[PatrolScanPayload], codes: dict[str, str]) -> None:
    """New scans of the run, each with the server's verdict on its placard claim."""
    keys = verification_keys() if any(s.source != "manual" for s in scans) else {}
    rows: list[dict[str, Any]] = []
    for scan in scans:
        claimed = SCANNED if scan.source != "manual" else MANUAL
        unproved = not_on_site([scan.source], patrol=True)  # typed, or a photo's
        verdict = check_presence(
            claimed, scan.payload, codes[scan.checkpoint_id], keys, scan.at, unproved
        )
        rows.append(
            {**scan.model_dump(exclude={"checkpoint_id"}), "checkpoint": scan.checkpoint_id,
             "run": run_id, "check": verdict.check, "check_reason": verdict.reason}
        )  # fmt: skip
    if rows:
        PatrolScan.insert_many(rows).execute()


def close_abandoned(route: PatrolRoute, day: str, window: str) -> list[PatrolRun]:
    """The office closes the runs of a route's window still open (their device lost, the
    person with no other to take them over on), each by `close_run`, the administrator
    acting."""
    with server_db.write_transaction():
        runs = list(
            PatrolRun.select().where(
                (PatrolRun.route == route.id) & (PatrolRun.day == day)
                & (PatrolRun.window == window) & PatrolRun.finished_at.is_null()
            )
        )  # fmt: skip
        append_changes([close_run(run, route, CLOSED_BY_OFFICE) for run in runs])
    return runs


def close_run(
    run: PatrolRun, route: PatrolRoute, closed_by: str, *, actor: str | None = None,
    device: str = "", reason: str = "",
) -> NewChange:  # fmt: skip
    """Close a run still open as abandoned (call inside a write transaction): finished now,
    as it stands, the visits held counted; its device becomes `closed_by` (the office's
    mark, or a supervisor's), so what a device sends of it later is refused
    (`_not_taken_over`). One entry in the audit trail, `actor` acting (the administrator
    when None). The run's change, for the caller to send to the grid."""
    lost, run.device_id = run.device_id, closed_by
    run.finished_at = server_db.now_iso()
    run.save()
    detail = {"route": route.code, "day": run.day, "window": run.window,
              "person": run.person, "device": lost}  # fmt: skip
    audit.record(RUN_CLOSED, actor=actor, device=device, subject=run.id,
                 detail={**detail, "reason": reason} if reason else detail)  # fmt: skip
    return run_change(run, route.grid_code)


def is_closed(run: PatrolRun) -> bool:
    """Closed as abandoned, by the office or a supervisor (not finished by its walker)."""
    return run.device_id == CLOSED_BY_OFFICE or run.device_id.startswith(CLOSED_BY_SUPERVISOR)


def _person_name(person_id: str) -> str:
    from sync.server.models import Person

    person = Person.get_or_none(Person.id == person_id)
    return person.name if person is not None else person_id


# --- attendance -----------------------------------------------------------------------------


def attendance(
    first: dt.date, last: dt.date, *, grid_codes: list[str] | None = None, now: dt.datetime
) -> list[tuple[PatrolRoute, dt.date, patrols.Window, patrols.Attendance]]:
    """Attendance of every active route (of `grid_codes`, or all) for each day from
    `first` to `last`, and the windows walked of a route switched off since, judged at
    the office's wall-clock time `now` (`office_time.office_now`; a server on UTC is hours off), by the same rules a supervisor's device
    uses (`fieldapp.domain.patrols.judge`)."""
    from sync.server.admin_models import CampaignRun

    routes = PatrolRoute.select()  # `judge` takes only the walked windows of inactive ones
    if grid_codes is not None:
        routes = routes.where(PatrolRoute.grid.in_(grid_codes))
    campaigns = {
        c.code: patrols.CampaignSwitch(
            c.active,
            c.starts_on or "",
            c.ends_on or "",
            patrols.switched_periods(c.periods or (), office_zone()),
        )
        for c in CampaignRun.select()
    }
    runs = PatrolRun.select().where(
        (PatrolRun.day >= first.isoformat()) & (PatrolRun.day <= last.isoformat())
    )
    visits: dict[tuple[str, str, str], list[patrols.Visit]] = {}
    finished: dict[tuple[str, str, str], bool] = {}  # over once none of its runs is open
    for run in runs:  # a run still being walked brings the visits it has sent so far
        key = (run.route_id, run.day, run.window)
        finished[key] = finished.get(key, True) and run.finished_at is not None
        bucket = visits.setdefault(key, [])
        for scan in PatrolScan.select().where(PatrolScan.run == run.id):
            at = patrols.local_time(scan.at, run.utc_offset)
            bucket.append(patrols.Visit(scan.checkpoint, at, scan.check != "verified"))
    return patrols.judge(list(routes), first, last, visits, campaigns, now,
                         finished={key for key, done in finished.items() if done})  # fmt: skip
