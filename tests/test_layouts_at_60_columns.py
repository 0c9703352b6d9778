"""At a 60×20 terminal a tester lost what these screens are read for: a patrol's time at a
checkpoint read "23:" and the time left was past the edge; the review's sixth tab read
"6·未" with nothing after it; home's grids ran into "Today" and the due list cut the
venue's name bare past the pane's edge; the activities' grid column was past the edge in
English. Now a name gives up width (cut with "…"), home's due list leaves the kind out and
the activities' list the window, and the tabs not shown cut their names: each time, tab,
grid and count is in sight, in both languages. At 80×24 these screens are as they were."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from patrol_screen_support import placard, seed_patrol_store
from pilot_support import at_home, open_screen, screen_lines, settle
from rich.cells import cell_len
from textual.app import App
from textual.screen import Screen
from venue_name_support import fitted_in

from fieldapp.i18n import listed, set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.screens.review import TABS, ReviewScreen
from fieldapp.tui.widgets.queue_tabs import QueueTabs, queue_tab_label
from fieldapp.tui.widgets.table import GRID_CELLS, Table, grid_name_apart

S = TypeVar("S", bound=Screen[object])
NARROW = (60, 20)
USUAL = (80, 24)


@asynccontextmanager
async def opened(
    size: tuple[int, int], lang: str, key: str, kind: type[S]
) -> AsyncIterator[tuple[App[None], Any, S]]:
    """The app in `lang` on a terminal of `size`, with `key` pressed at home: the `kind` of
    screen it opens."""
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, key, kind, rounds=3)
        await settle(app, pilot, rounds=2)
        yield app, pilot, screen


def widths(table: Table) -> list[int]:
    return [column.get_render_width(table) for column in table.ordered_columns]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [NARROW, USUAL])
async def test_a_patrols_times_are_in_sight(home: Path, lang: str, size: tuple[int, int]) -> None:
    seed_patrol_store()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")  # starts the run, CP-01 reached now
        await settle(app, pilot, rounds=3)
        run = app.screen
        assert isinstance(run, PatrolRunScreen) and run.view is not None
        lines = screen_lines(app)
        reached = next(line for line in lines if "CP-01" in line)
        assert run.view.lines[0].at in reached, reached  # "23:21" whole, not "23:"
        points = run.query_one("#patrol-run-points", Table)
        if size == USUAL:  # the columns as they were at 80 columns
            assert widths(points) == [12, 26, 18, 8, 8]
        else:  # the long name gives up width, cut with "…"
            long = next(line for line in lines if "CP-02" in line)
            assert "烟花爆" in long and "烟花爆竹销售点" not in long and "…" in long, long
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        patrols = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        assert patrols.data is not None and patrols.data.due
        due = patrols.query_one("#patrols-due", Table)
        row = screen_lines(app)[due.region.y + 1]
        minutes = patrols.data.due[0].minutes_left
        assert t("patrol.run.time_left", minutes=minutes) in row, row
        assert "00:00-23:59" in row and "1/4" in row, row
        if size == USUAL:
            assert widths(due) == [37, 13, 9, 17]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [NARROW, USUAL])
async def test_every_review_tab_says_its_key_and_count(
    demo_supervisor: Path, lang: str, size: tuple[int, int]
) -> None:
    async with opened(size, lang, "f5", ReviewScreen) as (app, pilot, screen):
        tabs = screen.query_one("#queues", QueueTabs)
        strip = screen_lines(app)[tabs.region.y]
        labels = [
            queue_tab_label(n, t(f"review.queue.{q}"), screen.counts.get(q)).plain
            for n, q in enumerate(TABS, start=1)
        ]
        if size == USUAL:  # every name whole, as before
            for label in labels:
                assert label in strip, strip
            return
        assert labels[0] in strip, strip  # the queue shown, whole
        assert cell_len(strip.rstrip()) <= size[0] and "…" in strip, strip
        for n in range(1, len(TABS) + 1):
            assert f"{n}·" in strip, strip
        last = f" {screen.counts.get(TABS[-1])}"
        assert strip.rstrip().endswith(last), strip  # the sixth's count, not cut away
        await pilot.press("6")  # another tab shown: its name whole
        await settle(app, pilot, rounds=2)
        strip = screen_lines(app)[tabs.region.y]
        assert labels[-1] in strip and "1·" in strip, strip


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_homes_grids_and_due_list_are_cut_with_an_ellipsis(
    demo_home: Path, lang: str
) -> None:
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=NARROW) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        view = screen.home_view
        lines = screen_lines(app)
        me = lines[screen.query_one("#me-panel").region.y]
        grids = t("home.my_grids", grids=listed(view.grids))
        today = t("home.today", date=view.today.isoformat())
        # the grids cut with "…" a space before the date, not run into it
        assert today in me, me
        before = me.split(today)[0]
        assert before.rstrip().endswith("…") and before.endswith(" "), me
        assert grids[:6] in before and grids not in before, me
        due = screen.query_one("#due", Table)
        assert t("home.col.kind") not in lines[due.region.y], lines[due.region.y]
        for n, row in enumerate(view.due[: due.region.height - 2]):
            line = lines[due.region.y + 1 + n]
            assert row.code in line, line
            assert grid_name_apart(row.grid, row.grid_parent, GRID_CELLS) in line, line
            assert fitted_in(row.name, line), line  # whole, or its place cut before its own part


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_homes_due_list_keeps_its_kind_at_80_columns(demo_home: Path, lang: str) -> None:
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=USUAL) as pilot:
        await at_home(app, pilot, rounds=3)
        due = app.screen.query_one("#due", Table)
        heading = screen_lines(app)[due.region.y]
        assert t("home.col.kind") in heading and t("home.col.grid") in heading, heading


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [NARROW, USUAL])
async def test_each_activity_due_says_its_grid(
    demo_supervisor: Path, lang: str, size: tuple[int, int]
) -> None:
    async with opened(size, lang, "ctrl+y", ActivitiesScreen) as (app, _, screen):
        due = screen.query_one("#activities-due", Table)
        lines = screen_lines(app)
        heading = lines[due.region.y]
        assert t("activities.col.grid") in heading, heading
        # the window at 80 columns, as before; at 60 its status says how due it is
        assert (t("activities.col.due") in heading) is (size == USUAL), heading
        shown = screen.data.due[: due.region.height - 2]
        assert any(cell_len(line.ask.grid_name) >= 14 for line in shown)  # 湘洲小区农贸市场
        for n, line in enumerate(shown):
            row = lines[due.region.y + 1 + n]
            assert line.ask.grid_name in row, row
            if size == USUAL:
                assert line.due_on in row, row
