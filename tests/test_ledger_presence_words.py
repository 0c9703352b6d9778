"""The ledger's 检查台账 says how the inspector arrived in the record's words, note and
all ("手工确认（其他原因：标牌被遮挡）", the note masked like other free text unless the
export is in full), and names the checklist by its title as the record does
("小商场巡查表 v5", "Small shop checklist v5" in English), not by its code. Real XLSX
files read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from rounds_support import SUPERVISOR, Clock, act_as, add_venue, china, inspect

from fieldapp.i18n import set_language
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.inspection import history
from fieldapp.store.models import Inspection
from fieldapp.tui.screens.inspection_record import meta_lines

PHONE = "13812345678"
NOTE = f"标牌被遮挡，店主电话{PHONE}"


def _by_hand_with_a_note(clock: Clock) -> str:
    venue_id = add_venue("S-1", "small_shop", "A11")
    inspection_id = inspect(clock, venue_id, china(2026, 2, 10, 9))
    Inspection.update(presence="manual", presence_reason="other", presence_note=NOTE).where(
        Inspection.id == inspection_id
    ).execute()
    return inspection_id


def _first_row(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path, read_only=True)
    header, row = list(book.worksheets[0].iter_rows(values_only=True))[:2]
    book.close()
    return dict(zip(header, row, strict=False))


def test_presence_and_checklist_as_the_record_says_them(tree: Clock, tmp_path: Path) -> None:
    inspection_id = _by_hand_with_a_note(tree)
    out = tmp_path / "台账.xlsx"
    export_ledger(out)
    row = _first_row(out)
    assert row["到场方式"] == "手工确认（其他原因：标牌被遮挡，店主电话138****5678）"
    assert row["检查表及版本"] == "小商场巡查表 v5"
    # The same words as the read-only record, whose note is whole there.
    record = " ".join(meta_lines(history.inspection_record(inspection_id)))
    assert f"到场：手工确认（其他原因：{NOTE}）" in record


def test_the_full_export_writes_the_note_as_typed(tree: Clock, tmp_path: Path) -> None:
    _by_hand_with_a_note(tree)
    act_as(SUPERVISOR)
    out = tmp_path / "台账.xlsx"
    export_ledger(out, full_personal_data=True)
    assert _first_row(out)["到场方式"] == f"手工确认（其他原因：{NOTE}）"


def test_an_english_ledger_from_a_chinese_ui(tree: Clock, tmp_path: Path) -> None:
    _by_hand_with_a_note(tree)
    out = tmp_path / "ledger.xlsx"
    set_language("zh")
    export_ledger(out, lang="en")
    row = list(_first_row(out).values())
    assert row[7] == "Confirmed by hand (Other: 标牌被遮挡，店主电话138****5678)"
    assert row[11] == "Small shop checklist v5"
