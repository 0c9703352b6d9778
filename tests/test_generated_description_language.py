"""A hazard whose description was left empty is stored with its generated text, in the
language it was recorded in ("未达标：通往屋顶的门未上锁"). Read back — the English F5 and
record view, an English ledger, a Chinese screen reading an English-recorded one, the
(Chinese) rectification notice — it reads in the reader's language ("Not met: Door to the
roof not locked"); what is stored stays as it was, and typed text is never translated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pilot_support import SIZE, settle
from rounds_support import INSPECTOR_A11, add_venue, china, inspect
from textual.widgets import DataTable, Static

from fieldapp.domain.checklist import Item
from fieldapp.domain.finding_text import is_generated, not_met, shown_description
from fieldapp.i18n import set_language, text_in
from fieldapp.reports.ledger import Labels
from fieldapp.services.demo import workspace as demo
from fieldapp.services.documents.notices import notice_for_venue
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Finding, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

ZH_NOT_MET = text_in("zh", "finding.not_met") or ""
EN_NOT_MET = text_in("en", "finding.not_met") or ""
TYPED = "安全出口被纸箱堵住"


# --- the one function ---------------------------------------------------------------------


def test_a_generated_description_reads_in_the_readers_language() -> None:
    zh, en = "灭火器配置数量达标", "Enough fire extinguishers"
    chinese = ZH_NOT_MET.format(text=zh)
    english = EN_NOT_MET.format(text=en)
    assert chinese != english
    for stored in (chinese, english):
        assert is_generated(stored, zh, en)
        assert shown_description(stored, zh, en, "en") == english
        assert shown_description(stored, zh, en, "zh") == chinese
    assert not_met(zh, en, "en") == english and not_met(zh, en, "zh") == chinese
    # An item with no English wording: English says its Chinese, and is recognised too.
    assert shown_description(chinese, zh, "", "en") == EN_NOT_MET.format(text=zh)
    assert shown_description(EN_NOT_MET.format(text=zh), zh, "", "zh") == chinese


@pytest.mark.parametrize(
    "typed",
    [
        TYPED,
        ZH_NOT_MET.format(text="灭火器配置数量达标") + "，过期 2 具",  # typed onto it
        ZH_NOT_MET.format(text="另一检查项"),  # another item's
        "",
    ],
)
def test_any_other_text_is_returned_as_typed(typed: str) -> None:
    assert (
        shown_description(typed, "灭火器配置数量达标", "Enough fire extinguishers", "en") == typed
    )


# --- the ledger ---------------------------------------------------------------------------


def _findings_sheet(path: Path, lang: str) -> list[dict[str, object]]:
    labels = Labels(lang)
    wanted = {labels(f"ledger.col.{k}") for k in ("finding_id", "item_code", "description")}
    book = openpyxl.load_workbook(path)
    try:
        for sheet in book.worksheets:
            header = [c.value for c in sheet[1]]
            if wanted <= set(header):
                return [
                    dict(zip(header, row, strict=False))
                    for row in sheet.iter_rows(min_row=2, values_only=True)
                ]
    finally:
        book.close()
    raise AssertionError("no findings sheet")


def _descriptions(path: Path, lang: str) -> dict[str, object]:
    labels = Labels(lang)
    code, description = labels("ledger.col.venue_code"), labels("ledger.col.description")
    return {str(row[code]): row[description] for row in _findings_sheet(path, lang)}


def test_the_english_ledger_says_a_chinese_generated_description_in_english(
    tree, tmp_path: Path
) -> None:
    set_language("zh")
    inspect(tree, add_venue("S-01", "small_shop", "A11"), china(2026, 6, 8, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    typed = inspect(tree, add_venue("S-02", "small_shop", "A11"), china(2026, 6, 8, 10, 30),
                    fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    Finding.update(description=TYPED).where(Finding.inspection == typed).execute()
    stored = {f.description for f in Finding.select()}
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 10)), lang="en")
    shown = _descriptions(out, "en")
    assert shown["S-01"] == EN_NOT_MET.format(text="Door to the roof not locked")
    assert shown["S-02"] == TYPED
    assert {f.description for f in Finding.select()} == stored  # nothing stored changed
    assert ZH_NOT_MET.format(text="通往屋顶的门未上锁") in stored


def test_the_chinese_ledger_says_an_english_generated_description_in_chinese(
    tree, tmp_path: Path
) -> None:
    set_language("en")  # an inspector recording in English
    inspect(tree, add_venue("S-01", "small_shop", "A11"), china(2026, 6, 8, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    set_language("zh")
    assert Finding.get().description == EN_NOT_MET.format(text="Door to the roof not locked")
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 10)), lang="zh")
    assert _descriptions(out, "zh")["S-01"] == ZH_NOT_MET.format(text="通往屋顶的门未上锁")


def test_the_rectification_notice_says_an_english_generated_description_in_chinese(
    tree,
) -> None:
    set_language("en")
    venue = add_venue("S-01", "small_shop", "A11")
    inspect(tree, venue, china(2026, 6, 8, 9, 30), fail=("SHP-03",), inspector=INSPECTOR_A11)
    notice = notice_for_venue("S-01")  # written in Chinese whatever the screen speaks
    assert [i.description for i in notice.items] == [ZH_NOT_MET.format(text="通往屋顶的门未上锁")]


# --- the screens --------------------------------------------------------------------------


def _failed_in(lang: str, venue: Venue, *, typed: str = "") -> tuple[str, str, Item]:
    """An inspection of `venue` recorded with the screen in `lang`, its first yes/no item
    that can fail failed and its description left as generated (or `typed`); every other
    item passed. Returns (inspection id, finding id, the failed item)."""
    set_language(lang)
    inspection_id = inspections.start_inspection(venue.id, presence="manual",
                                                 reason="placard_missing")  # fmt: skip
    view = inspections.load(inspection_id)
    failed = next(i for i in view.checklist.items if i.can_fail and i.answer == "yesno" and i.en)
    finding_id = ""
    for item in view.checklist.items:
        if item is failed:
            finding = inspections.record_answer(inspection_id, item, "fail")
            assert finding is not None
            finding_id = str(finding.id)
            if typed:
                inspections.save_finding(finding_id, severity="general", description=typed,
                                         deadline=finding.deadline, photos=[])  # fmt: skip
        elif item.answer in ("yesno", "photo"):
            inspections.record_answer(inspection_id, item, "pass")
        elif item.answer == "number":
            inspections.record_answer(inspection_id, item, "value", "4")
        elif item.answer == "choice":
            inspections.record_answer(inspection_id, item, "value", item.choices[0])
        elif item.answer == "date":
            inspections.record_answer(inspection_id, item, "value", "2026-01-05")
        else:
            inspections.record_answer(inspection_id, item, "value", "有")
    inspections.submit(inspection_id, "店主")
    return inspection_id, finding_id, failed


async def _review_detail(app: FieldApp, pilot, finding_id: str) -> str:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    await pilot.press("6")  # every active hazard
    await settle(app, pilot, rounds=2)
    table = screen.query_one("#review-table", PagedTable)
    table.move_cursor(row=table.get_row_index(finding_id))
    await settle(app, pilot, rounds=2)
    return str(screen.query_one("#detail-body", Static).render())


async def _record_item(app: FieldApp, pilot, inspection_id: str, code: str) -> str:  # type: ignore[no-untyped-def]
    app.push_screen(InspectionRecordScreen(inspection_id))
    await settle(app, pilot, rounds=3)
    screen = app.screen
    assert isinstance(screen, InspectionRecordScreen)
    table = screen.query_one("#record-items", DataTable)
    codes = [
        str(table.coordinate_to_cell_key((n, 0)).row_key.value) for n in range(table.row_count)
    ]
    table.move_cursor(row=codes.index(code))
    await settle(app, pilot)
    return str(screen.query_one("#record-item", Static).render())


def _flat(text: str) -> str:
    return "".join(text.split())  # wrapped lines run together


async def test_a_supervisor_reading_english_sees_a_chinese_generated_description_in_english(
    demo_home: Path,
) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, finding_id, item = _failed_in("zh", venue)
    stored = Finding.get_by_id(finding_id).description
    assert stored == ZH_NOT_MET.format(text=item.zh)
    typed_venue = Venue.get(Venue.code == "DM-0004")
    typed_inspection, typed_id, typed_item = _failed_in("zh", typed_venue, typed=TYPED)
    demo.act_as("supervisor")
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        detail = _flat(await _review_detail(app, pilot, finding_id))
        assert _flat(EN_NOT_MET.format(text=item.en)) in detail, detail
        assert item.zh not in detail
        table = app.screen.query_one("#review-table", PagedTable)
        table.move_cursor(row=table.get_row_index(typed_id))
        await settle(app, pilot, rounds=2)
        typed_detail = str(app.screen.query_one("#detail-body", Static).render())
        assert TYPED in _flat(typed_detail)
        record = _flat(await _record_item(app, pilot, inspection_id, item.code))
        assert _flat(EN_NOT_MET.format(text=item.en)) in record, record
        assert item.zh not in record
        await pilot.press("escape")
        await settle(app, pilot)
        typed_record = _flat(await _record_item(app, pilot, typed_inspection, typed_item.code))
        assert TYPED in typed_record
    assert Finding.get_by_id(finding_id).description == stored  # read, never rewritten


async def test_a_chinese_screen_shows_an_english_generated_description_in_chinese(
    demo_home: Path,
) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, finding_id, item = _failed_in("en", venue)
    assert Finding.get_by_id(finding_id).description == EN_NOT_MET.format(text=item.en)
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        detail = _flat(await _review_detail(app, pilot, finding_id))
        assert _flat(ZH_NOT_MET.format(text=item.zh)) in detail, detail
        record = _flat(await _record_item(app, pilot, inspection_id, item.code))
        assert _flat(ZH_NOT_MET.format(text=item.zh)) in record, record
