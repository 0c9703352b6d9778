"""Keep editing (继续填写) on 放弃已填写的内容？ put the focus in the form's
first field (the hazard form's description), so the next keys went there, or replaced
it; the form is now back with the focus in the field the person was typing in, its text
and cursor as they were (the question is asked in one place for every form)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle
from pilot_support import open_screen, press_as_terminal
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.review import ReviewScreen


async def kept(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Esc on the form, then n on the question."""
    await pilot.press("escape")
    await settle(app, pilot)
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")
    await settle(app, pilot)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_the_hazard_form_is_back_in_the_deadline(home: Path, lang: str) -> None:
    async with inspecting(lang, (80, 24)) as (app, pilot, screen):
        screen.go_to("COM-03")
        await settle(app, pilot)
        await pilot.press("n")  # a failure: the hazard form
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FindingDialog)
        await pilot.press(*"abc", "tab", *"2026-12-20")
        await kept(app, pilot)
        assert app.screen is form
        await pilot.press("backspace", "1")
        deadline = form.query_one("#finding-deadline", Input)
        assert app.focused is deadline
        assert deadline.value == "2026-12-21"
        assert form.query_one("#finding-description", Input).value == "abc"


async def test_the_extension_is_back_in_the_note(demo_supervisor: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6", "ctrl+a", "e")  # extend the deadline of the active ones
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, BulkActionDialog)
        await pilot.press(*"2026-12-10", "tab")
        await press_as_terminal(app, pilot, "😀")
        await kept(app, pilot)
        await pilot.press("Q")
        assert form.query_one("#bulk-deadline", Input).value == "2026-12-10"
        assert form.query_one("#bulk-note", Input).value == "😀Q"
