"""The dashboard's assessment tab: this month's score (考核) per grid with the rates it
comes from, the incidents of the month by state, and each campaign's targets per
community with how far each got. `m` writes the monthly report (月报) as XLSX and PDF.

`load_assessment` runs in the dashboard's worker; the pane only shows plain values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from fieldapp.i18n import listed, t
from fieldapp.tui.views.rounds import rate_text
from fieldapp.tui.widgets.table import GRID_NAME_MIN, Table, grid_names

if TYPE_CHECKING:
    from fieldapp.reports.monthly import MonthlyReport, MonthlyRow
    from fieldapp.services.dashboard.targets import TargetProgress


@dataclass(frozen=True)
class AssessmentData:
    report: MonthlyReport
    targets: tuple[TargetProgress, ...]
    incident_states: dict[str, int]


def load_assessment(day: dt.date) -> AssessmentData:
    """This month's report for my first grid, campaign targets, incidents by state."""
    from fieldapp.services.common.periods import period_bounds_utc
    from fieldapp.services.dashboard.monthly import monthly_report
    from fieldapp.services.dashboard.targets import target_progress
    from fieldapp.store.incident_models import Incident

    report = monthly_report(day=day)
    start, end = period_bounds_utc(report.month, report.last)
    scope = [r.code for r in report.rows]
    states = Counter(
        i.state
        for i in Incident.select(Incident.state).where(
            Incident.grid.in_(scope)
            & (Incident.occurred_at >= start)
            & (Incident.occurred_at < end)
        )
    )
    return AssessmentData(report, tuple(target_progress(day=day)), dict(states))


def write_monthly(report: MonthlyReport, folder: Path, lang: str) -> list[Path]:
    """The month's report as XLSX and PDF in `folder` (call in a worker thread)."""
    from fieldapp.paths import private_folder
    from fieldapp.reports.monthly import label
    from fieldapp.services.common.file_names import free_path
    from fieldapp.services.dashboard.monthly import export_monthly

    private_folder(folder)  # owner-only, as the documents folder
    stem = f"{label('monthly.file', lang)}-{report.grid_code}-{report.month:%Y-%m}"
    # The month's report made again keeps the first pair: both as -2, -3, …
    xlsx = free_path(folder / f"{stem}.xlsx", "xlsx", beside=(".pdf",))
    return export_monthly(report, xlsx=xlsx, pdf=xlsx.with_suffix(".pdf"), lang=lang)


def compose_assessment() -> ComposeResult:
    with Vertical(classes="dash-assessment"):
        yield Label(t("dashboard.assessment.loading"), id="assessment-title", classes="pane-title")
        yield Table(id="assessment-table", cursor_type="row", zebra_stripes=True)
        yield Label("", id="activities-summary")
        yield Label("", id="incidents-summary")
        yield Label(t("dashboard.targets.none"), id="targets-title", classes="pane-title")
        yield Table(id="targets-table", cursor_type="row", zebra_stripes=True)


ASSESSMENT_COLUMNS = ("grid", "score", "completion", "reporting", "overdue", "activities",
                      "missed_posts", "incidents")  # fmt: skip
TARGET_COLUMNS = ("grid", "campaign", "target", "progress", "rate")


def add_columns(assessment: Table, targets: DataTable[str]) -> None:
    # A long grid name gives up width so that every figure's header is seen whole at 80
    # columns (the last one read "空" for 空岗漏岗).
    assessment.squeezed = ("grid", ASSESSMENT_COLUMNS[-1])
    assessment.squeezed_min = GRID_NAME_MIN
    for key in ASSESSMENT_COLUMNS:
        assessment.add_column(t(f"dashboard.assessment.col.{key}"), key=key)
    for key in TARGET_COLUMNS:
        targets.add_column(t(f"dashboard.targets.col.{key}"), key=key)


def activities_said(row: MonthlyRow) -> str:
    """What the activities column counts: the periods whose time ran out this month (a
    quarter's drill on time to 12-31 is counted then), and those open left out — '0/0'
    beside 29 activities due read as if none were."""
    held = row.activities_on_time + row.activities_late
    said = t("dashboard.assessment.activities", held=held, count=row.activities_due)
    if row.activities_open:
        said += t("dashboard.assessment.activities_open", count=row.activities_open)
    return said


def show_assessment(
    data: AssessmentData, assessment: DataTable[str], targets: DataTable[str],
    labels: tuple[Label, Label, Label, Label],
) -> None:  # fmt: skip
    title, activities, incidents, targets_title = labels
    report = data.report
    title.update(t("dashboard.assessment.title", first=report.month.isoformat(),
                   last=report.last.isoformat()))  # fmt: skip
    assessment.clear()
    names = grid_names((r.name, r.depth) for r in report.rows)
    for r, name in zip(report.rows, names, strict=True):
        assessment.add_row(
            name,  # type: ignore[arg-type]  # cut to its column's width
            "—" if r.score is None else f"{r.score:g}",
            rate_text(r.rates.get("inspections")),
            f"{r.reported_days}/{r.days}",
            str(r.overdue_hazards),
            f"{r.activities_on_time + r.activities_late}/{r.activities_due}",
            str(r.missed_posts),
            f"{r.incidents_handled}/{r.incidents}",
            key=r.code,
        )
    activities.update(activities_said(report.rows[0]) if report.rows else "")
    total = sum(data.incident_states.values())
    parts = listed(
        f"{t(f'incident.state.{state}')} {n}" for state, n in sorted(data.incident_states.items())
    )
    incidents.update(t("dashboard.incidents.title", count=total, states=parts or "—"))
    targets.clear()
    for p in data.targets:
        targets.add_row(
            f"{'  ' * p.depth}{p.grid_name}",
            p.campaign_name,
            t(f"target.{p.target}"),
            f"{p.done}/{p.wanted:g}",
            rate_text(p.rate),
        )
    if data.targets:
        first = data.targets[0]
        targets_title.update(t("dashboard.targets.title", campaign=first.campaign_name,
                               first=first.first.isoformat(), last=first.last.isoformat()))  # fmt: skip
    else:
        targets_title.update(t("dashboard.targets.none"))
