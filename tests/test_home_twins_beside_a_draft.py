"""Home at 80×24 beside an unfinished inspection, with two hazards at one venue with one
deadline, state and severity (twins): in English the item's code that tells them apart
had no column, and was pushed into the venue's cell ("COM-04 鼎美…", two characters of the
name left). The venue's cell now says the venue; the twins get the item's column, its
room taken from the drafts while their names still read apart, and the drafts' title
keeps its count (said short where it has no room whole)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import at_home
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft
from test_home_no_drafts_line import lines_of
from test_home_rows_told_apart import pane_rows, twin_hazard
from venue_name_support import fitted_in

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.findings_table import FindingsTable


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_twins_beside_a_draft_keep_the_venue_in_its_cell(
    frozen_clock: dt.datetime, demo_home: Path, lang: str
) -> None:
    twin = twin_hazard()
    start_a_draft()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        assert screen.query_one("#drafts").region.width, "the draft is beside"
        table = screen.query_one("#findings", FindingsTable)
        assert table.region.right <= 80
        columns = [str(c.key.value) for c in table.ordered_columns]
        assert "item" in columns, columns
        lines = pane_rows(app, "#findings")
        text = "\n".join(lines)
        assert len(set(lines)) == len(lines), text  # no two rows alike
        brief = next(f.deadline_brief for f in screen.home_view.findings if f.finding_id == twin.id)
        twins = [line for line in lines if f"{brief} " in line]
        assert len(twins) == 2, text
        for finding, line in zip(table.findings, lines, strict=False):
            assert f"{finding.item_code} {finding.venue[:2]}" not in line, line
            assert line.rstrip().endswith(finding.item_code), line
            shown = fitted_in(finding.venue, line)  # whole, or fitted as the list fits names
            assert shown and cell_len(shown) >= 10, line
        drafts = pane_rows(app, "#drafts")
        assert len(drafts) == 1 and drafts[0].strip(), drafts
        title = lines_of(app, screen.query_one("#drafts-title"))[0].strip()
        assert title in (
            t("home.drafts.title", count=1),
            t("home.drafts.title_short", count=1),
        ), title
