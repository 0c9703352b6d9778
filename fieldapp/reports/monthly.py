"""The monthly report (月报) as XLSX and PDF: plain data in, files out.

The services (`fieldapp.services.dashboard.monthly`) build `MonthlyReport` from the store;
nothing here reads it. One row per grid (indented by depth), the month's figures, the
rates as percentages and the assessment score; a second sheet (or the subtitle of the
PDF) gives the weights the score used.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.domain.assessment import PARTS
from fieldapp.i18n import listed, said_in
from fieldapp.reports.notices import _output, _paragraph, _table
from fieldapp.reports.placards import CjkFont, find_cjk_font
from fieldapp.reports.table_layout import BODY_SIZE, SLACK, cell_inset, heading_least, sized


@dataclass(frozen=True)
class MonthlyRow:
    code: str
    name: str
    level: str
    depth: int
    venues: int
    inspections_due: int
    inspections_done: int
    days: int
    reported_days: int
    zero_days: int
    late_days: int
    hazards_found: int
    hazards_closed: int
    overdue_hazards: int  # overdue at the end of the month (or today)
    activities_due: int  # whose time ran out in the month
    activities_on_time: int
    activities_late: int
    activities_missed: int
    patrols_done: int
    patrols_missed: int  # windows over and not done in full (partly or not at all)
    missed_posts: int
    incidents: int
    incidents_handled: int  # of the month's incidents, brought to an outcome
    enforcement_cases: int
    rates: dict[str, float | None] = field(default_factory=dict)
    score: float | None = None
    activities_open: int = 0  # not held, time left: counted in the month they run out


@dataclass(frozen=True)
class MonthlyReport:
    grid_code: str
    grid_name: str
    month: dt.date  # its first day
    last: dt.date  # the last day counted
    weights: dict[str, float]
    rows: tuple[MonthlyRow, ...]
    made_at: str


# (column key, row attribute or rate part, kind): kind n = number, r = rate, s = score
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("venues", "venues", "n"),
    ("inspections_due", "inspections_due", "n"),
    ("inspections_done", "inspections_done", "n"),
    ("inspection_rate", "inspections", "r"),
    ("days", "days", "n"),
    ("reported_days", "reported_days", "n"),
    ("zero_days", "zero_days", "n"),
    ("late_days", "late_days", "n"),
    ("hazards_found", "hazards_found", "n"),
    ("hazards_closed", "hazards_closed", "n"),
    ("overdue_hazards", "overdue_hazards", "n"),
    ("activities_due", "activities_due", "n"),
    ("activities_on_time", "activities_on_time", "n"),
    ("activities_late", "activities_late", "n"),
    ("activities_missed", "activities_missed", "n"),
    ("activity_rate", "activities", "r"),
    ("patrols_done", "patrols_done", "n"),
    ("patrols_missed", "patrols_missed", "n"),
    ("missed_posts", "missed_posts", "n"),
    ("incidents", "incidents", "n"),
    ("incidents_handled", "incidents_handled", "n"),
    ("enforcement_cases", "enforcement_cases", "n"),
    ("score", "score", "s"),
)


def label(key: str, lang: str, **values: object) -> str:
    return said_in(lang, key, **values)


def headers(lang: str) -> list[str]:
    return [label("monthly.col.grid", lang), label("monthly.col.code", lang)] + [
        label(f"monthly.col.{key}", lang) for key, _, _ in COLUMNS
    ]


def cell(row: MonthlyRow, name: str, kind: str) -> int | float | None:
    """A row's value for a column: a count, a rate 0..1 (None: nothing was due), a score."""
    if kind == "r":
        return row.rates.get(name)
    value = getattr(row, name)
    return None if value is None else value


def _shown(value: int | float | None, kind: str, lang: str) -> str:
    if value is None:
        return label("monthly.none", lang)
    if kind == "r":
        return f"{100 * value:.0f}%"
    return f"{value:g}" if kind == "s" else str(value)


def _weights_text(weights: dict[str, float], lang: str) -> str:
    parts = (f"{label(f'assessment.part.{p}', lang)} {weights.get(p, 0):g}" for p in PARTS)
    return listed(parts, lang)


def title(report: MonthlyReport, lang: str) -> str:
    return label(
        "monthly.title",
        lang,
        grid=report.grid_name,
        year=report.month.year,
        month=report.month.month,
    )


def write_xlsx(report: MonthlyReport, out: Path, *, lang: str = "zh") -> Path:
    """The report sheet and the weights sheet; written to a temporary name and renamed."""
    import xlsxwriter

    temp = out.with_name(out.name + ".part")
    book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        percent = book.add_format({"num_format": "0%"})
        sheet = book.add_worksheet(label("monthly.sheet.report", lang))
        sheet.write(0, 0, title(report, lang), bold)
        sheet.write(1, 0, label("monthly.subtitle", lang, last=report.last.isoformat(),
                                weights=_weights_text(report.weights, lang)))  # fmt: skip
        sheet.write_row(2, 0, headers(lang), bold)
        sheet.freeze_panes(3, 2)
        sheet.set_column(0, 0, 24)
        for n, row in enumerate(report.rows, start=3):
            sheet.write(n, 0, "  " * row.depth + row.name)
            sheet.write(n, 1, row.code)
            for c, (_, name, kind) in enumerate(COLUMNS, start=2):
                value = cell(row, name, kind)
                if value is None:
                    sheet.write_blank(n, c, None)
                else:
                    sheet.write_number(n, c, value, percent if kind == "r" else None)
        weights = book.add_worksheet(label("monthly.sheet.weights", lang))
        weights.write_row(
            0, 0, [label("monthly.col.part", lang), label("monthly.col.weight", lang)], bold
        )
        weights.set_column(0, 0, 24)
        for n, part in enumerate(PARTS, start=1):
            weights.write(n, 0, label(f"assessment.part.{part}", lang))
            weights.write_number(n, 1, report.weights.get(part, 0))
        book.close()
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    return out


def render_pdf(
    report: MonthlyReport, out: Path | str | None = None, *, font: CjkFont | None = None,
    lang: str = "zh",
) -> bytes:  # fmt: skip
    """A landscape A4 table: the grid, then the month's figures, then the score."""
    from fieldapp.reports.pdf_pages import cjk_pdf

    pdf = cjk_pdf(font or find_cjk_font(), title(report, lang), orientation="L", lang=lang)
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=10)
    pdf.add_page()
    _paragraph(pdf, title(report, lang), size=16)
    _paragraph(pdf, label("monthly.subtitle", lang, last=report.last.isoformat(),
                          weights=_weights_text(report.weights, lang)), size=9)  # fmt: skip
    pdf.ln(2)
    body = [
        ["  " * r.depth + r.name, r.code]
        + [_shown(cell(r, name, kind), kind, lang) for _, name, kind in COLUMNS]
        for r in report.rows
    ]
    widths, size = _layout(pdf, headers(lang), body)
    _table(pdf, headers(lang), body, widths, head_size=size, padding=PADDING)
    return _output(pdf, out)


# A figure's column is at least as wide as before; each cell's inside is its width less
# the padding on either side and the line drawn round it (fpdf leaves out its margin).
FIGURE_WIDTH = 9.4
PADDING = 0.8
GRID_WIDTH, GRID_LEAST = 38.0, 26.0


def _layout(pdf: Any, heads: list[str], body: list[list[str]]) -> tuple[tuple[float, ...], float]:
    """The columns' widths and the heading's size, so that every heading takes at most
    two lines broken between words ("检查完成率" as 检查 / 完成率; it was printed a
    character or two a line, "Insp/ecte/d" inside a word): the code and the figures'
    columns as wide as their heading or longest value needs, at the largest heading size
    at which the table fits the page with the grid's names at least GRID_LEAST wide; three
    lines, then any number, only where two do not fit at 6.5 pt."""
    room = pdf.w - pdf.l_margin - pdf.r_margin - SLACK
    inset = cell_inset(pdf, PADDING) + SLACK

    def need(column: int, size: float, lines: int | None) -> float:
        word = heading_least(heads[column], sized(pdf, size), lines)
        value = max(map(sized(pdf, BODY_SIZE), (r[column] for r in body)), default=0.0)
        return max(word + inset, value + inset, 0.0 if column == 1 else FIGURE_WIDTH)

    for lines, smallest in ((2, 6.5), (3, 6.5), (None, 5.0)):
        size = BODY_SIZE
        while (
            size > smallest
            and GRID_LEAST + sum(need(c, size, lines) for c in range(1, len(heads))) > room
        ):
            size -= 0.5
        others = [need(c, size, lines) for c in range(1, len(heads))]
        if GRID_LEAST + sum(others) <= room:
            break
    widths = [max(min(GRID_WIDTH, room - sum(others)), GRID_LEAST), *others]
    pdf.set_font_size(BODY_SIZE)
    return tuple(widths), size
