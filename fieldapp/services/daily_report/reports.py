"""The daily report (每日报告) of a grid, the zero report (零报告), reminders and lateness.

Every grid reports every day, even with nothing to report. Counts are computed from the
store for the grid and every grid under it (a village's report covers its areas):
inspections submitted that day, hazards opened, hazards closed, incidents (事件) that
happened that day by category, scheduled activities held by type, patrols done and missed,
and the figures of each campaign on in the grid that sets targets. A zero report is
refused when any of it was recorded (`RECORDED`). The report row and its
`daily_report.submit` outbox op are written in one transaction. Filing again the same
day adds a newer report; the newest one is the grid's report for that day — read, for
every figure, through `day_reports` (which also says when the store has since
contradicted a zero report); each grid's status for supervisors is in `status`.

Deadlines are local times per grid level — area 17:00, village and town 18:00 (source
plans, 篇六) — kept in the setting `report_deadlines`, which may also name single grids.
A reminder is due from `report_reminder_minutes` (60) before the deadline until a report
is filed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from peewee import fn

from fieldapp.domain.clock import now, now_iso, today, wall_clock
from fieldapp.domain.free_text import optional_text_problem
from fieldapp.domain.ids import new_id
from fieldapp.i18n import counts as said_counts
from fieldapp.i18n import t
from fieldapp.services.common import outbox, settings
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.kinds import level_deadlines
from fieldapp.services.common.periods import day_bounds_utc
from fieldapp.services.daily_report.patrol_figures import patrol_figures
from fieldapp.services.daily_report.people_figures import people_figures
from fieldapp.services.daily_report.work_figures import activity_figures, campaign_figures
from fieldapp.store.db import rows, write_transaction
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import DailyReport, Finding, FindingEvent, Grid, Inspection, Venue
from fieldapp.store.refused_records import DAILY_REPORT_SUBMIT, refused_ops
from fieldapp.store.superseded import not_superseded

DEFAULT_DEADLINES: dict[str, str] = {"area": "17:00", "village": "18:00", "town": "18:00"}
DEFAULT_REMINDER_MINUTES = 60
CLOSING_EVENTS = ("verified", "closed")


class NotMyGrid(PermissionError):
    """The grid is not one of mine (or under mine)."""


# What, recorded in the grid that day, makes a zero report false (in the order it is said):
# people under observation are a standing count, but an abnormal reading, a case handed
# to the health centre, a new arrival or a returnee registered that day is news.
RECORDED = (
    "hazards_found", "incidents", "abnormal_readings", "handed_over", "activities",
    "missed_posts", "patrols_done", "inspections", "hazards_closed", "new_arrivals",
    "returnees_registered",
)  # fmt: skip


class ReportDayToCome(ValueError):
    """A report for a day that has not come (`--date` tomorrow): nothing can be counted
    for it yet, and a zero report would vouch for a day no one has seen."""

    def __init__(self, day: dt.date):
        self.day = day
        super().__init__(day.isoformat())

    def text(self) -> str:
        return t("report.day_to_come", date=self.day.isoformat(), today=today().isoformat())


class RemarksRefused(ValueError):
    """Remarks typed that say nothing ("z", "😀"): they may be left empty, but typed they
    say something as every note does (`free_text.optional_text_problem`)."""

    def __init__(self, said: str):
        self.said = said  # why, for the person filing
        super().__init__(said)

    def text(self) -> str:
        return self.said


class ZeroReportRefused(ValueError):
    """A zero report on a day the store shows something recorded in the grid: hazards
    found, incidents, activities held, patrols done or missed, inspections."""

    def __init__(self, recorded: dict[str, int]):
        self.recorded = recorded  # what was recorded, in RECORDED order: count
        self.hazards_found = recorded.get("hazards_found", 0)
        self.incidents = recorded.get("incidents", 0)
        super().__init__(", ".join(f"{k}={v}" for k, v in recorded.items()))

    def text(self) -> str:
        """Why, for the person filing: the first thing recorded, by name."""
        if self.hazards_found:
            return t("report.zero_refused", count=self.hazards_found)
        if self.incidents:
            return t("report.zero_refused_incidents", count=self.incidents)
        key, count = next(iter(self.recorded.items()))
        return t("report.zero_refused_recorded", what=t(f"report.figure.{key}"), count=count)


def recorded(counts: dict[str, Any]) -> dict[str, int]:
    """The non-zero counts that make a zero report false, in RECORDED order."""
    return {k: int(counts.get(k) or 0) for k in RECORDED if counts.get(k)}


# ---------------------------------------------------------------- counts


def hazards_with(
    scope: Sequence[str], types: Sequence[str], start: str, end: str
) -> dict[str, int]:
    """Severity -> hazards of the grids `scope` with an event of `types` between the UTC
    stamps start (inclusive) and end, each hazard once."""
    query = (
        FindingEvent.select(Finding.severity, fn.COUNT(fn.DISTINCT(Finding.id)))
        .join(Finding)
        .join(Venue)
        .where(
            Venue.grid.in_(list(scope))
            & FindingEvent.type.in_(list(types))
            & (FindingEvent.at >= start)
            & (FindingEvent.at < end)
        )
        .group_by(Finding.severity)
    )
    return dict(rows(query))


def report_counts(grid_code: str, day: dt.date) -> dict[str, Any]:
    """What happened in a grid (and the grids under it) on a local date."""
    scope = grid_codes_under([grid_code])
    counts = scope_counts(scope, day)
    figures = campaign_figures(grid_code, scope, day, day)
    if figures:
        counts["campaigns"] = figures
    return counts


def scope_counts(scope: list[str], day: dt.date) -> dict[str, Any]:
    """What happened in the grids `scope` (each named, none implied) on a local date: the
    figures of `report_counts` but the campaigns' (which belong to one grid)."""
    start, end = day_bounds_utc(day)
    inspections = (
        Inspection.select()
        .join(Venue)
        .where(
            Venue.grid.in_(scope)
            & (Inspection.status == "submitted")
            & (Inspection.submitted_at >= start)
            & (Inspection.submitted_at < end)
            & not_superseded()  # a returned one done again counts once, as its replacement
        )
        .count()
    )

    found = hazards_with(scope, ["opened"], start, end)
    closed = hazards_with(scope, CLOSING_EVENTS, start, end)
    by_category = dict(
        rows(
            Incident.select(Incident.category, fn.COUNT(Incident.id))
            .where(
                Incident.grid.in_(scope)
                & (Incident.occurred_at >= start)
                & (Incident.occurred_at < end)
            )
            .group_by(Incident.category)
        )
    )
    counts: dict[str, Any] = {
        "inspections": inspections,
        "hazards_found": sum(found.values()),
        "major_hazards_found": found.get("major", 0),
        "hazards_closed": sum(closed.values()),
        "incidents": sum(by_category.values()),
        "incidents_by_category": dict(sorted(by_category.items())),
        **activity_figures(scope, day, day),
        **patrol_figures(scope, day, day),
        **people_figures(scope, day),
    }
    return counts


# ---------------------------------------------------------------- filing


def _check_my_grid(grid_code: str) -> None:
    if grid_code not in grid_codes_under([code for code, _ in me().grids]):
        raise NotMyGrid(grid_code)


def report_payload(report: DailyReport) -> dict[str, Any]:
    return {
        "id": report.id,
        "grid_code": report.grid_code,  # type: ignore[attr-defined]
        "date": report.date.isoformat(),
        "reporter": report.reporter,
        "counts": dict(report.counts),
        "zero_report": bool(report.zero_report),
        "remarks": report.remarks,
        "submitted_at": report.submitted_at,
    }


def file_report(
    grid_code: str,
    *,
    day: dt.date | None = None,
    remarks: str = "",
    zero_report: bool = False,
) -> DailyReport:
    """File the day's report for a grid: counts from the store, remarks from the person.

    A zero report states there is nothing to report; it is refused (ZeroReportRefused)
    when the store shows hazards found or incidents in the grid that day. Remarks may be
    empty; typed, they say something (RemarksRefused).
    """
    day = day or today()
    if day > today():
        raise ReportDayToCome(day)
    if (said := optional_text_problem("note", remarks)) is not None:
        raise RemarksRefused(said)
    who = me()
    _check_my_grid(grid_code)
    with write_transaction():
        counts = report_counts(grid_code, day)
        if zero_report and recorded(counts):
            raise ZeroReportRefused(recorded(counts))
        report = DailyReport.create(
            id=new_id(),
            grid=grid_code,
            date=day,
            reporter=who.person_id,
            counts=counts,
            zero_report=zero_report,
            remarks=remarks.strip(),
            submitted_at=now_iso(),
        )
        outbox.enqueue("daily_report.submit", report_payload(report))
    return report


def filed_text(report: DailyReport, grid: str) -> str:
    """What to tell the person who filed `report`; `grid` is the grid as they know it."""
    date = report.date.isoformat()
    if report.zero_report:
        return t("report.zero_filed", grid=grid, date=date)
    counts = report.counts
    return t(
        "report.filed",
        grid=grid,
        date=date,
        counts=said_counts(
            ("report.count.inspections", counts["inspections"]),
            ("report.count.found", counts["hazards_found"]),
            ("report.count.closed", counts["hazards_closed"]),
            clauses=True,
        ),
    )


def file_zero_report(
    grid_code: str, *, day: dt.date | None = None, remarks: str = ""
) -> DailyReport:
    """The zero report (零报告) in one call."""
    return file_report(grid_code, day=day, remarks=remarks, zero_report=True)


def report_for(grid_code: str, day: dt.date | None = None) -> DailyReport | None:
    """The newest report filed for a grid and day that the server did not refuse, or
    None."""
    refused = list(refused_ops(DAILY_REPORT_SUBMIT))
    return (
        DailyReport.select()
        .where(
            (DailyReport.grid == grid_code)
            & (DailyReport.date == (day or today()))
            & (DailyReport.id.not_in(refused) if refused else True)
        )
        .order_by(DailyReport.submitted_at.desc(), DailyReport.id.desc())
        .first()
    )


# ---------------------------------------------------------------- deadlines and reminders


def _parse_hhmm(value: str) -> dt.time:
    hours, minutes = str(value).strip().split(":")
    return dt.time(int(hours), int(minutes))


def deadlines() -> dict[str, str]:
    """The deadline per level (and per grid code where one is set), as HH:MM."""
    published = level_deadlines()  # the levels the office added name their own
    return {**DEFAULT_DEADLINES, **published, **(settings.get("report_deadlines") or {})}


def set_deadline(level_or_grid: str, hhmm: str) -> None:
    """Set the daily deadline of a grid level (area | village | town) or of one grid."""
    _parse_hhmm(hhmm)  # refuse what is not a time
    stored = dict(settings.get("report_deadlines") or {})
    stored[level_or_grid] = hhmm.strip()
    settings.put("report_deadlines", stored)


def reminder_minutes() -> int:
    return int(settings.get("report_reminder_minutes", DEFAULT_REMINDER_MINUTES))


def set_reminder_minutes(minutes: int) -> None:
    if int(minutes) < 0:
        raise ValueError("reminder minutes cannot be negative")
    settings.put("report_reminder_minutes", int(minutes))


def _deadline_time(code: str, level: str, table: dict[str, str]) -> dt.time:
    return _parse_hhmm(table.get(code) or table.get(level) or DEFAULT_DEADLINES["village"])


def deadline_at(grid_code: str, day: dt.date) -> dt.datetime:
    """The moment (aware, local) a grid's report for `day` is due."""
    grid = Grid.get_by_id(grid_code)
    moment = _deadline_time(grid_code, grid.level, deadlines())
    return wall_clock(dt.datetime.combine(day, moment))


def reminder_due(grid_code: str, at: dt.datetime | None = None) -> bool:
    """True from the reminder lead before the grid's deadline today until a report for
    today is filed (and still true after the deadline while none is)."""
    local = wall_clock(at or now())
    deadline = deadline_at(grid_code, local.date())
    if local < deadline - dt.timedelta(minutes=reminder_minutes()):
        return False
    return report_for(grid_code, local.date()) is None
