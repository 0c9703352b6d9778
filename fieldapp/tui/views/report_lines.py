"""The daily report screen's lines (F8), read in a worker as plain values: each grid's
state today, the chosen grid's counts, and the status tab's title — counted as the
dashboard (F6) counts it, from `services.daily_report.day_reports`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from rich.text import Text

from fieldapp.domain.clock import wall_clock
from fieldapp.i18n import listed, t
from fieldapp.services.daily_report.reports import RECORDED
from fieldapp.tui.views.work_lines import work_lines

# What the zero report's question names first; the rest of RECORDED, which refuses a zero
# report as well, follows by name.
FIRST_SAID = ("hazards_found", "incidents")


@dataclass(frozen=True)
class GridLine:
    code: str
    name: str
    depth: int
    deadline: str  # HH:MM
    state: str  # filed | zero | zero_contradicted | filed_late | refused | late | missing
    submitted: str  # local HH:MM, "" when not filed
    zero: bool = False  # what was filed is a zero report (its state may say only "late")
    late: bool = False  # filed, first after the deadline (its state may say zero)
    contradicted: str = ""  # a zero report the store contradicts: what since, in words


@dataclass(frozen=True)
class GridReport:
    code: str
    name: str
    day: dt.date
    deadline: str
    counts: dict[str, int]
    state: str
    submitted: str
    remarks: str
    work: str = ""  # the lines of activities, patrols and campaign figures
    contradicted: str = ""  # the zero report that stands is contradicted: what since
    overdue: int = 0  # hazards of the grid and those under it open past their deadline
    filed_by: str = ""  # who filed the report that stands ("" when I did)
    # Other people's reports for the day, superseded by it: (name, local HH:MM, remarks).
    superseded: tuple[tuple[str, str, str], ...] = ()


def grid_option(depth: int, name: str, state: str, step: int = 2, said: str = "") -> Text:
    """A grid in the list: indented `step` cells a level, its report's state first (or
    `said` for it: its words cut short), as plain text ("[Filed]" is no markup tag, to be
    dropped)."""
    return Text(f"{' ' * step * depth}[{said or t(f'report.status.{state}')}] {name}")


def grid_lines(grids: list[str] | None = None) -> tuple[GridLine, ...]:
    """The report status of my grids (or `grids`) today, as plain values (worker thread)."""
    from fieldapp.services.daily_report.day_reports import contradicted_text
    from fieldapp.services.daily_report.status import report_status

    return tuple(
        GridLine(
            s.code,
            s.name,
            s.depth,
            s.deadline.strftime("%H:%M"),
            s.state,
            wall_clock(s.submitted_at).strftime("%H:%M") if s.submitted_at else "",
            s.filed and s.zero_report,
            s.filed_late,
            contradicted_text(s.contradicted) if s.contradicted else "",
        )
        for s in report_status(grids=grids)
    )


def read_grid_report(code: str) -> GridReport:
    from fieldapp.domain.clock import today
    from fieldapp.services.common.identity import grid_codes_under, me
    from fieldapp.services.common.periods import parse_utc
    from fieldapp.services.daily_report import reports as daily_reports
    from fieldapp.services.daily_report.day_reports import contradicted_text, filings
    from fieldapp.services.daily_report.status import report_status
    from fieldapp.store.models import Finding, Grid, Venue

    day = today()
    status = next(s for s in report_status(day, grids=[code]) if s.code == code)
    report = daily_reports.report_for(code, day)
    filed = filings(code, day)
    counts = daily_reports.report_counts(code, day)
    scope = Venue.select(Venue.id).where(Venue.grid.in_(grid_codes_under([code])))
    overdue = (
        Finding.select()
        .where(
            Finding.venue.in_(scope) & (Finding.state == "open") & (Finding.current_deadline < day)
        )
        .count()
    )
    return GridReport(
        code=code,
        name=Grid.get_by_id(code).name,
        day=day,
        deadline=status.deadline.strftime("%H:%M"),
        counts=counts,
        # The pane says what was filed and when; what contradicts it is its own line.
        state=replace(status, contradicted={}).state,
        submitted=wall_clock(status.submitted_at).strftime("%H:%M") if status.submitted_at else "",
        remarks=report.remarks if report is not None else "",
        work=work_lines(counts),
        contradicted=contradicted_text(status.contradicted) if status.contradicted else "",
        overdue=overdue,
        filed_by=filed[0].reporter if filed and filed[0].person != me().person_id else "",
        superseded=tuple(
            (f.reporter, wall_clock(parse_utc(f.submitted_at)).strftime("%H:%M"), f.remarks)
            for f in filed[1:]
        ),
    )


def filed_text(report: GridReport) -> str:
    """The state of a grid that filed today: when the report that stands was filed, who
    filed it (someone else) and its remarks, and each other person's report it superseded
    with theirs."""
    lines = [
        t("report.state.filed", state=t(f"report.status.{report.state}"), time=report.submitted)
    ]
    if report.filed_by or report.remarks:  # what I filed myself goes without saying
        who = report.filed_by or t("report.state.me")
        key = "report.state.filed_by_remarks" if report.remarks else "report.state.filed_by"
        lines.append(t(key, who=who, remarks=report.remarks))
    for who, time, remarks in report.superseded:
        key = "report.state.superseded_remarks" if remarks else "report.state.superseded"
        lines.append(t(key, who=who, time=time, remarks=remarks))
    return "\n".join(lines)


def zero_report_body(line: GridLine, report: GridReport | None) -> str:
    """The zero report's question: what it states (nothing new today, not that the grid
    has no hazards), a report filed today already, and the grid's open overdue hazards,
    which the zero report leaves as they are."""
    others = [t(f"report.figure.{key}") for key in RECORDED if key not in FIRST_SAID]
    body = t("report.zero.confirm.body", figures=listed(others))
    if line.submitted:  # filed earlier today: said, with when, before it is replaced
        again = "filed_zero" if line.zero else "filed_report"
        body = f"{t(f'report.zero.confirm.{again}', time=line.submitted)}\n{body}"
    if report is not None and report.code == line.code and report.overdue:
        body += "\n" + t("report.zero.confirm.overdue", count=report.overdue)
    return body


def status_title(lines: tuple[GridLine, ...]) -> str:
    """Today's reporting over the grids: filed, of which zero reports and filed late, and
    apart from the zero reports that hold, those the store has since contradicted (their
    rows say 零报不成立; the dashboard (F6) flags them in its zero column)."""
    filed = [line for line in lines if line.submitted]
    void = sum(bool(line.zero and line.contradicted) for line in filed)
    return t(
        "report.status.title_void" if void else "report.status.title",
        filed=len(filed),
        zero=sum(line.zero and not line.contradicted for line in filed),
        void=void,
        filed_late=sum(line.late for line in filed),
        late=sum(line.state == "late" for line in lines),
        missing=sum(line.state in ("missing", "refused") for line in lines),
    )
