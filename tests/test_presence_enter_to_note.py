"""Enter on a presence reason goes on to the dialog's note while it is empty, so the note
is seen (Enter there starts the inspection, with or without one); a note typed first, or
F10, starts from the reason. "Other" says there what its note needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, presence_asked_by_hand, settle
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspect import InspectScreen

pytestmark = pytest.mark.usefixtures("chinese")


def newest() -> Inspection:
    return Inspection.select().order_by(Inspection.started_at.desc()).first()


async def test_enter_on_a_reason_goes_on_to_the_note(demo_home: Path) -> None:
    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await presence_asked_by_hand(app, pilot)
        await pilot.press("down", "enter")  # placard damaged
        await settle(app, pilot)
        assert app.screen is dialog and Inspection.select().count() == before
        note = dialog.query_one("#presence-note", Input)
        assert dialog.focused is note
        assert str(dialog.query_one("#presence-error", Static).render()) == ""
        await pilot.press(*"标牌被撕", "enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
    assert (newest().presence_reason, newest().presence_note) == ("placard_damaged", "标牌被撕")


async def test_other_goes_on_to_the_note_saying_what_it_needs(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        await pilot.press("end", "enter")  # other
        await settle(app, pilot)
        assert dialog.focused is dialog.query_one("#presence-note", Input)
        said = str(dialog.query_one("#presence-error", Static).render())
        assert said == t("presence.note_needed")


async def test_with_a_note_typed_first_enter_on_the_reason_starts(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("tab", *"店门锁着", "shift+tab", "enter")  # the first reason
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
    assert (newest().presence_reason, newest().presence_note) == ("placard_missing", "店门锁着")
