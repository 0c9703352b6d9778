"""Home at 80×24 with no unfinished inspection: the drafts pane is its one line ("No
unfinished inspections"), with no empty table under a "Venue" header, and the hazards I
own take the whole width below it. Beside the empty table the hazards had 50 cells, and
in English the item's code had no column: it was pushed into the venue's cell
("COM-04 鼎美…"), which kept two characters of the name. With a draft the split is as
before, and the row changes when a draft comes or goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft
from venue_name_support import fitted_in

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.findings_table import FindingsTable
from fieldapp.tui.widgets.home_lower import DRAFTS_MAX, FINDINGS_MIN


def lines_of(app, widget) -> list[str]:  # type: ignore[no-untyped-def]
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text for strip in strips]


def assert_no_drafts_line(app, lang: str) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    pane = screen.query_one("#drafts-pane")
    table = screen.query_one("#findings", FindingsTable)
    assert pane.region.height == 1, pane.region
    assert lines_of(app, pane)[0].strip() == t("home.drafts.empty")
    assert not screen.query_one("#drafts").region.area, "no empty table under the line"
    lower = screen.query_one("#home-lower").region
    assert table.region.x == lower.x and table.region.right == lower.right, table.region
    lines = lines_of(app, table)
    text = "\n".join(lines)
    assert t("home.col.name") in lines[0], text
    if lang == "en":
        assert t("home.col.item_code") in lines[0], text
    for finding, line in zip(table.findings, lines[1:], strict=False):
        name = finding.venue
        shown = fitted_in(name, line)  # whole, or fitted as the list fits names
        assert shown and cell_len(shown) >= 10, line
        assert f"{finding.item_code} {shown}" not in line, line


def assert_split(app) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    pane = screen.query_one("#drafts-pane")
    findings = screen.query_one("#findings-pane")
    assert 0 < pane.region.width <= DRAFTS_MAX, pane.region
    assert findings.region.width >= FINDINGS_MIN and findings.region.y == pane.region.y
    assert screen.query_one("#drafts").region.height > 1


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_no_unfinished_inspection_is_a_line_above_the_hazards(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one(FindingsTable).row_count
        assert_no_drafts_line(app, lang)
        await pilot.resize_terminal(100, 30)
        await settle(app, pilot, rounds=2)
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot, rounds=2)
        assert_no_drafts_line(app, lang)
        # A draft appears (back on home after starting one): the panes side by side.
        start_a_draft()
        app.screen.reload()
        await settle(app, pilot, rounds=3)
        assert_split(app)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_with_a_draft_the_split_is_kept(demo_supervisor: Path, lang: str) -> None:
    start_a_draft()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        assert_split(app)
        assert app.screen.query_one("#drafts-pane").region.width == 80 - 2 - 2 - FINDINGS_MIN
