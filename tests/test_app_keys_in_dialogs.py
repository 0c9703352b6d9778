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
