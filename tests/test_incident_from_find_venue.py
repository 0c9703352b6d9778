"""F4 (report an incident) from the venue search (查找场所) with a venue highlighted left
the place empty, and F10 then asked for an address, saying a venue is carried over only
from an inspection or a patrol. The highlighted venue is carried over, as from its
inspection; with no venue listed, the form asks for the place as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_find_venue import open_find, search_for
from textual.widgets import Label

from fieldapp.i18n import t
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.widgets import PagedTable


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_the_highlighted_venue_is_where_the_incident_happened(
    demo_home: Path, lang: str
) -> None:
    first, second = Venue.select().order_by(Venue.code).limit(2)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_find(app, pilot)
        prefix = first.code.rsplit("-", 1)[0]
        await search_for(app, pilot, screen, prefix)
        table = screen.query_one("#results", PagedTable)
        listed = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=listed.index(second.code))  # not the first row
        await pilot.pause()
        await pilot.press("f4")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, IncidentDialog)
        assert dialog.venue == (second.id, f"{second.name} {second.code}")
        said = str(dialog.query_one("#incident-venue", Label).render())
        assert said == t("incident.form.venue", venue=f"{second.name} {second.code}")
        dialog.dismiss(None)  # closed unreported (Esc's question is not this test's)
        await settle(app, pilot)
        assert app.screen is screen
        await search_for(app, pilot, screen, "找不到的场所XYZ")  # nothing listed: no venue
        await pilot.press("f4")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, IncidentDialog) and app.screen.venue is None
