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
from people_support import returnee_family
from rounds_support import (
    INSPECTOR_A11,
    INSPECTOR_V2,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    inspect,
)

from fieldapp.domain.personal import new_key
from fieldapp.reports.ledger import ItemColumn, Labels, answer_cell, csv_paths
from fieldapp.services.activities import records
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.followups import plans
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute

JUNE = ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 10))

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
    tree.set(china(2026, 6, 10, 9))
    inspect(tree, add_venue("S-01", "small_shop", "A11"), china(2026, 6, 8, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    tree.set(china(2026, 6, 10, 9))
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    plans.create_plan(str(registry.HouseholdMember.get().id), start_on=dt.date(2026, 6, 10))
    act_as(INSPECTOR_A11)
    sale = report_incident(IncidentReport("fireworks_sale", "2026-06-09 06:40", "售卖烟花",
                                          address="东村路口"))  # fmt: skip
    act_as(SUPERVISOR)
    events.append_event(sale.id, "handed_over", data={
        "unit": "police_station", "reference": "东派移〔2026〕3号", "date": "2026-06-09"})  # fmt: skip
    act_as(INSPECTOR_V2)
    records.record_activity(records.ActivityForm("facility_check", "V2", held_on="2026-06-09",
                                                 place="西村消防室", minutes="水带完好"))  # fmt: skip
    act_as(SUPERVISOR)
    Checkpoint.create(id="cp-1", code="CP-01", name="村东口", kind="village_entrance", grid="A11")
    PatrolRoute.create(id="route-1", code="FW-01", name="巡逻", grid="A11", ordered=False,
                       checkpoints=["cp-1"], people=[INSPECTOR_A11],
                       schedule={"days": ["daily"], "windows": ["08:00-10:00"]})  # fmt: skip


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
