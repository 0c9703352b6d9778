"""The app's keys that go somewhere (F2 scan, the section keys) do nothing while a dialog
is open: F2 over the "放弃已填写的内容？" confirm of F5's deadline form opened the scan
dialog above it, from where a whole inspection could start over the half-filled form.
Quit, F1 and the language still act; the palette (itself a modal) runs on what is under it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.review import ReviewScreen


async def discard_confirm_over_extend(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """F5, the 未销号 queue, e (extend the deadline), a date refused by F10, Esc: the
    form asks before throwing the date away."""
    await at_home(app, pilot)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, ReviewScreen)
    await pilot.press("6")
    await settle(app, pilot, rounds=2)
    await pilot.press("e")
    await settle(app, pilot)
    await pilot.press(*"2020-01-01", "f10")
    await settle(app, pilot)
    await pilot.press("escape")
    await settle(app, pilot)
    assert isinstance(app.screen, ConfirmDialog)


@pytest.mark.parametrize("key", ["f2", "ctrl+s", "f6", "f11", "ctrl+g", "slash"])
async def test_section_keys_do_nothing_over_a_confirm(demo_supervisor: Path, key: str) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await discard_confirm_over_extend(app, pilot)
        stack = list(app.screen_stack)
        await pilot.press(key)
        await settle(app, pilot, rounds=2)
        assert app.screen_stack == stack, [type(s).__name__ for s in app.screen_stack]
        # Nor from the palette: the rule is the app's check, not the key's.
        assert app.check_action("scan", ()) is False
        assert app.check_action("switch_language", ()) is not False
        await pilot.press("n")  # back to the form, then out of it: F2 is the app's again
        await settle(app, pilot)
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.check_action("scan", ()) is True
        await pilot.press("f2")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ScanDialog"


async def test_no_app_key_closes_a_bulk_form_holding_a_note(demo_supervisor: Path) -> None:
    """F6, F5, the 未销号 queue, e, a note typed: the dashboard's and the review's keys were
    judged by the role alone, not by the rule above, and going to a place did not ask
    about a dialog holding typed text (only a section's). Neither closes it now; a way
    there asks 放弃已填写的内容？ first."""
    from textual.widgets import Input

    from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
    from fieldapp.tui.dialogs.discarding import DiscardQuestion
    from fieldapp.tui.screens.dashboard import DashboardScreen

    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        for key in ("f6", "f5", "6", "e", "tab"):
            await pilot.press(key)
            await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        await pilot.press(*"note3")
        stack = list(app.screen_stack)
        for action in ("dashboard", "review", "daily_report", "export"):
            assert app.check_action(action, ()) is False, action
        for key in ("f6", "f5", "f8", "ctrl+e"):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen_stack == stack, key
        app.go_to(DashboardScreen)  # however it is reached: asked first
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardQuestion)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#bulk-note", Input).value == "note3"
