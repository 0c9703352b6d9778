"""The daily report's remarks (F8, Tab): Esc with remarks typed asks 放弃已填写的内容？ as
every form does (they were thrown away unasked); Enter on a grid whose zero report is
filed calls it 零报告, not 日报; the hint names z only where z acts (in the field z types);
and the app's keys the field does not edit with act from it (ctrl+y), while its own stay
its own (ctrl+e moves to the end, as in every text field)."""

from __future__ import annotations

from pathlib import Path

from pilot_support import open_screen, screen_text, settle
from textual.widgets import Input, OptionList, Static

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.home import HomeScreen


def remarks(screen: DailyReportScreen) -> Input:
    return screen.query_one("#report-remarks", Input)


def hint(screen: DailyReportScreen) -> str:
    return str(screen.query_one("#report-hint", Static).render())


async def test_esc_asks_before_throwing_typed_remarks_away(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("tab", *"无情况z")
        assert remarks(screen).value == "无情况z"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert t("form.discard.title") in screen_text(app)
        await pilot.press("n")  # keep them
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).value == "无情况z"
        await pilot.press("escape", "y")  # throw them away
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_hint_names_z_only_where_z_files_a_zero_report(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        assert hint(screen) == t("report.hint")  # on the grid list: z acts
        await pilot.press("tab")
        await settle(app, pilot)
        assert app.focused is remarks(screen)
        assert hint(screen) == t("report.hint.typing") and "z" not in hint(screen)
        await pilot.press("shift+tab")
        await settle(app, pilot)
        assert hint(screen) == t("report.hint")


async def test_enter_after_a_zero_report_calls_it_one(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("z")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        await pilot.press("tab", "enter")  # in the remarks: Enter files too
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert "零报告已于" in text and "日报已于" not in text, text


async def test_ctrl_e_in_the_remarks_moves_to_the_end(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("tab")
        await settle(app, pilot)
        assert app.focused is remarks(screen)
        await pilot.press(*"无情况", "home", "ctrl+e")
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).cursor_position == 3


async def test_another_section_asks_before_throwing_typed_remarks_away(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("tab", *"无情况")
        await pilot.press("ctrl+y")  # activities, from the field: asked first
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).value == "无情况"
        await pilot.press("f7")  # rounds: asked too; y leaves
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "RoundsScreen"
        assert screen not in app.screen_stack


async def test_another_grid_asks_before_throwing_typed_remarks_away(demo_supervisor: Path) -> None:
    """Remarks are the grid's: moving to another grid cleared them unasked."""
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        grids = screen.query_one("#report-grids", OptionList)
        assert grids.option_count > 1 and grids.highlighted == 0
        first = screen.grid
        await pilot.press("tab", *"无情况")
        await pilot.resize_terminal(100, 30)  # the list filled again: no grid chosen
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).value == "无情况"
        await pilot.press("shift+tab", "down")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert t("form.discard.title") in screen_text(app)
        await pilot.press("n")  # keep them: back on the grid they were typed for
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).value == "无情况"
        assert grids.highlighted == 0 and screen.grid == first
        await pilot.press("down", "y")  # throw them away
        await settle(app, pilot)
        assert app.screen is screen and remarks(screen).value == ""
        assert grids.highlighted == 1 and screen.grid != first
