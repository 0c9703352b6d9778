"""What the office imported or people typed shows in a table as it was written. Textual
read a string cell as markup: a venue named "春风[/]超市" stopped the round screen with a
MarkupError, and "[b]" or "[red]" vanished from the name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, open_screen, settle

from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.rounds import RoundsScreen

MARKS = ["[/]", "[b]东店", "[red]二号"]


@pytest.mark.parametrize("mark", MARKS)
async def test_a_venue_named_with_brackets_is_listed_as_named(demo_home: Path, mark: str) -> None:
    Venue.update(name=Venue.name.concat(mark)).execute()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f7", RoundsScreen)
        await settle(app, pilot)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    assert shown.count(mark) >= 3
