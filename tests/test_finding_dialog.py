"""Functional: the finding (隐患) form's deadline and description, in the real app — a
deadline more than a year ahead is refused in the words of an extension's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from inspect_support import inspecting
from rich.cells import cell_len
from textual.widgets import DataTable, Input, Static

from fieldapp.domain.clock import today
from fieldapp.domain.finding_dates import latest_deadline
from fieldapp.i18n import t
from fieldapp.store.models import Finding
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.inspect import InspectScreen

SIZE = (80, 24)
pytestmark = pytest.mark.usefixtures("chinese")


def message_of(dialog: FindingDialog) -> str:
    return str(dialog.query_one("#finding-message", Static).render())


async def open_finding_form(app, pilot) -> FindingDialog:  # type: ignore[no-untyped-def]
    await pilot.press("0", "enter")  # COM-01: no extinguisher, the finding form
    dialog = app.screen
    assert isinstance(dialog, FindingDialog)
    return dialog


async def type_deadline(pilot, dialog: FindingDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    field = dialog.query_one("#finding-deadline", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text, "f10")


async def test_a_deadline_more_than_a_year_ahead_is_refused(home: Path) -> None:
    latest = latest_deadline(today())
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        dialog = await open_finding_form(app, pilot)
        await type_deadline(pilot, dialog, "2099-12-31")
        assert app.screen is dialog
        assert message_of(dialog) == t("review.refused.deadline_far", latest=latest.isoformat())
        assert "2099" not in message_of(dialog) and latest.isoformat() in message_of(dialog)
        assert app.focused is dialog.query_one("#finding-deadline", Input)

        await type_deadline(pilot, dialog, (today() - dt.timedelta(days=1)).isoformat())
        assert app.screen is dialog  # the past is refused too
        assert message_of(dialog) == t("finding.past_deadline")

        await type_deadline(pilot, dialog, latest.isoformat())  # a year ahead: accepted
        assert app.screen is screen and isinstance(screen, InspectScreen)
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
    assert finding.deadline == latest


async def test_the_requirement_not_met_is_a_placeholder_not_a_start(home: Path) -> None:
    """The form opens with the description empty, the requirement not met its placeholder:
    typed text is the description (not "未达标：…(count)仅1具"); the summary ends a long one
    with "…"; the form opened again shows what was stored."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        dialog = await open_finding_form(app, pilot)
        field = dialog.query_one("#finding-description", Input)
        assert field.value == "" and app.focused is field
        assert field.placeholder == t("finding.left_empty", text=dialog.prefill)
        assert field.placeholder.startswith("留空则记为：未达标：")
        typed = "仅1具灭火器且压力表指针在红区 需要更换并补充到两具以上 贴好检查标签"
        await pilot.press(*typed, "f10")
        assert app.screen is screen
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
        assert finding.description == typed
        await pilot.press("s")  # the summary: the long description is cut with "…"
        await pilot.pause()
        table = app.screen.query_one("#summary-findings", DataTable)
        row = "".join(segment.text for segment in table.render_line(1)).strip()
        assert row.startswith("COM-01") and row.endswith("…"), row
        assert typed[:4] in row
        await pilot.press("escape", "left", "0", "enter")  # failed again: the form as stored
        dialog = app.screen
        assert isinstance(dialog, FindingDialog) and dialog.item.code == "COM-01"
        assert dialog.query_one("#finding-description", Input).value == typed


async def test_a_description_left_empty_is_the_requirement_not_met(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        dialog = await open_finding_form(app, pilot)
        prefill = dialog.prefill
        await pilot.press("f10")
        assert app.screen is screen
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
    assert finding.description == prefill == t("finding.not_met", text="灭火器配置数量达标")


async def test_a_month_that_does_not_exist_is_said_as_such(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, _):
        dialog = await open_finding_form(app, pilot)
        prefilled = dialog.query_one("#finding-deadline", Input).value
        await type_deadline(pilot, dialog, "2026-13-45")
        assert app.screen is dialog
        assert message_of(dialog) == "没有 13 月：月份是 1 到 12，请检查日期。"
        await type_deadline(pilot, dialog, "2026-1301")  # not in the form: how to write one
        assert message_of(dialog) == (
            f"“2026-1301”不是日期，请按 年-月-日 填写，例如 {prefilled}。"
        )
        await type_deadline(pilot, dialog, "")
        assert message_of(dialog) == t("finding.bad_deadline")


async def test_n_on_a_yes_no_item_opens_the_form_typing_in_its_description(home: Path) -> None:
    """`n` on a yes/no item: what is typed goes into the description at once (the
    deadline is one Tab away)."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        await pilot.press("2", "enter")  # COM-01 passes; COM-02 is a yes/no item
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, FindingDialog) and dialog.item.code == "COM-02"
        field = dialog.query_one("#finding-description", Input)
        assert app.focused is field
        await pilot.press("tab")
        assert app.focused is dialog.query_one("#finding-deadline", Input)
        await pilot.press("shift+tab")
        await pilot.press(*"压力表指针在红区", "f10")
        assert app.screen is screen
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-02")
    assert finding.description == "压力表指针在红区"


async def test_a_long_requirement_placeholder_is_cut_with_an_ellipsis(home: Path) -> None:
    """At 80 columns the English placeholder read "Left empty: Not met: Extinguisher gauge
    in the green zone, seal", cut bare at the field's edge: it ends with "…" within it."""
    async with inspecting("en", SIZE) as (app, pilot, _screen):
        await pilot.press("3", "enter", "n")  # COM-01 met; COM-02 (the gauge) fails
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        field = dialog.query_one("#finding-description", Input)
        whole = t("finding.left_empty", text=dialog.prefill)
        assert cell_len(whole) > field.content_size.width  # too long for the field
        assert field.placeholder.endswith("…")
        assert cell_len(field.placeholder) == field.content_size.width
        assert whole.startswith(field.placeholder[:-1])
        shown = "".join(segment.text for segment in field.render_line(0))
        assert shown.rstrip().endswith("…")
