"""The app's ctrl keys act from every field a person types in, as from the rest of its
screen (`AppKeysInput`): ctrl+e (export) from the inspection's answer field and ctrl+k
(campaigns) from the export form's fields moved the cursor or deleted to the end instead
(Textual's Input binds both). Where the app's key would not act (in a dialog, which the
app's keys do not reach; on the welcome screen, where export is off), the field keeps its
own use of it: ctrl+e still moves to the end there."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspecting
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.note import NoteDialog
from fieldapp.tui.screens.campaigns import CampaignsScreen
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.screens.welcome import NotEnrolledScreen


async def test_ctrl_e_exports_from_the_inspections_answer_field(home: Path) -> None:
    async with inspecting("zh", (80, 24)) as (app, pilot, screen):
        field = screen.query_one("#answer-input", Input)
        field.focus()
        await settle(app, pilot)
        assert app.focused is field
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)


async def test_ctrl_k_opens_campaigns_from_the_export_forms_fields(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        field = screen.query_one("#export-path", Input)
        field.focus()
        await settle(app, pilot)
        field.cursor_position = 0
        before = field.value
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert isinstance(app.screen, CampaignsScreen)
        assert field.value == before  # not deleted to the end


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
