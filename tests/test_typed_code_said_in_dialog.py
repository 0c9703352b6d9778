"""A venue code typed in the scan dialog (F2) opens the dialog asking why the venue was
chosen by hand, and says there, not in a toast over its 开始检查/取消 buttons, that the
code found the venue but proves no presence. Esc in that dialog asks before it throws a
typed note away, as the other forms do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_support import screen_lines, settle
from test_app_home import venue_in_my_grids
from textual.widgets import Input, Static

from fieldapp.store.models import Inspection
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def code_typed(app: FieldApp, pilot: Any, code: str) -> PresenceDialog:
    """F2, the venue's code typed and Enter: the dialog asking why it was chosen by hand."""
    await pilot.press("f2")
    await settle(app, pilot)
    await pilot.press(*code, "enter")
    await settle(app, pilot, rounds=2)
    dialog = app.screen
    assert isinstance(dialog, PresenceDialog)
    return dialog


async def test_a_typed_code_is_said_in_the_dialog_not_over_its_buttons(demo_home: Path) -> None:
    code = venue_in_my_grids().code
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = await code_typed(app, pilot, code)
        said = f"手动输入的场所编号 {code}：已找到场所，但未扫描标牌，不能证明到场。"
        assert str(dialog.query_one("#presence-error", Static).render()) == said
        # The venue named as Enter on a row of the venue list names it: 名称（编号）.
        venue = venue_in_my_grids()
        assert dialog.venue_label == f"{venue.name}（{code}）"
        assert f"{venue.name}（{code}）" in "".join(screen_lines(app))
        assert not [n.message for n in app._notifications]
        lines = screen_lines(app)
        assert any("开始检查" in line and "取消" in line for line in lines), lines
        assert "不能证明到场" in "".join(lines)
        # A refusal takes its place until mended, then it is said again.
        await pilot.press("end", "enter")  # 其他 without a note
        await settle(app, pilot)
        assert "不能证明到场" not in str(dialog.query_one("#presence-error", Static).render())
        await pilot.press(*"门牌被遮挡")
        await settle(app, pilot)
        assert str(dialog.query_one("#presence-error", Static).render()) == said


async def test_esc_asks_before_throwing_a_typed_note_away(demo_home: Path) -> None:
    code = venue_in_my_grids().code
    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = await code_typed(app, pilot, code)
        await pilot.press("enter")  # the first reason; on to the note
        await pilot.press(*"标牌被雨淋湿")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)  # 放弃已填写的内容？
        await pilot.press("escape")  # keeps the form and the note
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#presence-note", Input).value == "标牌被雨淋湿"
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        # Nothing typed: Esc closes at once.
        await code_typed(app, pilot, code)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert Inspection.select().count() == before
