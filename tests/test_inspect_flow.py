"""Functional: a whole inspection of a small restaurant by keyboard, against the real app
on a temporary FIELDAPP_HOME; read-only afterwards; submit refused; a bad number; and a
re-inspection of an open finding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inspect_support import (
    VENUE_ID,
    inspect_screen,
    inspecting,
    make_png,
    open_inspection,
    seed_store,
    settle,
    submitted_with_one_finding,
    switch_on_campaign,
)
from textual.widgets import Input, Static

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common.photos import blob_path
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.photo import PhotoDialog
from fieldapp.tui.dialogs.reinspect import ReinspectDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.summary import SummaryScreen

SIZE = (120, 36)
YES_ITEMS = 12  # COM-03 … COM-12 and CAT-01 … CAT-03, all yes/no
HOOD_CLEANED = (today() - dt.timedelta(days=10)).isoformat()  # CAT-05 fails after 90 days


def card_text(screen: InspectScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def test_whole_inspection_by_keyboard(home: Path, tmp_path: Path) -> None:
    seed_store()
    switch_on_campaign("epidemic", "有病例")  # CAT-07 (no group dine-in) is asked
    photo = make_png(tmp_path / "exit_blocked.png")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await inspect_screen(app, pilot)
        inspection_id = screen.inspection_id
        assert screen.item.code == "COM-01"
        assert "老王面馆" in card_text(screen, "inspect-venue")
        assert card_text(screen, "inspect-progress") == "第1节 · 1/19 · 已答 0"

        await pilot.press("3", "enter")  # COM-01: a number within its limits
        assert screen.item.code == "COM-02"

        await pilot.press("n")  # COM-02 fails: the finding form, prefilled
        assert isinstance(app.screen, FindingDialog)
        assert app.screen.query_one("#finding-description", Input).placeholder.startswith(
            "留空则记为：未达标：灭火器压力"
        )
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PhotoDialog)
        await pilot.press(*str(photo), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FindingDialog)
        assert len(app.screen.photos) == 1
        await pilot.press("f10")  # save the finding
        assert app.screen is screen
        assert screen.item.code == "COM-03"

        for _ in range(YES_ITEMS):
            await pilot.press("y")
        assert screen.item.code == "CAT-04"
        await pilot.press("2", "enter")
        assert screen.item.code == "CAT-08"  # asked because there are cylinders
        await pilot.press("y")
        assert screen.item.code == "CAT-05"
        await pilot.press(*HOOD_CLEANED, "enter")  # within the office's 90 days
        assert screen.item.code == "CAT-06"
        await pilot.press("n")
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("escape")  # cancel undoes the fail: the item is unanswered again
        assert screen.item.code == "CAT-06"
        assert "CAT-06" not in inspections.load(inspection_id).answers
        assert Finding.select().where(Finding.item_code == "CAT-06").count() == 0
        await pilot.press("n", "f10")  # failed again, the prefilled finding saved
        assert screen.item.code == "CAT-07"
        await pilot.press("y")
        assert card_text(screen, "inspect-progress").endswith("已答 19")

        await pilot.press("s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.answered == 19
        assert summary.summary.failures == {"general": 2, "major": 0}
        await pilot.press(*"王老板", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    inspection = Inspection.get_by_id(inspection_id)
    assert inspection.status == "submitted"
    assert inspection.representative == "王老板"
    answers = {a.item_code: a for a in Answer.select().where(Answer.inspection == inspection_id)}
    assert len(answers) == 19
    assert (answers["COM-01"].outcome, answers["COM-01"].value) == ("value", "3")
    assert (answers["CAT-04"].outcome, answers["CAT-04"].value) == ("value", "2")
    assert (answers["CAT-05"].outcome, answers["CAT-05"].value) == ("value", HOOD_CLEANED)
    findings = {f.item_code: f for f in Finding.select().where(Finding.inspection == inspection_id)}
    assert sorted(findings) == ["CAT-06", "COM-02"]
    assert len(findings["COM-02"].photos) == 1
    assert blob_path(findings["COM-02"].photos[0]).exists()
    cat06 = inspections.load(inspection_id).checklist.item("CAT-06")
    assert findings["CAT-06"].description == f"未达标：{cat06.zh}"  # the prefilled text was kept
    for finding in findings.values():
        assert finding.state == "open"
        events = list(FindingEvent.select().where(FindingEvent.finding == finding.id))
        assert [e.type for e in events] == ["opened"]
    assert Outbox.select().where(Outbox.type == "inspection.submit").count() == 1

    # Reopened, it is read-only: visible answers, answer keys do nothing.
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.show_inspection(inspection_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        assert screen.view.read_only
        assert card_text(screen, "inspect-notice") == t("inspect.read_only")
        screen.go_to("COM-03")
        await pilot.pause()
        assert "合格" in card_text(screen, "item-answer")
        await pilot.press("n", "x", "m")
        assert app.screen is screen
    after = {a.item_code: a for a in Answer.select().where(Answer.inspection == inspection_id)}
    assert {c: (a.outcome, a.value, a.note) for c, a in after.items()} == {
        c: (a.outcome, a.value, a.note) for c, a in answers.items()
    }
    assert Finding.select().where(Finding.inspection == inspection_id).count() == 2


async def test_submit_refused_while_required_unanswered(home: Path) -> None:
    seed_store()
    switch_on_campaign("epidemic", "有病例")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        inspection_id = await open_inspection(app, pilot)
        await pilot.press("3", "enter", "y")
        await pilot.press("s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press(*"王老板", "enter")
        message = str(summary.query_one("#summary-message", Static).render())
        assert message.startswith("不能提交")
        assert "COM-03" in message and "CAT-07" in message
        assert app.screen is summary
        await pilot.press("escape")
        assert isinstance(app.screen, InspectScreen)
    assert Inspection.get_by_id(inspection_id).status == "draft"
    assert Outbox.select().count() == 0


async def test_a_folder_given_for_a_photo_is_said_to_be_a_folder(
    home: Path, tmp_path: Path
) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, _):
        await pilot.press("0", "enter", "ctrl+o")  # COM-01 fails: the finding form, a photo
        dialog = app.screen
        assert isinstance(dialog, PhotoDialog)
        await pilot.press(*str(tmp_path), "enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert str(dialog.query_one("#photo-message", Static).render()) == (
            f"照片未附加：{tmp_path} 是文件夹，不是照片文件，请填写照片文件的路径。"
        )
        assert dialog.query_one("#photo-path", Input).value == str(tmp_path)


async def test_bad_number_shows_message_and_keeps_focus(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        await pilot.press(*"2.2.3", "enter")
        assert screen.item.code == "COM-01"
        assert card_text(screen, "item-message") == t("answer.expected_whole_number")  # a count
        assert app.focused is screen.card.answer_input
        assert screen.card.answer_input.selected_text == "2.2.3"  # the next key replaces it
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace", "enter")
        assert screen.item.code == "COM-02"  # 2 extinguishers: enough (GB 50140 §6.1.1)
    assert Answer.get(inspection=inspection_id, item_code="COM-01").value == "2"


async def test_a_last_cleaning_date_after_today_is_refused_and_nothing_saved(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        screen.go_to("CAT-05")  # 烟罩、烟道最近清洗日期: when it was last done
        await pilot.pause()
        # Written as a date, but no such month or day: said as every other form says it.
        await pilot.press(*"2026-13-40", "enter")
        assert card_text(screen, "item-message") == "没有 13 月：月份是 1 到 12，请检查日期。"
        await pilot.press(*"2026-02-30", "enter")  # selected: typing replaces it
        assert card_text(screen, "item-message") == "2026 年 2 月没有 30 日，请检查日期。"
        await pilot.press(*"2026-2", "enter")
        assert card_text(screen, "item-message").startswith("请输入日期，按 年-月-日 填写")
        await pilot.press(*["backspace"] * 6)
        tomorrow = today() + dt.timedelta(days=1)
        await pilot.press(*tomorrow.strftime("%Y/%m/%d"), "enter")
        assert screen.item.code == "CAT-05"
        assert card_text(screen, "item-message") == (
            f"日期 {tomorrow.isoformat()} 还没到；请填写已经做过的日期（今天或更早）"
        )
        assert app.focused is screen.card.answer_input
        assert not Answer.select().where(Answer.item_code == "CAT-05").exists()

        await pilot.press(*["backspace"] * 10, *today().isoformat(), "enter")
        assert screen.item.code == "CAT-06" and isinstance(app.screen, InspectScreen)
    answer = Answer.get(inspection=inspection_id, item_code="CAT-05")
    assert (answer.outcome, answer.value) == ("value", today().isoformat())


async def test_number_below_minimum_opens_the_finding_form(home: Path) -> None:
    seed_store()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        inspection_id = await open_inspection(app, pilot)
        await pilot.press("0", "enter")  # COM-01 asks for at least 1
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("f10")
        assert isinstance(app.screen, InspectScreen)
    answer = Answer.get(inspection=inspection_id, item_code="COM-01")
    assert (answer.outcome, answer.value) == ("fail", "0")
    assert Finding.get(inspection=inspection_id, item_code="COM-01").description


async def test_reinspection_appends_rectification_reported(home: Path, tmp_path: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    photo = make_png(tmp_path / "fixed.png")
    results: list[bool | None] = []
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stale = ReinspectDialog(finding_id)  # opened before the report below, shown after
        app.push_screen(ReinspectDialog(finding_id), results.append)
        await pilot.pause()
        assert isinstance(app.screen, ReinspectDialog)
        await pilot.press("enter")  # RadioSet: choose the first, 已整改
        await pilot.press("tab", *"已清理", "tab", *str(photo))
        await pilot.press("f10")
        await settle(app, pilot)
        assert results == [True]
        assert not isinstance(app.screen, ReinspectDialog)

        # Reported meanwhile (a dialog opened before the report still offers 已整改): a
        # second report is refused with the reason, nothing recorded.
        app.push_screen(stale, results.append)
        await pilot.pause()
        dialog = app.screen
        await pilot.press("enter", "f10")
        await settle(app, pilot)
        assert app.screen is dialog
        message = str(dialog.query_one("#reinspect-message", Static).render())
        assert message.startswith("不能记录")
    events = list(FindingEvent.select().where(FindingEvent.finding == finding_id))
    assert [e.type for e in events] == ["opened", "rectification_reported"]
    assert events[1].note == "已清理" and len(events[1].photos) == 1
    assert Finding.get_by_id(finding_id).state == "rectification_reported"
    assert Outbox.select().where(Outbox.type == "finding.event").count() == 1


async def test_the_all_answered_toast_goes_when_the_inspection_is_left(home: Path) -> None:
    """u with every item answered says so on the inspect screen; once the inspection is
    submitted and Home is back, the toast is not left standing over Home."""
    seed_store()
    inspection_id = inspections.start_inspection(VENUE_ID)
    view = inspections.load(inspection_id)
    while (code := view.first_unanswered()) is not None:
        item = view.checklist.item(code)
        if item.answer == "yesno":
            inspections.record_answer(inspection_id, item, "pass")
        else:
            value = {"number": "2", "date": HOOD_CLEANED}.get(item.answer, "ok")
            inspections.record_answer(inspection_id, item, "value", value)
        view = inspections.load(inspection_id)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        app.show_inspection(inspection_id)
        await settle(app, pilot)
        assert isinstance(app.screen, InspectScreen)
        await pilot.press("u")
        await settle(app, pilot)
        assert t("inspect.all_answered") in [n.message for n in app._notifications]
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press(*"王老板", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert t("inspect.all_answered") not in said, said
