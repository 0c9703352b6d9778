"""The monthly report (月报) of a grid and every grid under it, with its assessment (考核).

One row per grid in tree order, each counting its grid and those under it, for the month
up to its last day (or today, while the month runs): inspection completion, daily reports
filed (zero, late), hazards found, closed and overdue at the end, scheduled activities
held on time, late or missed, patrols done and missed with the posts missed (空岗漏岗),
incidents reported and brought to an outcome — and the score out of 100 the office's
weights (`assessment_weights`) give those rates (`fieldapp.domain.assessment`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from pathlib import Path

from peewee import fn

from fieldapp.domain import assessment
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.finding_dates import as_date
from fieldapp.reports.monthly import MonthlyReport, MonthlyRow
from fieldapp.services.activities.due import PeriodOutcome, period_outcomes
from fieldapp.services.common import settings
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.periods import local_date_of, period_bounds_utc
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.daily_report.patrol_figures import add_up, patrol_figures_by_grid
from fieldapp.services.daily_report.work_figures import incident_outcomes
from fieldapp.services.dashboard.figures import grid_summary, overdue_trend
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import rows
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import DailyReport, Finding, Grid, Inspection
from fieldapp.store.patrol_models import PatrolRun

WEIGHTS_SETTING = "assessment_weights"
HANDLED_STATES = ("outcome_recorded", "closed")


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def assessment_weights() -> dict[str, float]:
    """The office's weights when it set valid ones, else the defaults."""
    office = settings.get(WEIGHTS_SETTING)
    if office and assessment.weights_problem(office) is None:
        return {p: float(office.get(p, 0)) for p in assessment.PARTS}
    return dict(assessment.DEFAULT_WEIGHTS)


def _hazards(scope: list[str], first: dt.date, last: dt.date) -> tuple[int, int]:
    """Hazards opened and hazards closed (verified or closed) first..last, each once."""
    start, end = period_bounds_utc(first, last)
    opened = daily_reports.hazards_with(scope, ["opened"], start, end)
    closed = daily_reports.hazards_with(scope, daily_reports.CLOSING_EVENTS, start, end)
    return sum(opened.values()), sum(closed.values())


def _incidents(scope: list[str], first: dt.date, last: dt.date) -> tuple[int, int]:
    """Incidents that happened first..last, and of those the ones brought to an outcome."""
    start, end = period_bounds_utc(first, last)
    states = Counter(
        state
        for (state,) in rows(
            Incident.select(Incident.state).where(
                Incident.grid.in_(scope)
                & (Incident.occurred_at >= start)
                & (Incident.occurred_at < end)
            )
        )
    )
    return sum(states.values()), sum(states[s] for s in HANDLED_STATES)


def _activity_counts(outcomes: list[PeriodOutcome], scope: set[str]) -> Counter[str]:
    return Counter(o.state for o in outcomes if o.grid_code in scope)


class MonthNotStarted(ValueError):
    """A month after `day`'s: nothing to count yet (its report read 统计至 its first day,
    one day due and the hazards overdue today as if they were)."""

    def __init__(self, first: dt.date, day: dt.date) -> None:
        super().__init__(f"{first:%Y-%m} has not started on {day}")
        self.first = first
        self.day = day


class MonthBeforeRecords(ValueError):
    """A month that ends before the store's first record: every figure would be zero
    (the report of 2000-01 was written as if nothing had been done that month)."""

    def __init__(self, first: dt.date, first_record: dt.date) -> None:
        super().__init__(f"{first:%Y-%m} is before the first record, of {first_record}")
        self.first = first
        self.first_record = first_record


def first_record_day() -> dt.date | None:
    """The local day of the earliest record a monthly report counts: an inspection, a
    hazard, a daily report, an activity, a patrol or an incident; None with none."""
    stamps = (Inspection.submitted_at, Finding.created_at, DailyReport.submitted_at,
              Incident.occurred_at)  # fmt: skip
    days = [local_date_of(column.model.select(fn.MIN(column)).scalar()) for column in stamps]
    days += [as_date(Activity.select(fn.MIN(Activity.held_on)).scalar()),
             as_date(PatrolRun.select(fn.MIN(PatrolRun.day)).scalar())]  # fmt: skip
    return min((d for d in days if d is not None), default=None)


def monthly_report(
    grid_code: str | None = None, month: dt.date | None = None, *, day: dt.date | None = None
) -> MonthlyReport:
    """The month (holding `month`, this one by default) of a grid of mine (my first by
    default) and every grid under it, judged on `day` (today): counted up to `day` in the
    month under way; a month that starts after `day` raises MonthNotStarted, one that ends
    before the first record MonthBeforeRecords."""
    day = day or today()
    roots = [grid_code] if grid_code else [code for code, _ in me().grids][:1]
    first, end = month_bounds(month or day)
    if first > day:
        raise MonthNotStarted(first, day)
    first_record = first_record_day() if month else None  # this month's is always said
    if first_record is not None and end < first_record:
        raise MonthBeforeRecords(first, first_record)
    last = min(end, max(day, first))
    weights = assessment_weights()
    summaries = grid_summary(first, last, day=last, grids=roots)
    outcomes = period_outcomes(first, end, grids=roots, day=day)
    by_grid = patrol_figures_by_grid([s.code for s in summaries], first, last)
    result = []
    for s in summaries:
        scope = grid_codes_under([s.code])
        found, closed = _hazards(scope, first, last)
        overdue = overdue_trend(last, last, grids=[s.code])[0].count
        acts = _activity_counts(outcomes, set(scope))
        patrols = add_up(by_grid, scope)
        incidents, handled = _incidents(scope, first, last)
        enforcement = incident_outcomes(scope, first, last)["enforcement_cases"]
        held = acts["on_time"] + acts["late"]
        rates = {
            "inspections": s.rate,
            "reporting": assessment.rate(s.reported_days, s.days),
            "hazards": (1 - overdue / (overdue + closed)) if overdue + closed else None,
            "activities": assessment.rate(held, held + acts["missed"]),
            "patrols": assessment.rate(
                patrols["patrols_done"],
                patrols["patrols_done"] + patrols["patrols_partial"] + patrols["patrols_missed"],
            ),
            "incidents": assessment.rate(handled, incidents),
        }
        result.append(
            MonthlyRow(
                code=s.code,
                name=s.name,
                level=s.level,
                depth=s.depth,
                venues=s.venues,
                inspections_due=s.due,
                inspections_done=s.done,
                days=s.days,
                reported_days=s.reported_days,
                zero_days=s.zero_days,
                late_days=s.late_days,
                hazards_found=found,
                hazards_closed=closed,
                overdue_hazards=overdue,
                activities_due=held + acts["missed"],
                activities_on_time=acts["on_time"],
                activities_late=acts["late"],
                activities_missed=acts["missed"],
                patrols_done=patrols["patrols_done"],
                patrols_missed=patrols["patrols_partial"] + patrols["patrols_missed"],
                missed_posts=patrols["missed_posts"],
                incidents=incidents,
                incidents_handled=handled,
                enforcement_cases=enforcement,
                rates=rates,
                score=assessment.score(rates, weights),
                activities_open=acts["open"],
            )  # fmt: skip
        )
    root = Grid.get_by_id(roots[0])
    return MonthlyReport(root.code, root.name, first, last, weights, tuple(result), now_iso())


def export_monthly(
    report: MonthlyReport,
    *,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    lang: str = "zh",
) -> list[Path]:
    """Write the report as XLSX and/or PDF; the files written."""
    from fieldapp.reports import monthly as sheets

    written = []
    if xlsx is not None:
        written.append(sheets.write_xlsx(report, xlsx, lang=lang))
    if pdf is not None:
        sheets.render_pdf(report, pdf, lang=lang)
        written.append(pdf)
    return written
