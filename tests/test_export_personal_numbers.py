"""The ledger masks ID numbers and phones typed into free text as the detail screen and
the hand-over letters do (`domain.personal.mask_numbers_in_text`): an incident's people
and narrative, a hazard's description, a hand-over note on the events sheet, an
activity's minutes. Only the full-personal-data export (a supervisor's) writes them as
typed. Read back from real XLSX and CSV files."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from rounds_support import INSPECTOR_A11, INSPECTOR_V2, SUPERVISOR, Clock, act_as, add_venue, china
from rounds_support import inspect as inspect_venue

from fieldapp.services.activities import records
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding

ID_NUMBER = "350102199001011234"
PHONE = "13812345678"
MASKED_ID = "3501**********1234"
MASKED_PHONE = "138****5678"
FEBRUARY = ExportFilter(dt.date(2026, 2, 1), dt.date(2026, 2, 28))


@pytest.fixture
def typed(tree: Clock) -> None:
    """Numbers typed into every free-text field the ledger writes."""
    venue_id = add_venue("S-1", "small_shop", "A11")
    inspection_id = inspect_venue(tree, venue_id, china(2026, 2, 10, 9), fail=("SHP-03",),
                                  inspector=INSPECTOR_A11)  # fmt: skip
    hazard = Finding.get(Finding.inspection == inspection_id)
    Finding.update(description=f"店主电话{PHONE}").where(Finding.id == hazard.id).execute()
    tree.set(china(2026, 2, 11, 7))
    report_incident(IncidentReport(
        "fireworks_sale", "2026-02-11 06:40", f"路边摆摊，摊主电话{PHONE}", address="东村路口",
        people=[{"name": "王某", "role": f"摊主 身份证{ID_NUMBER}"}]))  # fmt: skip
    act_as(SUPERVISOR)
    findings.append_event(str(hazard.id), "handed_over", note=f"业主电话{PHONE} 请联系", data={
        "unit": "fire_brigade", "reference": "鼎网移〔2026〕9号", "date": "2026-02-11"})  # fmt: skip
    act_as(INSPECTOR_V2)
    records.record_activity(records.ActivityForm(
        "facility_check", "V2", held_on="2026-02-10", place="西村消防室",
        attendee_names=f"赵六{PHONE}", minutes=f"联系人身份证{ID_NUMBER}"))  # fmt: skip
    act_as(SUPERVISOR)


def _xlsx_text(path: Path) -> dict[str, str]:
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = {
        ws.title: "\n".join(
            " ".join("" if v is None else str(v) for v in row)
            for row in ws.iter_rows(values_only=True)
        )
        for ws in book.worksheets
    }
    book.close()
    return sheets


def _csv_text(paths: list[Path]) -> dict[str, str]:
    texts = {}
    for path in paths:
        with path.open(encoding="utf-8-sig") as f:
            texts[path.stem] = "\n".join(" ".join(row) for row in csv.reader(f))
    return texts


def _the_numbers_are_masked(sheets: dict[str, str], incidents: str, events: str) -> None:
    everything = "\n".join(sheets.values())
    assert ID_NUMBER not in everything and PHONE not in everything, everything
    assert f"王某 摊主 身份证{MASKED_ID}" in sheets[incidents], sheets[incidents]
    assert f"摊主电话{MASKED_PHONE}" in sheets[incidents]
    assert f"业主电话{MASKED_PHONE} 请联系" in sheets[events], sheets[events]
    assert f"店主电话{MASKED_PHONE}" in everything  # the hazard's description
    assert f"联系人身份证{MASKED_ID}" in everything and f"赵六{MASKED_PHONE}" in everything


def test_the_xlsx_masks_numbers_in_free_text(typed: None, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger(out, where=FEBRUARY)
    _the_numbers_are_masked(_xlsx_text(out), "事件台账", "隐患处理记录")


def test_the_csv_masks_numbers_in_free_text(typed: None, tmp_path: Path) -> None:
    result = export_ledger(tmp_path / "台账.csv", fmt="csv", where=FEBRUARY)
    _the_numbers_are_masked(_csv_text(result.paths), "台账_incidents", "台账_finding_events")


def test_the_full_personal_data_export_writes_them_as_typed(typed: None, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_ledger(out, where=FEBRUARY, full_personal_data=True)
    sheets = _xlsx_text(out)
    assert f"王某 摊主 身份证{ID_NUMBER}" in sheets["事件台账"]
    assert f"业主电话{PHONE} 请联系" in sheets["隐患处理记录"]
    assert MASKED_ID not in "\n".join(sheets.values())
