"""A per-room section of a venue with no room count: the inspection stays on the
checklist, whose section line (wrapped, not cut, at 80 columns) says the count is
missing and names the key that fills it. The form used to open by itself there, and the
inspector's next y, typed for the checklist, went into its 房间数 field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_venue_facts import _inspector_on_fm_0001
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.store.models import Venue as LocalVenue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.venue_facts import VenueFactsDialog
from fieldapp.tui.screens.inspect import InspectScreen

NOTE = {
    "zh": "FMR#1 包间逐间检查 · 房间数未登记，先问 1 次（alt+v 填写）",
    "en": "FMR#1 Each treatment room · Rooms not recorded: asked once (alt+v to enter)",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_missing_room_count_waits_for_its_key(
    live_server, seed, make_device, server_workdir: Path, lang: str
):
    _, venue_id = _inspector_on_fm_0001(live_server, make_device, server_workdir)  # no rooms
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.open_venue(venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        while not screen.item.code.startswith("FMS-03"):
            await pilot.press(
                "3", "enter"
            ) if screen.item.answer == "number" else await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen and screen.item.code == "FMS-03#1"
        line = screen.query_one("#inspect-section", Static)
        rows = app.screen._compositor.render_strips()[line.region.y : line.region.bottom]
        shown = "".join(r.crop(line.region.x, line.region.right).text.strip() for r in rows)
        assert shown.replace(" ", "") == NOTE[lang].replace(" ", "")  # whole, no "…"

        await pilot.press("y")  # the inspector's answer goes to the checklist
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.view.answers["FMS-03#1"].outcome == "pass"
        assert LocalVenue.get_by_id(venue_id).attributes.get("rooms") is None

        await pilot.press("alt+v")  # the key the line names asks the count
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, VenueFactsDialog)
        assert dialog.focused is dialog.query_one("#fact-rooms", Input)
        ask = str(dialog.query_one("#venue-facts-ask", Static).render())
        assert ask == t("venue_facts.ask_count", name=t("venue_attr.rooms"))
    set_language("zh")
