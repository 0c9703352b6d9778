"""Every date column of the ledger is one kind, so an office clerk can sort and filter
them in Excel: in the workbook, days are Excel dates shown as yyyy-mm-dd and moments
(submitted, happened) Excel dates shown as yyyy-mm-dd hh:mm, never text; in the CSV
files both are ISO text (2026-06-08, 2026-06-08 09:30:00)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from ledger_support import JUNE, fill_every_sheet
from rounds_support import Clock

from fieldapp.reports.ledger import ItemColumn, Labels, answer_cell, csv_paths
from fieldapp.services.export.ledger import export_ledger

DAYS = {
    "inspections": ["col.date"],
    "findings": ["col.found_on", "col.deadline", "col.current_deadline"],
    "events": ["col.found_on"],
    "people": ["people.arrived_on", "people.left_on", "people.registered_on"],
    "followups": ["followups.start_on"],
    "patrols": ["patrols.day"],
    "incidents": ["col.handed_on"],
    "activities": ["col.held_on"],
}
MOMENTS = {
    "inspections": ["col.submitted_at"],
    "events": ["col.event_at"],
    "incidents": ["col.occurred_at"],
}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


@pytest.fixture
def every_sheet(tree: Clock) -> None:
    """A record on every sheet of the ledger, each with its dates, early in June 2026."""
    fill_every_sheet(tree)


def _columns(sheet: str) -> list[tuple[str, str]]:
    """(header, kind) of the sheet's date columns."""
    labels = Labels("zh")
    return [(labels(f"ledger.{k}"), "day") for k in DAYS.get(sheet, [])] + [
        (labels(f"ledger.{k}"), "moment") for k in MOMENTS.get(sheet, [])
    ]


def _sheet_key(title: str) -> str:
    labels = Labels("zh")
    for key in DAYS:
        if labels(f"ledger.sheet.{key}", on="").split("（")[0] == title.split("（")[0]:
            return key
    raise AssertionError(f"no sheet named {title}")


def test_every_date_column_of_the_workbook_holds_excel_dates(
    every_sheet: None, tmp_path: Path
) -> None:
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=JUNE)
    book = openpyxl.load_workbook(out)
    seen = set()
    for sheet in book.worksheets:
        key = _sheet_key(sheet.title)
        header = [c.value for c in sheet[1]]
        for name, kind in _columns(key):
            index = header.index(name)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
                if cell.value is None:
                    continue
                assert isinstance(cell.value, dt.datetime), (key, name, cell.value)
                shown = "yyyy-mm-dd" if kind == "day" else "yyyy-mm-dd hh:mm"
                assert cell.number_format == shown, (key, name, cell.number_format)
                seen.add((key, kind))
    book.close()
    assert seen == {(key, "day") for key in DAYS} | {(key, "moment") for key in MOMENTS}


def test_every_date_column_of_the_csv_files_is_iso_text(every_sheet: None, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    export_ledger(out, fmt="csv", where=JUNE)
    seen = set()
    for key, path in csv_paths(out).items():
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for name, kind in _columns(key):
                    if row[name]:
                        form = ISO_DAY if kind == "day" else ISO_MOMENT
                        assert form.fullmatch(row[name]), (key, name, row[name])
                        seen.add((key, kind))
    assert seen == {(key, "day") for key in DAYS} | {(key, "moment") for key in MOMENTS}


def test_a_date_answer_is_a_day_and_other_text_stays_text() -> None:
    column = ItemColumn("X-01", "检查日期", "Date checked", "date")
    assert answer_cell(column, "value", "2026-05-01", Labels()) == dt.date(2026, 5, 1)
    assert answer_cell(column, "value", "五月初", Labels()) == "五月初"
