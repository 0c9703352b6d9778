"""The export form (ctrl+e): a path typed in 保存到, then F7 (in the footer): Rounds took
the export's place and the path was gone without a word, while going elsewhere from the
daily report's remarks asks 放弃已填写的内容？ first. The export form asks the same way once
a field differs from what it was filled with, on F7 and on Esc (its Back key); as filled,
either goes at once."""

from __future__ import annotations

from pathlib import Path

from pilot_support import SIZE, open_screen, screen_text, settle
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.discarding import DiscardQuestion
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.rounds import RoundsScreen


async def test_f7_on_a_path_typed_asks_first(demo_supervisor: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "ctrl+e", ExportScreen)
        await pilot.press("f7")  # as filled: goes at once
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, RoundsScreen)
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        field = screen.query_one("#export-path", Input)
        field.focus()
        await pilot.press("ctrl+u", *"/tmp/季度台账")
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardQuestion)
        assert "放弃已填写的内容？" in screen_text(app)
        await pilot.press("escape")  # kept: the path as typed
        await settle(app, pilot)
        assert app.screen is screen and field.value == "/tmp/季度台账"
        await pilot.press("f7")
        await settle(app, pilot)
        await pilot.press("y")  # discarded: on to Rounds
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, RoundsScreen)


async def test_esc_on_a_path_typed_asks_first(demo_supervisor: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        field = screen.query_one("#export-path", Input)
        field.focus()
        await pilot.press("ctrl+u", *"/tmp/quarter")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardQuestion)
        await pilot.press("escape")  # kept: the path as typed
        await settle(app, pilot)
        assert app.screen is screen and field.value == "/tmp/quarter"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("y")  # discarded: back home
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        await open_screen(app, pilot, "ctrl+e", ExportScreen)
        await pilot.press("escape")  # as filled: back at once
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
