"""The venue-info form (alt+v) took 12.5 rooms, and the per-room section then asked 12.
A count typed as a fraction is refused in the form, which stays open with the field to
fix; 12.0 is 12, and an area may be a fraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store, settle
from textual.widgets import Input, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.venue_facts import VenueFactsDialog

REFUSED = {
    "zh": "房间数：“12.5”不是整数，请填写整数",
    "en": "Rooms: '12.5' is not a whole number; write a whole number",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_half_a_room_is_refused_in_the_form(home: Path, lang: str) -> None:
    seed_store()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        saved: list[object] = []
        dialog = VenueFactsDialog("好店", ["rooms", "area"], {}, ask="rooms")
        app.push_screen(dialog, saved.append)
        await settle(app, pilot)
        dialog.query_one("#fact-area", Input).value = "35.5"
        dialog.query_one("#fact-rooms", Input).value = "12.5"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog and saved == []
        assert str(dialog.query_one("#venue-facts-error", Static).render()) == REFUSED[lang]
        dialog.query_one("#fact-rooms", Input).value = "12.0"
        await pilot.press("f10")
        await settle(app, pilot)
        assert saved == [{"rooms": 12, "area": 35.5}]
