"""A patrol window's visits as the office reads them: the runs of one route, day and
window held on this device (a supervisor's, after sync), their checkpoint visits in the
order they were made, each with its local time, who made it, how (scanned or by hand,
and why), its note, its short form's answers and its photos (paths in this device's photo folder: a photo not yet
fetched is named all the same, and the view says so). The runs the attendance leaves
out (refused by the server) are left out here too, and so are the visits it does not
count (this device's, refused as sent after another device took the run over or the
office closed it: `not_counted_visits`). A visit by hand of a checkpoint also scanned in
the window says so: the scan is what counts (`patrols.assess`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from fieldapp.domain import patrols
from fieldapp.services.common.photos import blob_path
from fieldapp.services.common.refused_records import not_refused
from fieldapp.store.models import Person
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute, PatrolRun, PatrolScan
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT, not_counted_visits


@dataclass(frozen=True, slots=True)
class Visit:
    scan_id: str
    at: dt.datetime  # local time of the device that made it
    checkpoint_code: str
    checkpoint_name: str
    walker: str  # the name of who made it
    how: str  # scanned | manual | unverified (a placard claim the server did not verify)
    reason: str  # why by hand (a presence_reason key's tail), "" when scanned
    note: str
    photos: tuple[Path, ...]
    replaced_at: dt.datetime | None = None  # by hand, then scanned then: the scan counts
    answers: tuple[tuple[str, str], ...] = ()  # the checkpoint's short form (`e`), in order


@dataclass(frozen=True, slots=True)
class WindowVisits:
    route_name: str
    route_code: str
    day: str
    window: str
    visits: tuple[Visit, ...]


def window_visits(route_id: str, day: str, window: str) -> WindowVisits:
    route = PatrolRoute.get_or_none(PatrolRoute.id == route_id)
    runs = {
        r.id: r
        for r in PatrolRun.select().where(
            (PatrolRun.route == route_id) & (PatrolRun.day == day) & (PatrolRun.window == window)
            & not_refused(PATROL_RUN_SUBMIT, PatrolRun.id)
        )
    }  # fmt: skip
    uncounted = not_counted_visits(runs)
    scans = [
        scan
        for scan in PatrolScan.select().where(PatrolScan.run.in_(list(runs)))
        if scan.id not in uncounted
    ]
    points = {
        c.id: (c.code, c.name)
        for c in Checkpoint.select().where(Checkpoint.id.in_([s.checkpoint for s in scans]))
    }
    people = {r.person for r in runs.values()}
    names = {p.id: p.name for p in Person.select().where(Person.id.in_(list(people)))}
    visits = []
    for scan in scans:
        run = runs[scan.run_id]
        code, name = points.get(scan.checkpoint, (scan.checkpoint, ""))
        visits.append(
            Visit(
                scan_id=scan.id, at=patrols.local_time(scan.at, run.utc_offset),
                checkpoint_code=code, checkpoint_name=name,
                walker=names.get(run.person, run.person),
                how=_how(scan.source, scan.check),
                reason=scan.reason, note=scan.note,
                photos=tuple(blob_path(sha) for sha in scan.photos),
                answers=tuple((scan.answers or {}).items()),
            )
        )  # fmt: skip
    visits.sort(key=lambda v: (v.at, v.checkpoint_code))
    scanned: dict[str, dt.datetime] = {}  # a checkpoint's first scan, as `patrols.assess`
    for seen in visits:
        if seen.how == "scanned":
            scanned.setdefault(seen.checkpoint_code, seen.at)
    visits = [
        replace(v, replaced_at=scanned.get(v.checkpoint_code)) if v.how != "scanned" else v
        for v in visits
    ]
    return WindowVisits(
        route_name=route.name if route else "", route_code=route.code if route else "",
        day=day, window=window, visits=tuple(visits),
    )  # fmt: skip


def _how(source: str, check: str) -> str:
    if source == "manual":
        return "manual"
    return "unverified" if check == "unverified" else "scanned"
