"""The patrol a checkpoint's placard names when it is scanned outside any run.

A scanner's read of it starts (or resumes) my patrol of it that is due and checks in
there (`tui.parts.scan_checks`). Its text pasted or typed, or read off a photo, proves no
visit: the run is not started on it; the person is asked why the checkpoint was not
scanned first (`patrol_of_placard` says which route would start), and only a reason
given starts the run with that manual visit, in one transaction (`start_by_hand`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.domain import patrols
from fieldapp.domain.clock import local_now
from fieldapp.domain.presence import manual_note_problem
from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.patrols.mine import open_run
from fieldapp.services.patrols.runs import (
    PatrolRefused,
    finished_run,
    record_manual,
    start_run,
    window_due,
    window_near,
)
from fieldapp.store.db import write_transaction
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute


@dataclass(frozen=True, slots=True)
class PlacardPatrol:
    """My patrol a checkpoint's placard belongs to now: my open run holding it
    (`run_id`), else my route holding it with a window near now, not started (`route_id`)."""

    checkpoint_id: str
    label: str  # the checkpoint's name and code, as the run's messages write it
    run_id: str = ""
    route_id: str = ""


def patrol_of_placard(code: str, *, now: dt.datetime | None = None) -> PlacardPatrol | None:
    """The patrol of the checkpoint `code` names, found without starting anything (even
    a route that starts later: `runs.starts_later`). None when no such patrol is mine now."""
    checkpoint = Checkpoint.get_or_none(Checkpoint.code == code.strip().upper())
    if checkpoint is None:
        return None
    who = me()
    label = f"{checkpoint.name} {checkpoint.code}"
    current = open_run(who.person_id)
    if current is not None:
        if checkpoint.id not in current.route.checkpoints:
            return None
        return PlacardPatrol(checkpoint.id, label, run_id=current.id)
    moment = (now or local_now()).replace(tzinfo=None)
    day = moment.date().isoformat()
    # A checkpoint on two of my routes: the one not walked in its window yet, due before
    # early (before its start); a route walked already only when no other is near.
    ranked = []
    for route in PatrolRoute.select().where(PatrolRoute.active == True):  # noqa: E712
        mine = who.person_id in (route.people or []) and checkpoint.id in route.checkpoints
        window = window_near(route, moment) if mine else None
        if window is not None:
            walked = finished_run(who.person_id, route.id, day, window.label) is not None
            ranked.append((walked, window_due(route, moment) is None, route.code, route.id))
    if not ranked:
        return None
    return PlacardPatrol(checkpoint.id, label, route_id=min(ranked)[-1])


def start_by_hand(route_id: str, checkpoint_id: str, reason: str, note: str = "") -> str:
    """Start (or resume) my run of the route with the checkpoint visited by hand, for the
    reason given; both or neither are recorded. The run's id."""
    if reason not in patrols.MANUAL_REASONS:
        raise PatrolRefused(t("presence.choose_reason"))
    if (problem := manual_note_problem(reason, note)) is not None:
        raise PatrolRefused(problem)
    with write_transaction():
        run = start_run(route_id)
        record_manual(run.id, checkpoint_id, reason, note)
    return run.id
