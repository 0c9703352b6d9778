"""A text field keeps its own editing keys while it has focus: ctrl+k in the export form's
date field opened campaigns where a text field deletes to the end of the line, and ctrl+e
in the inspection's answer field exported where it moves to the end (Textual's Input binds
both). The app's keys of the same names act where no field has focus, and the keys the
footer and F1 offer (the screen's active bindings) still name them there; where the app's key would not act anyway (in a dialog, on the welcome
screen) the field edits as everywhere else. In a field, F1 lists the app's two keys as
acting when not in a text field, so the key learnt elsewhere is not a surprise there."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspecting
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.note import NoteDialog
from fieldapp.tui.screens.campaigns import CampaignsScreen
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.welcome import NotEnrolledScreen
from fieldapp.tui.widgets.keys_panel import KeysPanel


def ctrl_k(screen: ExportScreen) -> str:
    """What ctrl+k does here, as the footer and F1 are told."""
    return screen.active_bindings["ctrl+k"].binding.action


async def test_ctrl_k_in_the_export_date_field_deletes_to_the_end(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        assert ctrl_k(screen) == "campaigns"  # offered: no field has focus
        field = screen.query_one("#export-from", Input)
        field.focus()
        await settle(app, pilot)
        first_day = field.value  # this month's first day, 2026-12-01
        field.cursor_position = 5
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert app.screen is screen and field.value == first_day[:5]  # "2026-": the rest gone
        assert ctrl_k(screen) == "delete_right_all"  # the field's, while it has focus
        # F1 says so: the app's ctrl+k and ctrl+e act when not in a text field.
        await pilot.press("f1")
        await settle(app, pilot)
        rows = screen.query_one(KeysPanel).rows()
        assert ("^k", "专项行动（光标不在输入框时）") in rows
        assert ("^e", "导出台账（光标不在输入框时）") in rows
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.keys_shown() and app.screen is screen
        screen.query_one("#export-format").focus()  # out of the field, ctrl+k is the app's
        await settle(app, pilot)
        assert ctrl_k(screen) == "campaigns"
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        await pilot.press("y")  # the date was edited: leaving asks first (放弃已填写的内容？)
        await settle(app, pilot)
        assert isinstance(app.screen, CampaignsScreen)


async def test_ctrl_e_in_the_find_venue_query_moves_to_the_end(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "slash", FindVenueScreen)
        query = screen.query_one("#query", Input)
        assert app.focused is query
        await pilot.press(*"DM", "home", "ctrl+e")
        await settle(app, pilot)
        assert app.screen is screen and query.cursor_position == 2
        await pilot.press("down")  # to the results: ctrl+e is the app's there
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)


async def test_ctrl_e_in_the_inspections_answer_field_moves_to_the_end(home: Path) -> None:
    async with inspecting("zh", (80, 24)) as (app, pilot, screen):
        field = screen.query_one("#answer-input", Input)
        field.focus()
        await settle(app, pilot)
        await pilot.press(*"12", "home", "ctrl+e")
        await settle(app, pilot)
        assert app.screen is screen and field.cursor_position == len(field.value) > 0


async def test_in_a_dialog_ctrl_e_still_moves_to_the_end(home: Path) -> None:
    async with inspecting("zh", (80, 24)) as (app, pilot, _screen):
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteDialog)
        field = app.screen.query_one("#note-text", Input)
        assert app.focused is field
        await pilot.press(*"ab", "home", "ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteDialog) and field.cursor_position == 2


async def test_on_the_welcome_screen_ctrl_e_moves_to_the_end(home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, NotEnrolledScreen)
        field = app.screen.query_one("#enroll-code", Input)
        field.focus()
        await pilot.press(*"ab", "home", "ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, NotEnrolledScreen) and field.cursor_position == 2
