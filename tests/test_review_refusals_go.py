"""A refusal in the review screen's action dialog and in the no-scan dialog goes once the
field it names is changed, as in the other forms: a rejection's missing note once a note is
typed, a hand-over's missing unit once one is picked (its missing 文号 a line of its own,
gone once one is typed), 其他原因's missing note once typed; a general hazard's extension
note, which may be left empty, refused typed as "😀" and its line gone once emptied."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import presence_asked_by_hand, settle
from review_screen_support import move_to, open_review, table_keys
from test_review_dialog_refusals import SIZE, error, open_dialog
from textual.widgets import Input, OptionList, RadioSet, Static

from fieldapp.i18n import t
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog

pytestmark = pytest.mark.usefixtures("chinese")


async def test_a_rejections_refusal_goes_once_a_note_is_typed(demo_supervisor: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "1", "r")
        await pilot.press("f10")
        await pilot.pause()
        assert error(dialog).startswith("复查不通过须在备注中写明")
        await pilot.press(*"灭火器")
        await pilot.pause()
        assert error(dialog) == ""


async def test_a_hand_overs_unit_refusal_goes_once_a_unit_is_picked(
    demo_supervisor: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "2", "h")
        await pilot.press("f10")
        await pilot.pause()
        assert error(dialog) == "请选择接收单位：派出所、消防大队或执法检查股。\n请填写移交文号。"
        assert app.focused is dialog.query_one("#bulk-unit", RadioSet)
        await pilot.press("space")  # 派出所, under the cursor
        await pilot.pause()
        assert error(dialog) == "请填写移交文号。"  # the unit's line goes, the 文号's stays
        dialog.query_one("#bulk-reference", Input).focus()
        await pilot.press(*"消移2026")
        await pilot.pause()
        assert dialog.query_one("#bulk-reference", Input).value == "消移2026"
        assert error(dialog) == ""


async def test_an_extensions_note_typed_says_something(demo_supervisor: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue
        await settle(app, pilot, rounds=2)
        general = next(
            key for key in table_keys(screen, "#review-table")
            if Finding.get_by_id(key).severity == "general"
        )  # fmt: skip
        await move_to(screen, general, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        assert dialog.note_needed is None  # a general hazard's: the note may be left empty
        note = dialog.query_one("#bulk-note", Input)
        note.value = "😀"
        await pilot.press("f10")
        await pilot.pause()
        assert dialog.is_current and app.focused is note
        assert error(dialog) == t("free_text.note")
        note.value = ""
        await pilot.pause()
        assert error(dialog) == ""
        await pilot.press("f10")  # empty, it is taken
        await pilot.pause()
        assert not dialog.is_current


async def test_the_no_scan_note_refusal_goes_once_a_note_is_typed(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await presence_asked_by_hand(app, pilot)
        reasons = dialog.query_one("#presence-reasons", OptionList)
        await pilot.press(*["down"] * (reasons.option_count - 1))  # 其他原因
        await pilot.press("f10")
        await pilot.pause()
        said = dialog.query_one("#presence-error", Static)
        assert str(said.render()) == t("presence.note_needed")
        await pilot.press(*"标牌")
        await pilot.pause()
        assert str(said.render()) == ""
