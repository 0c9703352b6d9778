"""Home's unfinished inspections show the item an inspection stopped at whole, header and
code, or not at all: at 80×24 the column was cut to one letter ("C" for COM-12 under "A"
/ "检"); there it is left out (the pane beside the hazards has no room for it), at 90
columns it is whole after the venue's name cut with "…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from test_home_hazards_beside_a_draft import start_a_draft
from textual.widgets import DataTable

from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 90])
async def test_the_item_of_an_unfinished_inspection_is_whole_or_gone(
    demo_home: Path, lang: str, width: int
) -> None:
    start_a_draft()
    Inspection.update(current_item="COM-12").where(Inspection.status == "draft").execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(width, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        pane = screen.query_one("#drafts").region
        strips = app.screen._compositor.render_strips()[pane.y : pane.bottom]
        lines = [strip.crop(pane.x, pane.right).text for strip in strips]
        header = t("home.col.item")
        await pilot.resize_terminal(170 - width, 24)  # across the width: the column comes or goes
        await settle(app, pilot)
        item = "item" in screen.query_one("#drafts", DataTable).columns
    assert item == (width == 80)
    text = "\n".join(lines)
    row = next(line for line in lines[1:] if "…" in line)  # the venue's name, cut
    if width == 80:
        assert header[0] not in lines[0] and "C" not in row.split("…")[1], text
    else:
        assert lines[0].rstrip().endswith(header), text
        assert row.rstrip().endswith("COM-12"), text
