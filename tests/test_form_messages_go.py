"""A form's refusal goes once the field it is about is changed, in the real app at 80×24:
the incident form's missing category, the finding form's deadline that is not a date,
the summary's missing representative's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from pilot_support import open_screen, screen_lines, settle
from textual.widgets import Input, Select, Static

from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.summary import SummaryScreen

SMALL = (80, 24)
pytestmark = pytest.mark.usefixtures("chinese")


def said(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector, Static).render())


async def test_the_missing_category_goes_once_one_is_chosen(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        await pilot.press("f10")
        await settle(app, pilot)
        first = said(dialog, "#incident-error").splitlines()[0]  # every problem, in order
        assert first == t("incident.refused.category_missing")
        dialog.query_one("#incident-description", Input).value = "路口摆摊"
        await pilot.pause()
        assert said(dialog, "#incident-error") != ""  # another field: still said
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        await pilot.pause()
        assert said(dialog, "#incident-error") == ""


async def test_a_deadline_that_is_not_a_date_is_unsaid_once_it_is_mended(home: Path) -> None:
    async with inspecting("zh", SMALL) as (app, pilot, _):
        await pilot.press("0", "enter")  # COM-01 failed: the finding form
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        field = dialog.query_one("#finding-deadline", Input)
        good = field.value
        field.focus()
        field.value = "2026-13-45"
        await pilot.press("f10")
        assert said(dialog, "#finding-message").startswith("没有 13 月：月份是 1 到 12")
        await pilot.press("backspace")
        assert said(dialog, "#finding-message") == ""
        field.value = good
        await pilot.pause()
        assert said(dialog, "#finding-message") == ""


async def test_the_missing_name_is_unsaid_once_a_name_is_typed(home: Path) -> None:
    async with inspecting("zh", SMALL) as (app, pilot, screen):
        view = inspections.load(screen.inspection_id)
        for item in view.checklist.items:
            if item.answer == "yesno":
                inspections.record_answer(screen.inspection_id, item, "pass")
            else:
                value = {"number": "2", "date": "2026-01-01"}.get(item.answer, "ok")
                inspections.record_answer(screen.inspection_id, item, "value", value)
        screen.action_finish()  # as F10 on the last item
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press("f10")
        assert said(summary, "#summary-message") == t("summary.representative_required")
        await pilot.press(*"王")
        assert said(summary, "#summary-message") == ""
        assert not summary.query_one("#summary-message", Static).display


async def test_with_items_unanswered_typing_a_name_leaves_only_them(home: Path) -> None:
    async with inspecting("zh", SMALL) as (app, pilot, _):
        await pilot.press("3", "enter", "y")  # COM-03 … still unanswered
        await pilot.press("s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press("f10")
        assert "场所负责人姓名" in said(summary, "#summary-message")
        await pilot.pause()
        shown = screen_lines(app)  # broken where a phrase ends, not "…填写场" / "所负责人…"
        assert [line for line in shown if "答完后还要填写场所负责人姓名。" in line], shown
        await pilot.press(*"王")
        message = said(summary, "#summary-message")
        assert message.startswith("不能提交：还有必答项未答：COM-03") and "负责人" not in message
