"""Attendance on the device: the same judgement the server makes, from the local store.

After a sync a supervisor's device holds every run of its grids, so the rules of
`fieldapp.domain.patrols.judge` give here what they give on the server: per route, day
and window on time, late, partly done (with the missed checkpoints), not done, or still
open, and a run made before its route starts as early (kept, neither due nor missed).
Missed posts (空岗漏岗) come first wherever they are listed. A run the server refused to
record (`refused_records`) is not one of the window's visits, as it is not at the
office; the window's row says so (`refused`) until it is sent again. A run another device
of the person took over is on record there: its window counts the visits the server holds,
not those this device sent after the take-over (refused, `not_counted_visits`).

`patrol_counts(day)` is the call the reports make: done and missed per grid and day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import patrols
from fieldapp.domain.clock import local_now
from fieldapp.i18n import listed
from fieldapp.services.common.refused_records import not_refused
from fieldapp.services.patrols.close import window_runs
from fieldapp.store.campaign_models import CampaignRun
from fieldapp.store.models import Person
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT, not_counted_visits, refused_ops


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    route_id: str
    route_code: str
    route_name: str
    grid_code: str
    day: dt.date
    window: str
    assignee: str  # the team's name, or the names of the people assigned
    status: str  # fieldapp.domain.patrols.STATUSES
    done: int
    total: int
    missed: tuple[str, ...]  # checkpoint "code name" of each missed post
    late: tuple[str, ...]
    manual: tuple[str, ...]
    walkers: tuple[str, ...]  # the names of who walked the runs
    out_of_order: bool = False
    refused_run: str | None = None  # a run of this window the server refused (left out)
    missed_codes: tuple[str, ...] = ()  # the codes alone of `missed`, in the same order
    open_elsewhere: str | None = None  # a run open on another device (a supervisor closes)
    closed: str = ""  # a run closed as abandoned: by whom (or its close waiting to sync)
    people: tuple[str, ...] = ()  # the ids of the people assigned (who may start a run)

    @property
    def refused(self) -> bool:
        return self.refused_run is not None


@dataclass(slots=True)
class PatrolCount:
    """One grid's patrols of one day: windows judged, by outcome."""

    done: int = 0  # on time or late
    late: int = 0
    missed: int = 0  # partly done or not done (a window with a missed post)
    open: int = 0  # open or upcoming
    missed_posts: int = 0  # checkpoints not visited in windows that are over
    early: int = 0  # runs made before their route starts (neither due nor missed)


@dataclass(frozen=True, slots=True)
class AssigneeSummary:
    assignee: str
    windows: int
    on_time: int
    late: int
    partial: int
    not_done: int
    missed_posts: int
    counts: dict[str, int] = field(default_factory=dict)
    partial_late: int = 0  # checkpoints reached late in the partly done windows


def _visits(
    first: dt.date, last: dt.date
) -> tuple[dict[tuple[str, str, str], list[patrols.Visit]], dict[tuple[str, str, str], set[str]]]:
    visits: dict[tuple[str, str, str], list[patrols.Visit]] = {}
    walkers: dict[tuple[str, str, str], set[str]] = {}
    runs = {
        r.id: r
        for r in PatrolRun.select().where(
            _within(first, last) & not_refused(PATROL_RUN_SUBMIT, PatrolRun.id)
        )
    }
    for run in runs.values():
        visits.setdefault((run.route_id, run.day, run.window), [])
        walkers.setdefault((run.route_id, run.day, run.window), set()).add(run.person)
    uncounted = not_counted_visits(runs)  # sent after another device took the run over
    for scan in PatrolScan.select().where(PatrolScan.run.in_(list(runs))):
        if scan.id in uncounted:
            continue
        run = runs[scan.run_id]
        # A claim the server refused counts as a manual visit (as it does there).
        manual = scan.source == "manual" or scan.check == "unverified"
        at = patrols.local_time(scan.at, run.utc_offset)
        visits[(run.route_id, run.day, run.window)].append(
            patrols.Visit(scan.checkpoint, at, manual)
        )
    return visits, walkers


def finished_windows(first: dt.date, last: dt.date) -> set[tuple[str, str, str]]:
    """(route, day, window) first..last whose runs are all finished (none left open):
    over then, however early, as the server judges the runs it holds (sent when finished)."""
    state: dict[tuple[str, str, str], bool] = {}
    query = PatrolRun.select(PatrolRun.route, PatrolRun.day, PatrolRun.window, PatrolRun.status)
    for run in query.where(_within(first, last) & not_refused(PATROL_RUN_SUBMIT, PatrolRun.id)):
        key = (run.route_id, run.day, run.window)
        state[key] = state.get(key, True) and run.status != "open"
    return {key for key, finished in state.items() if finished}


def _within(first: dt.date, last: dt.date) -> Any:
    return (PatrolRun.day >= first.isoformat()) & (PatrolRun.day <= last.isoformat())


def _refused_windows(first: dt.date, last: dt.date) -> dict[tuple[str, str, str], str]:
    """(route, day, window) -> the run first..last the server refused to record there (the
    latest started, should there be two)."""
    refused = list(refused_ops(PATROL_RUN_SUBMIT))
    if not refused:
        return {}
    query = PatrolRun.select(PatrolRun.id, PatrolRun.route_id, PatrolRun.day, PatrolRun.window)
    return {
        (r.route_id, r.day, r.window): r.id
        for r in query.where(_within(first, last) & PatrolRun.id.in_(refused)).order_by(
            PatrolRun.started_at
        )
    }


def _campaigns() -> dict[str, patrols.CampaignSwitch]:
    return {
        c.code: patrols.CampaignSwitch(
            bool(c.active),
            c.starts_on or "",
            c.ends_on or "",
            patrols.switched_periods(c.periods or ()),
        )
        for c in CampaignRun.select()
    }


def attendance(
    first: dt.date,
    last: dt.date | None = None,
    *,
    grid_codes: Iterable[str] | None = None,
    now: dt.datetime | None = None,
) -> list[AttendanceRow]:
    """Every active route's windows from `first` to `last`, and those walked of a route
    switched off since (its other windows are no longer due), missed posts first."""
    last = last or first
    moment = (now or local_now()).replace(tzinfo=None)
    routes = PatrolRoute.select()  # `judge` takes only the walked windows of inactive ones
    if grid_codes is not None:
        routes = routes.where(PatrolRoute.grid.in_(list(grid_codes)))
    visits, walkers = _visits(first, last)
    refused = _refused_windows(first, last)
    finished = finished_windows(first, last)
    open_elsewhere, closed = window_runs(first.isoformat(), last.isoformat())
    judged = patrols.judge(list(routes), first, last, visits, _campaigns(), moment, finished)
    checkpoints = list(Checkpoint.select(Checkpoint.id, Checkpoint.code, Checkpoint.name))
    points = {c.id: f"{c.code} {c.name}" for c in checkpoints}
    codes = {c.id: c.code for c in checkpoints}
    names = {p.id: p.name for p in Person.select(Person.id, Person.name)}
    rows = []
    for route, day, window, verdict in judged:
        key = (route.id, day.isoformat(), window.label)
        rows.append(
            AttendanceRow(
                route_id=route.id, route_code=route.code, route_name=route.name,
                grid_code=route.grid_code, day=day, window=window.label,
                assignee=route.team or listed(names.get(p, p) for p in route.people),
                status=verdict.status, done=len(verdict.done), total=len(route.checkpoints),
                missed=tuple(points.get(c, c) for c in verdict.missed),
                late=tuple(points.get(c, c) for c in verdict.late),
                manual=tuple(points.get(c, c) for c in verdict.manual),
                walkers=tuple(sorted(names.get(p, p) for p in walkers.get(key, ()))),
                out_of_order=verdict.out_of_order, refused_run=refused.get(key),
                missed_codes=tuple(codes.get(c, c) for c in verdict.missed),
                open_elsewhere=open_elsewhere.get(key), closed=closed.get(key, ""),
                people=tuple(route.people or ()),
            )
        )  # fmt: skip
    rows.sort(key=lambda r: (patrols.sort_key(r.status), r.day, r.window, r.route_code))
    return rows


def patrol_counts(
    day: dt.date, *, grid_codes: Iterable[str] | None = None, now: dt.datetime | None = None
) -> dict[str, PatrolCount]:
    """Patrols of `day` per grid code: done (on time or late), late, missed (a window
    over with a checkpoint not visited), open, and the missed posts. The reports' call."""
    counts: dict[str, PatrolCount] = {}
    for row in attendance(day, day, grid_codes=grid_codes, now=now):
        count = counts.setdefault(row.grid_code, PatrolCount())
        if row.status in patrols.DONE_STATUSES:
            count.done += 1
            count.late += row.status == patrols.LATE
        elif row.status in patrols.MISSED_STATUSES:
            count.missed += 1
            count.missed_posts += len(row.missed)
        elif row.status == patrols.EARLY:
            count.early += 1
        else:
            count.open += 1
    return counts


def by_assignee(rows: Iterable[AttendanceRow]) -> list[AssigneeSummary]:
    """Per person or team over the rows' period, the most missed first: the windows
    judged (not those still open, nor runs made before their route starts)."""
    tally: dict[str, dict[str, int]] = {}
    for row in rows:
        if row.status in (patrols.OPEN, patrols.UPCOMING, patrols.EARLY):
            continue
        counts = tally.setdefault(row.assignee, dict.fromkeys(patrols.STATUSES, 0))
        counts[row.status] += 1
        counts["missed_posts"] = counts.get("missed_posts", 0) + len(row.missed)
        if row.status == patrols.PARTIAL:  # partly done outranks late: its late ones said apart
            counts["partial_late"] = counts.get("partial_late", 0) + len(row.late)
    summaries = [
        AssigneeSummary(
            assignee=name,
            windows=sum(c[s] for s in patrols.STATUSES),
            on_time=c[patrols.ON_TIME],
            late=c[patrols.LATE],
            partial=c[patrols.PARTIAL],
            not_done=c[patrols.NOT_DONE],
            missed_posts=c.get("missed_posts", 0),
            counts=c,
            partial_late=c.get("partial_late", 0),
        )
        for name, c in tally.items()
    ]
    summaries.sort(key=lambda s: (-(s.not_done + s.partial), -s.late, s.assignee))
    return summaries
