"""A refusal in the review screen's action dialog and in the no-scan dialog goes once the
field it names is changed, as in the other forms: a rejection's missing note once a note is
typed, a hand-over's missing unit once one is picked, 其他原因's missing note once typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import presence_asked_by_hand
from test_review_dialog_refusals import SIZE, error, open_dialog
from textual.widgets import Input, OptionList, RadioSet, Static

from fieldapp.i18n import t
from fieldapp.tui.app import make_app

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
        assert "接收单位" in error(dialog)
        assert app.focused is dialog.query_one("#bulk-unit", RadioSet)
        await pilot.press("space")  # 派出所, under the cursor
        await pilot.pause()
        assert error(dialog) == ""
        await pilot.press("f10")  # no reference yet: said, and gone once one is typed
        await pilot.pause()
        assert "文号" in error(dialog)
        await pilot.press(*"消移2026")
        await pilot.pause()
        assert dialog.query_one("#bulk-reference", Input).value == "消移2026"
        assert error(dialog) == ""


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
