"""What the inspector sees of patrols: the ones due now (home) and a run's state.

A route is due now for the people assigned to it while one of its windows is open (or
opens within half an hour), on a day its schedule names from the day the route starts
and, for a campaign's route, while the office runs the campaign, until its run is
finished (what was not visited is then missed, not still due). A run shows every
checkpoint of its route, done or left — a teammate's synced scans count — and the
minutes left in its window. A run walked here and taken over on another device of the
person (lost, then found) shows the visits the server holds and is not continued here;
its visits the server refused as sent after the take-over are marked as not counted; so
are those of a run the office closed as abandoned (this device lost, then found), which
shows as closed by the office with the visits the server holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from fieldapp.domain import patrols
from fieldapp.domain.clock import local_now
from fieldapp.services.common.identity import me
from fieldapp.services.patrols.attendance import _campaigns, _visits, finished_windows
from fieldapp.services.patrols.close import supervisor_name
from fieldapp.services.patrols.mine import open_elsewhere, open_run
from fieldapp.services.patrols.runs import starts_later, window_due, window_near
from fieldapp.store.patrol_models import (
    CLOSED_BY_OFFICE,
    Checkpoint,
    PatrolRoute,
    PatrolRun,
    PatrolScan,
    started_here,
)
from fieldapp.store.refused_records import not_counted_visits, walked_here


@dataclass(frozen=True, slots=True)
class DuePatrol:
    route_id: str
    code: str
    name: str
    window: str
    done: int
    total: int
    minutes_left: int  # until the window closes (before it opens: its whole length and more)
    run_id: str | None  # this person's open run of it, to resume
    elsewhere: bool = False  # this person's run of it is open on another device of theirs
    taken_over: bool = False  # that run was walked here first, and taken over there


@dataclass(frozen=True, slots=True)
class CheckpointLine:
    checkpoint_id: str
    code: str
    name: str
    kind: str
    done: bool
    at: str  # local HH:MM of the visit that counts (first scan, else by hand), "" if left
    manual: bool
    late: bool
    form: str
    note: str = ""  # the note on this run's latest visit (what `n` changes)
    answers: tuple[tuple[str, str], ...] = ()  # that visit's short form (what `e` changes)
    photos: int = 0  # photos attached to this run's visits of it (what `p` adds)
    not_counted: bool = False  # visited here after another device took the run over


@dataclass(frozen=True, slots=True)
class RunView:
    run_id: str
    route_name: str
    route_code: str
    day: str
    window: str
    ordered: bool
    lines: tuple[CheckpointLine, ...]
    minutes_left: int  # negative: the window closed that many minutes ago
    finished: bool
    starts_later: str = ""  # the route's start, when this run is before it (kept as early)
    taken_over: bool = False  # walked here, then taken over on another device: not continued
    closed_by_office: bool = False  # closed as abandoned by the office (this device lost)
    closed_by_supervisor: str = ""  # or by this supervisor of its grid (their name)

    @property
    def left(self) -> int:
        return sum(not line.done for line in self.lines)


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or local_now()).replace(tzinfo=None)


def due_now(*, now: dt.datetime | None = None) -> list[DuePatrol]:
    """The patrols due for me now, the one closing first first, and my run still open
    from a window that is over (minutes_left negative)."""
    moment = _now(now)
    person = me().person_id
    mine = open_run(person)
    elsewhere = {(r.route_id, r.day, r.window): r.id for r in open_elsewhere(person)}
    visits, _ = _visits(moment.date(), moment.date())
    finished = finished_windows(moment.date(), moment.date())
    found = []
    for route, window in _windows_now(person, moment):
        if (route.id, moment.date().isoformat(), window.label) in finished:
            continue  # its run was finished: no longer due (`walked_now`)
        seen = visits.get((route.id, moment.date().isoformat(), window.label), [])
        verdict = patrols.assess(route.checkpoints, moment.date(), window, seen, moment)
        resume = (
            mine.id
            if mine is not None and (mine.route_id, mine.window) == (route.id, window.label)
            else None
        )
        left = window.closes_at(moment.date()) - moment
        there = elsewhere.get((route.id, moment.date().isoformat(), window.label))
        found.append(
            DuePatrol(route.id, route.code, route.name, window.label, len(verdict.done),
                      len(route.checkpoints), int(left.total_seconds() // 60), resume,
                      there is not None and resume is None,
                      there is not None and resume is None and walked_here(there))
        )  # fmt: skip
    if mine is not None and not any(d.run_id == mine.id for d in found):
        found.append(_still_open(mine, moment))  # its window is over: finish it
    found.sort(key=lambda d: (d.done >= d.total, d.minutes_left, d.code))
    return found


def _windows_now(person: str, moment: dt.datetime) -> Iterator[tuple[PatrolRoute, patrols.Window]]:
    """My active routes with a window due at `moment` (in their campaign, if any)."""
    campaigns = _campaigns()
    off = patrols.CampaignSwitch(False)
    for route in _mine(person):
        switch = campaigns.get(route.campaign, off)
        if not patrols.in_campaign(
            moment.date(), route.campaign, switch.active, switch.starts_on, switch.ends_on
        ):
            continue
        window = window_due(route, moment)
        if window is not None:
            yield route, window


def _mine(person: str) -> Iterator[PatrolRoute]:
    """The active routes assigned to the person."""
    for route in PatrolRoute.select().where(PatrolRoute.active == True):  # noqa: E712
        if person in (route.people or []):
            yield route


def has_routes() -> bool:
    """Is any active route assigned to me? (A supervisor's list may hold only others'.)"""
    return any(_mine(me().person_id))


def not_begun_now(*, now: dt.datetime | None = None) -> list[tuple[str, str, str]]:
    """(name, code, starts_on) of my routes with a window near now that begin on a later
    day: not due (`due_now` leaves them out), a run made now is early and not counted."""
    moment = _now(now)
    return [
        (route.name, route.code, str(route.starts_on))
        for route in _mine(me().person_id)
        if window_due(route, moment) is None and window_near(route, moment) is not None
    ]


def waiting_campaigns(*, now: dt.datetime | None = None) -> list[str]:
    """The codes of the campaigns my active routes patrol in that do not run today (the
    office has not switched them on, or not for today): why those routes are not due."""
    moment = _now(now)
    campaigns = _campaigns()
    off = patrols.CampaignSwitch(False)
    waiting: dict[str, None] = {}
    for route in _mine(me().person_id):
        switch = campaigns.get(route.campaign, off)
        if not patrols.in_campaign(
            moment.date(), route.campaign, switch.active, switch.starts_on, switch.ends_on
        ):
            waiting[route.campaign] = None
    return list(waiting)


def walked_now(*, now: dt.datetime | None = None) -> list[tuple[str, str, str, int]]:
    """(name, code, window, checkpoints missed) of my routes whose window is open now but
    whose run of it was finished: why nothing can be started in it (`due_now` leaves them
    out), and whether it was done whole (the attendance's 部分完成（漏岗） otherwise)."""
    moment = _now(now)
    finished = finished_windows(moment.date(), moment.date())
    visits, _ = _visits(moment.date(), moment.date())
    walked = []
    for route, window in _windows_now(me().person_id, moment):
        key = (route.id, moment.date().isoformat(), window.label)
        if key in finished:
            verdict = patrols.assess(route.checkpoints, moment.date(), window,
                                     visits.get(key, []), moment, finished=True)  # fmt: skip
            walked.append((route.name, route.code, window.label, len(verdict.missed)))
    return walked


def _still_open(run: PatrolRun, moment: dt.datetime) -> DuePatrol:
    """My run left open after its window: shown until it is finished and sent."""
    view = run_view(run.id, now=moment)
    return DuePatrol(run.route_id, view.route_code, view.route_name, run.window,
                     len(view.lines) - view.left, len(view.lines), view.minutes_left,
                     run.id)  # fmt: skip


def run_view(run_id: str, *, now: dt.datetime | None = None) -> RunView:
    """A run's checkpoints, done or left, and the time left in its window."""
    run = PatrolRun.get_by_id(run_id)
    route = run.route
    day = dt.date.fromisoformat(run.day)
    window = patrols.Window.parse(run.window)
    visits, _ = _visits(day, day)
    seen = visits.get((route.id, run.day, run.window), [])
    verdict = patrols.assess(route.checkpoints, day, window, seen, _now(now))
    first: dict[str, patrols.Visit] = {}
    for seen_visit in sorted(seen, key=lambda v: (v.manual, v.at)):  # as `patrols.assess`
        first.setdefault(seen_visit.checkpoint_id, seen_visit)
    points = {c.id: c for c in Checkpoint.select().where(Checkpoint.id.in_(route.checkpoints))}
    scans = list(PatrolScan.select().where(PatrolScan.run == run.id).order_by(PatrolScan.at))
    # the latest visit's, as `runs.scan_for` finds it
    notes = {scan.checkpoint: scan.note for scan in scans}
    answers = {scan.checkpoint: tuple((scan.answers or {}).items()) for scan in scans}
    refused_here = not_counted_visits([run.id])
    uncounted = {scan.checkpoint for scan in scans if scan.id in refused_here}
    photos: dict[str, int] = {}
    for scan in scans:
        photos[scan.checkpoint] = photos.get(scan.checkpoint, 0) + len(scan.photos or [])
    lines = []
    for cid in route.checkpoints:
        point = points.get(cid)
        visit = first.get(cid)
        lines.append(
            CheckpointLine(
                checkpoint_id=cid, code=point.code if point else cid,
                name=point.name if point else "", kind=point.kind if point else "",
                done=visit is not None, at=visit.at.strftime("%H:%M") if visit else "",
                manual=bool(visit and visit.manual), late=cid in verdict.late,
                form=point.form if point else "", note=notes.get(cid, ""),
                answers=answers.get(cid, ()), photos=photos.get(cid, 0),
                not_counted=visit is None and cid in uncounted,
            )
        )  # fmt: skip
    left = window.closes_at(day) - _now(now)
    elsewhere = not PatrolRun.select().where((PatrolRun.id == run.id) & started_here()).exists()
    return RunView(run.id, route.name, route.code, run.day, run.window, bool(route.ordered),
                   tuple(lines), int(left.total_seconds() // 60),
                   run.status != "open", starts_later(run),
                   run.status == "open" and elsewhere and walked_here(run.id),
                   run.device_id == CLOSED_BY_OFFICE, supervisor_name(run))  # fmt: skip
