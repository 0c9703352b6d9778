"""Figures for the supervisor's dashboard: SQL aggregates over the local store, no Textual.

- inspections submitted per local day;
- hazards opened and closed per week (weeks run Monday to Sunday);
- the overdue trend: hazards overdue at the end of each day;
- completion and reporting per grid (area → village → town, each grid with what is under it).

Every query is one aggregate statement (grouped in SQLite, a handful of rows back), so the
figures stay quick on a store of 100,000 inspections. The scope is my grids and the grids
under them, or the `grids` given; when the scope is every grid in the store the venue join
is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.clock import local_sql, wall_clock
from fieldapp.services import rounds
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.periods import parse_utc, period_bounds_utc
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.daily_report.day_reports import contradictions, day_reports
from fieldapp.services.daily_report.patrol_figures import add_up, patrol_figures_by_grid
from fieldapp.services.daily_report.status import report_status
from fieldapp.store.db import db
from fieldapp.store.models import Grid
from fieldapp.store.superseded import not_superseded_sql

# The overdue trend follows the lifecycle day by day (`lifecycle.TRANSITIONS`): events that
# open a hazard (整改中), events that move it out of rectifying (reported fixed, handed
# over, closed, and those that follow them), and events that set its deadline.
_OPENS = ("opened", "reopened", "rejected")
_LEAVES_OPEN = ("rectification_reported", "handed_over", "outcome_recorded", "verified", "closed")
_SETS_DEADLINE = ("opened", "rejected", "deadline_extended")
_STEPS = (*_OPENS, *_LEAVES_OPEN, "deadline_extended")


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    count: int


@dataclass(frozen=True)
class WeekHazards:
    week: dt.date  # the Monday
    opened: int
    closed: int


@dataclass(frozen=True)
class GridSummary:
    code: str
    name: str
    level: str
    depth: int
    venues: int
    due: int
    done: int
    rate: float | None  # completion: done / due for the period, None when nothing was due
    days: int  # days in the period
    reported_days: int  # days with a report filed
    zero_days: int  # of which zero reports
    late_days: int  # of which filed after the deadline
    today: str  # filed | zero | zero_contradicted | filed_late | late | missing
    patrols_missed: int = 0  # patrol windows over and partly or not done (空岗漏岗)
    patrols_due: int = 0  # patrol windows over: done, partly done or not done
    missed_posts: int = 0  # checkpoints not visited in them
    incidents: int = 0  # incidents (事件) that happened in the period
    contradicted_days: int = 0  # of the zero days, those the store contradicts since

    @property
    def reporting_rate(self) -> float:
        return self.reported_days / self.days if self.days else 0.0


def _scope(grids: Sequence[str] | None) -> list[str] | None:
    """The grid codes in scope, or None when that is every grid in the store."""
    roots = list(grids) if grids is not None else [code for code, _ in me().grids]
    codes = grid_codes_under(roots)
    if len(codes) >= Grid.select().count():
        return None
    return codes


def _venue_filter(scope: list[str] | None, column: str) -> tuple[str, list[object]]:
    """A SQL condition keeping rows whose venue (by `column`) is in scope."""
    if scope is None:
        return "", []
    marks = ", ".join("?" for _ in scope)
    return (
        f" AND {column} IN (SELECT id FROM venue WHERE grid_code IN ({marks}))",
        list(scope),
    )


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# ---------------------------------------------------------------- inspections per day


def inspections_per_day(
    first: dt.date, last: dt.date, *, grids: Sequence[str] | None = None
) -> list[DayCount]:
    """Submitted inspections per local date first..last (days without any show 0); a
    returned inspection done again counts once, as its replacement."""
    start, end = period_bounds_utc(first, last)
    where, params = _venue_filter(_scope(grids), "venue_id")
    cursor = db.execute_sql(
        local_sql(
            "SELECT date(submitted_at, 'localtime') AS d, COUNT(*) FROM inspection "
            "WHERE status = 'submitted' AND submitted_at >= ? AND submitted_at < ?"
            f" AND {not_superseded_sql('inspection')}{where} GROUP BY d"
        ),
        [start, end, *params],
    )
    counts = {row[0]: row[1] for row in cursor}
    return [DayCount(d, counts.get(d.isoformat(), 0)) for d in _days(first, last)]


# ---------------------------------------------------------------- hazards per week


def hazards_per_week(
    last: dt.date, weeks: int = 12, *, grids: Sequence[str] | None = None
) -> list[WeekHazards]:
    """Hazards opened and closed (verified or closed) per week, the `weeks` weeks up to
    the one holding `last`, oldest first. A hazard counts once per week and kind."""
    first = week_start(last) - dt.timedelta(weeks=weeks - 1)
    start, end = period_bounds_utc(first, last)
    where, params = _venue_filter(_scope(grids), "f.venue_id")
    closing = ", ".join("?" for _ in daily_reports.CLOSING_EVENTS)
    cursor = db.execute_sql(
        local_sql(
            "SELECT date(e.at, 'localtime', 'weekday 0', '-6 days') AS w, "
            "CASE WHEN e.type = 'opened' THEN 'opened' ELSE 'closed' END AS k, "
            "COUNT(DISTINCT e.finding_id) "
            "FROM finding_event e JOIN finding f ON f.id = e.finding_id "
            f"WHERE e.at >= ? AND e.at < ? AND (e.type = 'opened' OR e.type IN ({closing}))"
            f"{where} GROUP BY w, k"
        ),
        [start, end, *daily_reports.CLOSING_EVENTS, *params],
    )
    found: dict[tuple[str, str], int] = {(row[0], row[1]): row[2] for row in cursor}
    result = []
    for n in range(weeks):
        monday = first + dt.timedelta(weeks=n)
        key = monday.isoformat()
        result.append(
            WeekHazards(monday, found.get((key, "opened"), 0), found.get((key, "closed"), 0))
        )
    return result


# ---------------------------------------------------------------- overdue trend


def overdue_trend(
    first: dt.date, last: dt.date, *, grids: Sequence[str] | None = None
) -> list[DayCount]:
    """Hazards overdue at the end of each local date first..last, by the review queue's
    rule (`lifecycle.is_overdue`) as it stood that day: open (rectifying) and past the
    deadline in force. Each event that changes the state or the deadline starts a stretch
    that runs to the hazard's next such event; the last event of a day decides the day.
    So a hazard stops counting on the day it is reported fixed (or handed over, or closed),
    whatever happens to it later, and counts again after a rejection (复查不通过) or a
    reopening once its deadline then in force is past; an extension granted on D moves the
    deadline from D on and leaves the days before D as they were.
    """
    where, params = _venue_filter(_scope(grids), "f.venue_id")
    steps = ", ".join("?" for _ in _STEPS)
    sets = ", ".join("?" for _ in _SETS_DEADLINE)
    changes = ", ".join("?" for _ in (*_OPENS, *_LEAVES_OPEN))
    opens = ", ".join("?" for _ in _OPENS)
    # One row per stretch in which a hazard was open past its deadline, grouped by (first
    # overdue day, day it stopped) and counted; the days are swept in Python. The state of
    # a stretch is that of the last state-changing event up to its start (an extension
    # keeps the state), its deadline that of the last deadline event up to its start.
    cursor = db.execute_sql(
        local_sql(f"""
        WITH s AS (
            SELECT
                date(e.at, 'localtime') AS since,
                (SELECT date(MIN(n.at), 'localtime') FROM finding_event n
                 WHERE n.finding_id = e.finding_id AND n.type IN ({steps}) AND n.at > e.at
                ) AS until,
                (SELECT CASE WHEN d.type = 'opened' THEN f.deadline
                             ELSE json_extract(d.data, '$.deadline') END
                 FROM finding_event d
                 WHERE d.finding_id = e.finding_id AND d.type IN ({sets}) AND d.at <= e.at
                 ORDER BY d.at DESC LIMIT 1) AS deadline,
                (SELECT c.type FROM finding_event c
                 WHERE c.finding_id = e.finding_id AND c.type IN ({changes}) AND c.at <= e.at
                 ORDER BY c.at DESC LIMIT 1) AS state_event
            FROM finding_event e JOIN finding f ON f.id = e.finding_id
            WHERE e.type IN ({steps}){where}
        )
        SELECT MAX(since, date(deadline, '+1 day')), COALESCE(until, '9999'), COUNT(*)
        FROM s WHERE state_event IN ({opens}) AND deadline IS NOT NULL
        GROUP BY 1, 2
        """),
        [*_STEPS, *_SETS_DEADLINE, *_OPENS, *_LEAVES_OPEN, *_STEPS, *params, *_OPENS],
    )
    days = _days(first, last)
    index = {d.isoformat(): n for n, d in enumerate(days)}
    first_day, last_day = days[0].isoformat(), days[-1].isoformat()
    delta = [0] * (len(days) + 1)
    for since, until, count in cursor:
        # `since` is None for a hazard without an opened event or a deadline.
        if since is None or since > last_day or until <= first_day:
            continue
        lo = 0 if since <= first_day else index[since]
        hi = len(days) if until > last_day else index[until]  # not overdue at its end
        if hi > lo:
            delta[lo] += count
            delta[hi] -= count
    result, running = [], 0
    for n, d in enumerate(days):
        running += delta[n]
        result.append(DayCount(d, running))
    return result


# ---------------------------------------------------------------- completion and reporting


def _reporting(codes: list[str], first: dt.date, last: dt.date) -> dict[str, tuple[int, ...]]:
    """grid -> (days reported, zero-report days, days first filed after the deadline,
    zero-report days the store has since contradicted), by `day_reports`: the report that
    stands each day, the grid's own, its local date."""
    stood = day_reports(codes, first, last)
    contradicted = contradictions(stood.values())
    levels: dict[str, str] = dict(
        Grid.select(Grid.code, Grid.level).where(Grid.code.in_(codes)).tuples()  # type: ignore[arg-type]
    )
    table = daily_reports.deadlines()
    result: dict[str, tuple[int, ...]] = {}
    for (code, day), report in stood.items():
        deadline = wall_clock(
            dt.datetime.combine(
                day, daily_reports._deadline_time(code, levels.get(code, "village"), table)
            )
        )
        reported, zeros, late, wrong = result.get(code, (0, 0, 0, 0))
        result[code] = (
            reported + 1,
            zeros + (1 if report.zero else 0),
            late + (1 if parse_utc(report.first_submitted_at) > deadline else 0),
            wrong + (1 if (code, day) in contradicted else 0),
        )
    return result


def grid_summary(
    first: dt.date,
    last: dt.date,
    *,
    day: dt.date | None = None,
    at: dt.datetime | None = None,
    grids: Sequence[str] | None = None,
) -> list[GridSummary]:
    """Completion (rounds.completion) and reporting for first..last per grid in tree
    order, with the report status of `day` (today by default)."""
    completion = rounds.completion(first, last, grids=grids)
    statuses = {s.code: s for s in report_status(day, at, grids=grids)}
    reporting = _reporting([c.code for c in completion], first, last)
    incidents = _incidents(first, last)
    days = (last - first).days + 1
    local = wall_clock(at).replace(tzinfo=None) if at else None
    by_grid = patrol_figures_by_grid([c.code for c in completion], first, last, now=local)
    result = []
    for c in completion:
        reported, zeros, late, contradicted = reporting.get(c.code, (0, 0, 0, 0))
        status = statuses.get(c.code)
        under = grid_codes_under([c.code])
        patrols = add_up(by_grid, under)
        result.append(
            GridSummary(
                code=c.code,
                name=c.name,
                level=c.level,
                depth=c.depth,
                venues=c.venues,
                due=c.due,
                done=c.done,
                rate=c.rate,
                days=days,
                reported_days=reported,
                zero_days=zeros,
                late_days=late,
                contradicted_days=contradicted,
                today=status.state if status else "missing",
                patrols_missed=patrols["patrols_partial"] + patrols["patrols_missed"],
                patrols_due=patrols["patrols_done"]
                + patrols["patrols_partial"]
                + patrols["patrols_missed"],
                missed_posts=patrols["missed_posts"],
                incidents=sum(incidents.get(code, 0) for code in under),
            )
        )
    return result


def _incidents(first: dt.date, last: dt.date) -> dict[str, int]:
    """Incidents that happened first..last, per grid code (each grid its own)."""
    start, end = period_bounds_utc(first, last)
    sql = (
        "SELECT grid_code, COUNT(*) FROM incident WHERE occurred_at >= ? AND occurred_at < ?"
        " GROUP BY grid_code"
    )
    return {code: int(n) for code, n in db.execute_sql(sql, (start, end)).fetchall()}
