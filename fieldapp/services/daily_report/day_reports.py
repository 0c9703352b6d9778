"""The report of a grid for a day, and zero reports (零报告) the store has since contradicted.

One definition, read by every figure of daily reporting (the daily report screen F8, the
dashboard's reporting per grid F6, the monthly assessment), so that they agree:

- A grid's report for a date is the newest report filed for that grid and date (filing
  again the same day adds a newer report; the newest one stands). A day with a full
  report after a zero report is not a zero day, and a zero report after a full one is.
- Each grid counts its own reports: a village's zero report is the village's, not its
  areas' (their own rows say theirs). What a zero report asserts does cover the grids
  under it (`reports.report_counts`).
- The date is the report's `date`: the local date (office time, Asia/Shanghai) the
  report is for, as the filing device dated it — never the UTC day of `submitted_at`.
- Lateness is judged by the first filing that day: a grid that reported on time and
  corrected its report later did not report late.
- A report the server refused (`store.refused_records`) is no report: it is not at the
  office, so it neither stands nor counts as a filing; the grid reads "refused by server"
  (`refused_days`) until the person files again.

A zero report states that nothing in `reports.RECORDED` happened in the grid (and the
grids under it) that day. Records are append-only, so a zero report that the store now
contradicts — an incident reported, a hazard found, anything that would have refused it
— is never edited or withdrawn; it is read as *contradicted*, at read time, from the
records themselves (no schema change, and a record synced in later counts the same).

Decision: a contradicted zero report still counts as reported (and on time when it was
filed before the deadline) and as a zero report — it was filed, and when — but every
place that lists zero reports flags it with what contradicts it, and the person who filed
it is told to file a proper daily report. Once a newer full report is filed for that
grid and day, that report stands and nothing is contradicted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.daily_report import reports
from fieldapp.store.db import rows
from fieldapp.store.models import DailyReport, Grid, Person
from fieldapp.store.refused_records import DAILY_REPORT_SUBMIT, refused_ops


@dataclass(frozen=True)
class DayReport:
    """The report that stands for a grid and date, and when the grid first reported."""

    grid: str
    day: dt.date
    report_id: str
    reporter: str
    zero: bool
    submitted_at: str  # UTC, of the report that stands (the newest)
    first_submitted_at: str  # UTC, of the first report filed that day


def day_reports(
    codes: Sequence[str], first: dt.date, last: dt.date
) -> dict[tuple[str, dt.date], DayReport]:
    """(grid, date) -> the report that stands, for the grids `codes` (each its own) and
    the dates first..last; days without a report are absent."""
    if not codes:
        return {}
    refused = list(refused_ops(DAILY_REPORT_SUBMIT))
    query = (
        DailyReport.select(
            DailyReport.grid,
            DailyReport.date,
            DailyReport.id,
            DailyReport.reporter,
            DailyReport.zero_report,
            DailyReport.submitted_at,
        )
        .where(
            DailyReport.grid.in_(list(codes))
            & (DailyReport.date >= first)
            & (DailyReport.date <= last)
            & (DailyReport.id.not_in(refused) if refused else True)
        )
        .order_by(DailyReport.submitted_at, DailyReport.id)
    )
    result: dict[tuple[str, dt.date], DayReport] = {}
    for code, day, report_id, reporter, zero, submitted in rows(query):
        date = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        before = result.get((code, date))
        result[(code, date)] = DayReport(
            grid=code,
            day=date,
            report_id=report_id,
            reporter=reporter,
            zero=bool(zero),
            submitted_at=submitted,
            first_submitted_at=before.first_submitted_at if before else submitted,
        )
    return result


@dataclass(frozen=True)
class Filing:
    """One person's newest report for a grid and day, as the screen names it."""

    person: str  # the person's id
    reporter: str  # their name (the id when the person is not on this device)
    submitted_at: str  # UTC
    remarks: str
    zero: bool


def filings(code: str, day: dt.date) -> list[Filing]:
    """The reports filed for the grid `code` on `day` that the server did not refuse,
    newest first, one per person (their newest): the first is the report that stands
    (`day_reports`); the others are other people's, superseded by it, and said beside it so
    a report two people filed offline is not replaced unseen."""
    refused = list(refused_ops(DAILY_REPORT_SUBMIT))
    query = (
        DailyReport.select()
        .where(
            (DailyReport.grid == code)
            & (DailyReport.date == day)
            & (DailyReport.id.not_in(refused) if refused else True)
        )
        .order_by(DailyReport.submitted_at.desc(), DailyReport.id.desc())
    )
    newest: dict[str, DailyReport] = {}
    for report in query:
        newest.setdefault(report.reporter, report)
    names: dict[str, str] = dict(
        rows(Person.select(Person.id, Person.name).where(Person.id.in_(list(newest))))
    )
    return [
        Filing(
            r.reporter,
            str(names.get(r.reporter, r.reporter)),
            r.submitted_at,
            r.remarks,
            r.zero_report,
        )  # fmt: skip
        for r in newest.values()
    ]


def refused_days(codes: Sequence[str], first: dt.date, last: dt.date) -> set[tuple[str, dt.date]]:
    """(grid, date) of the grids `codes` on the dates first..last that have a report the
    server refused (whether or not another report stands for them)."""
    refused = list(refused_ops(DAILY_REPORT_SUBMIT))
    if not codes or not refused:
        return set()
    query = DailyReport.select(DailyReport.grid, DailyReport.date).where(
        DailyReport.grid.in_(list(codes))
        & (DailyReport.date >= first)
        & (DailyReport.date <= last)
        & DailyReport.id.in_(refused)
    )
    return {
        (code, day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10]))
        for code, day in rows(query)
    }


def zero_reports(
    codes: Sequence[str], first: dt.date, last: dt.date
) -> dict[tuple[str, dt.date], DayReport]:
    """The zero reports that stand for the grids `codes` on the dates first..last."""
    return {key: r for key, r in day_reports(codes, first, last).items() if r.zero}


def contradictions(
    stood: Iterable[DayReport],
) -> dict[tuple[str, dt.date], dict[str, int]]:
    """(grid, date) -> what contradicts it, for the zero reports among `stood` that the
    store contradicts ({} for one that still holds, in `RECORDED` order).

    Zero reports are the common case (a month of a town's grids is a thousand of them) and
    counting one grid's day takes a dozen queries, so the zero reports of a day are asked
    about together: grids that together saw nothing that day all hold, and only a group
    that saw something is halved and asked again, down to single reports."""
    by_day: dict[dt.date, list[DayReport]] = {}
    for report in stood:
        if report.zero:
            by_day.setdefault(report.day, []).append(report)
    found: dict[tuple[str, dt.date], dict[str, int]] = {}
    for day, zero in by_day.items():
        _contradicted(sorted(zero, key=lambda r: r.grid), day, found)  # neighbours together
    return found


def _contradicted(
    zero: list[DayReport], day: dt.date, found: dict[tuple[str, dt.date], dict[str, int]]
) -> None:
    scope = grid_codes_under([r.grid for r in zero])
    what = reports.recorded(reports.scope_counts(scope, day))
    if not what:
        return
    if len(zero) == 1:
        found[(zero[0].grid, day)] = what
        return
    half = len(zero) // 2
    _contradicted(zero[:half], day, found)
    _contradicted(zero[half:], day, found)


def contradicted_text(what: dict[str, int]) -> str:
    """ "零报告后又上报事件 1 起": the first thing recorded since, by name."""
    key, count = next(iter(what.items()))
    if key in ("incidents", "hazards_found"):
        return t(f"report.zero_contradicted.{key}", count=count)
    return t("report.zero_contradicted", what=t(f"report.figure.{key}"), count=count)


@dataclass(frozen=True)
class MyContradiction:
    grid: str
    name: str
    day: dt.date
    what: dict[str, int]


def my_contradicted_zero_reports(day: dt.date | None = None) -> list[MyContradiction]:
    """My zero reports for `day` (today) that still stand and the store now contradicts:
    what the person who filed them is told, so they file a proper daily report."""
    day = day or today()
    person = me().person_id
    codes = [
        code
        for (code,) in rows(
            DailyReport.select(DailyReport.grid).where(
                (DailyReport.reporter == person) & (DailyReport.date == day)
            )
        )
    ]
    mine = [r for r in day_reports(sorted(set(codes)), day, day).values() if r.reporter == person]
    found = contradictions(mine)
    if not found:
        return []
    names = dict(rows(Grid.select(Grid.code, Grid.name).where(Grid.code.in_(list(codes)))))
    return [
        MyContradiction(grid, str(names.get(grid, grid)), date, what)
        for (grid, date), what in sorted(found.items())
    ]
