"""Venue names cut in two lists the way every other list cuts them (`venue_name_in`).

The round's due list (F7) at 120 columns cut names bare at its pane's edge ("老渡口农贸
市场·宏达母婴店(示例"): it added the name as plain text in a column as wide as the longest
name. Find venue (/) showed DM-0011 as "百味住家服装加工点(示…", its village dropped unsaid,
between rows that read "鼎…·长青农贸市场(示例)": a name whose own part does not fit keeps
its place's first character and "…·" as well."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_find_venue import open_find, search_for
from venue_name_support import fitted_in, reads_as

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.rounds import RoundsScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_rounds_due_list_ends_cut_names_with_an_ellipsis(
    demo_home: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "f7", RoundsScreen)
        await settle(app, pilot, rounds=2)
        due = screen.query_one("#rounds-due")
        pane = due.parent
        assert pane is not None
        x, right = due.region.x, pane.region.right  # what the pane shows of the table
        strips = app.screen._compositor.render_strips()
        lines = [strips[y].crop(x, right).text for y in range(due.region.y + 1, due.region.bottom)]
    rows = screen.due_lines[: len(lines)]
    assert len(rows) >= 10
    for row, line in zip(rows, lines, strict=False):
        assert row.code in line, line
        assert fitted_in(row.name, line), line  # whole, or cut with "…"
    assert any("…" in line for line in lines), "\n".join(lines)  # the long ones are cut


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_long_venue_name_keeps_its_place_start_in_find_venue(
    demo_home: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_find(app, pilot)
        await search_for(app, pilot, screen, "DM-0011")
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#results")
        strips = screen._compositor.render_strips()
        lines = [strips[y].text for y in range(table.region.y + 1, table.region.bottom)]
    row = next(r for r in screen.rows if r.code == "DM-0011")
    line = next(line for line in lines if "DM-0011" in line)
    name = line.split("DM-0011", 1)[1].lstrip().split("  ")[0]
    place = row.name.partition("·")[0]
    assert name != row.name and reads_as(name, row.name), line  # cut as lists cut names
    assert name.startswith(place[0]) and "…·" in name and name.endswith("…"), line
