"""Home's unfinished inspections give the venue's name the room: at 80×24 the start
("12-06 13:25") left it 9 cells of the 26-cell pane ("老渡口农…"), at 120×36 about 20.
Now the name is alone at 80 columns and the start takes five cells at 120 ("13:25"
today, else "12-05"); the name lines up under its heading, Chinese (two cells a
character) and English alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft
from venue_name_support import fitted_in

from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

# The least of the name seen (cells) at each size, the time column's and "…" aside.
NAME_SEEN = {(80, 24): 20, (120, 36): 24}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", list(NAME_SEEN))
async def test_the_venue_name_gets_the_room(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    start_a_draft()
    draft = Inspection.get(Inspection.status == "draft")
    name = draft.venue.name
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        pane = screen.query_one("#drafts").region
        strips = app.screen._compositor.render_strips()[pane.y : pane.bottom]
        lines = [strip.crop(pane.x, pane.right).text for strip in strips]
    text = "\n".join(lines)
    header, row = lines[0], lines[1]
    seen = fitted_in(name, row)
    assert cell_len(seen) >= NAME_SEEN[size] + (seen != name), text  # "…" aside
    # The name starts in the cell its heading starts in (wide characters count two).
    heading = t("home.col.name")
    at = row.index(seen)
    assert cell_len(header[: header.index(heading)]) == cell_len(row[:at]), text
    started = row[:at].split()
    if size[0] >= 100:
        assert len(started) == 1 and re.fullmatch(r"\d\d[:-]\d\d", started[0]), text
        assert header.split()[0] == t("home.col.started"), text
    else:
        assert not started and header.split()[0] == heading, text
