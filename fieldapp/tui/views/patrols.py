"""The patrols screen's data (ctrl+g) as plain values, read in a worker thread: the routes
due to me now, attendance in my grids and who walked it, the server's refusals of runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.patrols.attendance import AssigneeSummary, AttendanceRow
from fieldapp.services.patrols.due import DuePatrol


@dataclass(frozen=True)
class PatrolsData:
    due: tuple[DuePatrol, ...]
    rows: tuple[AttendanceRow, ...]
    people: tuple[AssigneeSummary, ...]
    first: dt.date
    last: dt.date
    refusals: dict[str, RecordRefusal]  # run id -> why the server refused it
    walked: tuple[tuple[str, str, str, int], ...] = ()  # (name, code, window, missed): run finished
    supervisor: bool = False  # closes a run of the grids open on another device (c)
    waiting: tuple[str, ...] = ()  # campaigns off that my routes patrol in (their names)
    me: str = ""  # my person id: Enter starts a run only of a route assigned to me
    # (name, code, starts_on) of my routes with a window near now, begun on a later day
    not_begun: tuple[tuple[str, str, str], ...] = ()
    assigned: bool = True  # some route is assigned to me (a supervisor's may not be)


def load_patrols(first: dt.date, last: dt.date) -> PatrolsData:
    from fieldapp.services.common.grid_tree import grid_codes_under
    from fieldapp.services.common.identity import me
    from fieldapp.services.common.refused_records import refusals
    from fieldapp.services.patrols import attendance, due
    from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
    from fieldapp.tui.views.work_lines import campaign_name

    grids = grid_codes_under([code for code, _ in me().grids])
    rows = attendance.attendance(first, last, grid_codes=grids)
    refused = refusals(PATROL_RUN_SUBMIT, [r.refused_run for r in rows if r.refused_run])
    return PatrolsData(
        tuple(due.due_now()), tuple(rows), tuple(attendance.by_assignee(rows)), first, last,
        refused, tuple(due.walked_now()), me().is_supervisor,
        tuple(campaign_name(code) for code in due.waiting_campaigns()), me().person_id,
        tuple(due.not_begun_now()), due.has_routes(),
    )  # fmt: skip
