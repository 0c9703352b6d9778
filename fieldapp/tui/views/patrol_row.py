"""What Enter on a row of the patrols' attendance list (ctrl+g) does: the row's window due
to me now starts it, as Enter on the due list does; any other row says why it cannot start
and when or where one can, rather than nothing (the footer offers ⏎ 开始巡逻 there too)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain import patrols
from fieldapp.i18n import listed, t
from fieldapp.services.patrols.attendance import AttendanceRow
from fieldapp.services.patrols.due import DuePatrol
from fieldapp.tui.views.patrols import PatrolsData


def row_to_start(
    row: AttendanceRow,
    due: tuple[DuePatrol, ...],
    walked: tuple[tuple[str, str, str, int], ...],
    now: dt.datetime,
) -> tuple[str | None, str]:
    """(the route id to start, "") when the row's window is due to me now, else (None,
    why it cannot start). `now` is naive local time; `walked` as PatrolsData has it."""
    if row.day == now.date():
        for patrol in due:
            if (patrol.route_id, patrol.window) == (row.route_id, row.window):
                return patrol.route_id, ""
    route = t("app.aside", text=row.route_name, aside=row.route_code)
    window = patrols.Window.parse(row.window)
    early = window.opens_at(row.day) - patrols.EARLY_START
    if now < early:
        at = f"{early:%H:%M}" if early.date() == row.day else f"{early:%Y-%m-%d %H:%M}"
        return None, t("patrol.row.not_yet", route=route, day=row.day.isoformat(),
                       window=row.window, early=at)  # fmt: skip
    if now > window.closes_at(row.day):
        return None, t("patrol.row.over", route=route, day=row.day.isoformat(),
                       window=row.window, end=f"{window.end:%H:%M}")  # fmt: skip
    for name, code, label, missed in walked:
        if (code, label) == (row.route_code, row.window):
            return None, t("patrol.due.walked", routes=walked_route(name, code, label, missed))
    return None, t("patrol.row.not_mine", route=route, window=row.window, who=row.assignee)


def why_none_to_start(data: PatrolsData | None) -> str:
    """Why Enter on the due list starts nothing: the window open now was walked, or my
    route near its window begins on a later day, or no route is mine (the attendance
    below is others'); else the attendance lists the windows to wait for, if any."""
    if data is None:
        return t("patrol.due.none_scheduled")
    if data.walked:
        return t("patrol.due.walked", routes=listed(walked_route(*w) for w in data.walked))
    if data.not_begun:
        routes = listed(t("patrol.due.begins", route=t("app.aside", text=name, aside=code),
                          day=day) for name, code, day in data.not_begun)  # fmt: skip
        return t("patrol.due.not_begun", routes=routes)
    if data.rows:
        return t("patrol.due.none_to_start" if data.assigned else "patrol.due.none_assigned")
    if data.waiting:
        return t("patrol.due.campaign_off", campaigns=listed(data.waiting))
    return t("patrol.due.none_scheduled")


def walked_route(name: str, code: str, window: str, missed: int) -> str:
    """A route whose window's run was finished, as Enter says it: 春节烟花爆竹巡逻（DM-FW）
    06:30-09:00, and how many were missed when some were, as the attendance says
    部分完成（漏岗）."""
    said = f"{t('app.aside', text=name, aside=code)} {window}"
    return said + t("patrol.due.walked_missed", count=missed) if missed else said


def missed_cell(row: AttendanceRow, cells: int) -> str:
    """How many checkpoints the row's window missed and their codes, in lines of `cells`
    that break between codes (under the first code after the count), so the column says
    them all: a line cut with "…" hid the last ("" when none was missed)."""
    from rich.cells import cell_len

    from fieldapp.tui.views.cells import cut

    if not row.missed:
        return ""
    head = t("patrol.attendance.missed_codes", count=len(row.missed), codes="")
    indent = " " * cell_len(head)  # the next lines' codes start under the first's
    lines: list[str] = []
    line = head
    for code in row.missed_codes:
        empty = line in (head, indent)
        joined = line + code if empty else f"{line} {code}"
        if cell_len(joined) > cells and not empty:
            lines.append(line)
            joined = indent + code
        line = joined
    lines.append(line)
    return "\n".join(cut(line, cells) for line in lines)
