"""A choice's open list (Textual's Select overlay) stays inside its dialog at 80×24: not
drawn over the dialog's border, nor past it onto the screen behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.screen import ModalScreen
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog, ReadingDialog

CHOICES = [(f"Choice {n}", str(n)) for n in range(1, 11)]


@pytest.mark.parametrize(
    "dialog",
    [
        lambda: AskDialog("Outcome", "Outcome", CHOICES[:5]),
        lambda: AskDialog("包保 lists", "Cadre", CHOICES),  # more than the list shows at once
        lambda: ReadingDialog("Reading"),
    ],
    ids=["ask-five", "ask-ten", "reading"],
)
async def test_an_open_choice_list_stays_inside_its_dialog(demo_home: Path, dialog) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.push_screen(dialog())
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ModalScreen)
        choice = screen.query_one(Select)
        choice.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        overlay = choice.query_one(SelectOverlay)
        assert choice.expanded and overlay.display
        inside = screen.query_one(".person-box").region.shrink((1, 1, 1, 1))  # its border
        assert inside.contains_region(overlay.region), (inside, overlay.region)
