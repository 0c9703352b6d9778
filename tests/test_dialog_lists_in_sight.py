"""A choice's open list (Textual's Select overlay) stays inside its dialog at 80×24: not
drawn over the dialog's border, nor past it onto the screen behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_choice_list

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
        inside, shown = await open_choice_list(app, pilot, dialog())
        assert inside.contains_region(shown), (inside, shown)
