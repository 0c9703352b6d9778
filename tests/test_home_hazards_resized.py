"""Home's hazards (我负责的隐患) fit the screen after the terminal is resized: a terminal
resized from 80 to 100 columns gave the hazards pane the whole lower row (Textual clamped
the drafts' `max-width` and the hazards' `min-width` in one pass), so it ran past the
screen's edge and a venue's name showed as its first character there. At each size the
columns are chosen again, and the venue's name keeps its room."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft
from venue_name_support import fitted_in

from fieldapp.tui.app import make_app
from fieldapp.tui.widgets.findings_table import FindingsTable
from fieldapp.tui.widgets.home_lower import DRAFTS_MAX, FINDINGS_MIN

SIZES = [(100, 30), (98, 30), (120, 36), (80, 24), (101, 30)]


@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_hazards_fit_the_screen_at_each_size(
    demo_supervisor: Path, lang: str, draft: bool
) -> None:
    if draft:  # the panes side by side (with none, the drafts' line is above the hazards)
        start_a_draft()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await settle(app, pilot, rounds=2)
            table = app.screen.query_one("#findings", FindingsTable)
            drafts = app.screen.query_one("#drafts-pane")
            assert table.row_count
            assert table.region.right <= width, (width, table.region)
            assert table.region.width >= FINDINGS_MIN, (width, table.region)
            # No unfinished inspection: its line above the hazards, else beside them.
            if draft:
                assert drafts.region.width <= DRAFTS_MAX, (width, drafts.region)
            else:
                assert drafts.region.height == 1, (width, drafts.region)
            # Every column seen is inside the pane: nothing lies past its edge.
            assert table.max_scroll_x == 0, (width, table.max_scroll_x)
            region = table.region
            strips = app.screen._compositor.render_strips()[region.y + 1 : region.bottom]
            lines = [strip.crop(region.x, region.right).text for strip in strips]
            for finding, line in zip(table.findings, lines, strict=False):
                name = finding.venue
                assert cell_len(fitted_in(name, line)) >= 10, (width, line)
