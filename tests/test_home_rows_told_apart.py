"""Home's lists tell their rows apart at 80×24 as at 120×36, in both languages.

The venues due: each shows its venue's code (at 80 columns the list left it out, so an
inspector had no code to type into F2), and two grids of one name under two villages
read differently (at 80 columns 老渡口农贸市场第一网格 and 湘洲小区农贸市场第一网格 both
read 第一网格). The hazards I own: two hazards at one venue with one deadline and
severity read differently (in English at 80 columns the item was left out, and they read
`10-30 ⚠  鼎美村·惠民…  To rectify  General` twice)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import at_home
from test_home_hazards_beside_a_draft import start_a_draft

from fieldapp.services.demo.workspace import act_as
from fieldapp.services.inspection.active_findings import open_findings
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

SIZES = [(80, 24), (120, 36)]
BAR = " ▇▃▁▂▄▅▆█"  # a scrollbar's cells at a pane's right edge


def pane_rows(app, pane_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The rows a pane's table shows, under its header, as a user reads them."""
    region = app.screen.query_one(pane_id).region
    strips = app.screen._compositor.render_strips()[region.y + 1 : region.bottom]
    lines = [strip.crop(region.x, region.right).text.rstrip(BAR) for strip in strips]
    return [line for line in lines if line.strip()]


@pytest.mark.parametrize("who", ["inspector", "supervisor"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_each_venue_due_shows_its_code_and_a_grid_told_apart(
    demo_home: Path, who: str, lang: str, size: tuple[int, int]
) -> None:
    act_as(who)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        lines = pane_rows(app, "#due")
        shown: dict[str, set[str]] = {}  # grid -> how its rows show it
        for row in screen.home_view.due[: len(lines)]:
            line = next((line for line in lines if f" {row.code} " in line), None)
            assert line is not None, (row.code, "\n".join(lines))
            grid = re.split(r"\s{2,}", line.strip())[-2]  # the column before the name
            # whole, or with the start of the village it is under (老渡…第一网格)
            assert grid == row.grid or (
                row.grid_parent
                and grid.startswith(row.grid_parent[0])
                and grid.endswith(f"…{row.grid.removeprefix(row.grid_parent)}")
            ), (row.grid, line)
            shown.setdefault(row.grid, set()).add(grid)
        assert len(shown) >= 4, "\n".join(lines)
        readings = [reading for grid in shown.values() for reading in grid]
        assert len(set(readings)) == len(readings) == len(shown), shown


def twin_hazard() -> Finding:
    """A second open hazard at the venue of a general one, with its deadline and its
    severity (two failures found in one inspection), at another item. The general one is
    the first home lists (for whoever the device acts as) that no other hazard at its
    venue shares a deadline with: which venue and item the demo gives one depends on the
    day it is built."""
    listed = open_findings()
    first = next(
        f
        for f in listed
        if f.state == "open"
        and f.severity == "general"
        and not any(
            o.id != f.id and o.venue_id == f.venue_id and o.current_deadline == f.current_deadline
            for o in listed
        )
    )
    taken = {f.item_code for f in Finding.select().where(Finding.venue == first.venue_id)}
    item = next(code for code in (f"COM-{n:02}" for n in range(12, 0, -1)) if code not in taken)
    data = {f.name: getattr(first, f.name) for f in Finding._meta.sorted_fields}
    return Finding.create(**{**data, "id": f"{first.id[:-4]}twin", "item_code": item})


@pytest.mark.parametrize("who", ["inspector", "supervisor"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_two_hazards_at_one_venue_with_one_deadline_read_differently(
    frozen_clock: dt.datetime, demo_home: Path, who: str, lang: str, size: tuple[int, int]
) -> None:
    act_as(who)
    twin = twin_hazard()
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        assert twin.id in {f.finding_id for f in screen.home_view.findings}
        lines = pane_rows(app, "#findings")
        brief = next(f.deadline_brief for f in screen.home_view.findings if f.finding_id == twin.id)
        twins = [line for line in lines if f"{brief} " in line]
        assert len(twins) == 2, "\n".join(lines)
        items = {f.item_code for f in screen.home_view.findings if f.deadline_brief == brief}
        assert len(items) == 2 and all(f" {item}" in twins[0] + twins[1] for item in items), twins
        assert len(set(lines)) == len(lines), "\n".join(lines)  # no two rows alike


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_hazards_told_apart_by_their_venue_leave_its_name_the_room(
    demo_home: Path, lang: str
) -> None:
    """Without twins, no code takes the name's room at 80 columns (569b16e), beside an
    unfinished inspection (with none, the hazards have the whole width and room for both
    codes, see test_home_no_drafts_line)."""
    start_a_draft()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        columns = [str(c.key.value) for c in app.screen.query_one("#findings").ordered_columns]
        assert "item" not in columns and "code" not in columns, columns
        lines = pane_rows(app, "#findings")
        assert len(set(lines)) == len(lines), "\n".join(lines)
