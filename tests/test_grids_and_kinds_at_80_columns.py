"""The lists of venues tell grids apart and say the kind whole: Home's venues due at
80×24 and 120×36, and Find venue (`/`) at 80×24, in Chinese and English. A grid's name
is shown whole, or where its column is narrow by its own name, without the name of the
grid it is under (第一网格 under 老渡口农贸市场), or in Home's list and Find venue's with
that name's start (老渡…第一网格, as 湘洲小区农贸市场 has a 第一网格 too): cut from the
left, it read "…市场第一网格", even at 120 columns where the venue's column had room to
spare. A kind is shown by its short label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import screen_lines, settle
from rich.cells import cell_len
from test_home_rows_told_apart import pane_rows
from textual.widgets import Input
from venue_name_support import fitted_in

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.home import HomeScreen


def check_rows(
    lines: list[str],
    rows: list,  # type: ignore[type-arg]
    villages: tuple[str, ...],
    narrow: bool = False,
    apart: bool = False,
) -> int:
    """Each row on screen (found by its code) shows its kind, and its grid whole, or in a
    `narrow` list without the name of the village it is under (`apart`: after that
    name's start and "…"), read from its start; how many were on screen."""
    seen = 0
    for row in rows:
        found = [line for line in lines if f" {row.code} " in line]
        if not found:
            continue
        line = found[0]
        assert f" {t(f'kind_short.{row.kind}')} " in line, line
        name = fitted_in(row.name, line)  # a venue's own part kept, its place cut before it
        assert name, line
        rest = line.replace(name, "", 1)
        assert not re.search(r"\s…", rest), f"a cell cut from the left: {line}"
        village = next((v for v in villages if row.grid.startswith(v)), "")
        own = row.grid.removeprefix(village)
        if apart and own != row.grid:
            pattern = rf" ({re.escape(row.grid)}|{re.escape(village[0])}[^\s…]*…{re.escape(own)}) "
            assert re.search(pattern, line), (row.grid, line)
            seen += 1
            continue
        shown = {row.grid, own or row.grid} if narrow else {row.grid}
        assert any(f" {name} " in line for name in shown), (shown, line)
        seen += 1
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_home_due_list_shows_kind_and_grid(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        lines = screen_lines(app)
        due = list(screen.home_view.due)
        villages = screen.home_view.grids  # my grids: 鼎美村, 老渡口农贸市场
        assert any(row.grid.startswith("老渡口农贸市场第") for row in due)
        assert {row.grid for row in due} >= {"鼎美村第一网格", "鼎美村第二网格"}
        header = next(
            line for line in lines if t("home.col.name") in line and t("home.col.due") in line
        )
        rows = pane_rows(app, "#due")  # a hazard's row holds its venue's code too
        if size[0] < 100:  # the status is left out: the name keeps its room beside the code
            assert t("home.col.code") in header, header
            assert check_rows(rows, due, villages, apart=True) >= 5, "\n".join(rows)
            return
        assert check_rows(rows, due, villages) >= 5, "\n".join(rows)
        # The due date's column is as wide as a date (the Due of 16 columns is gone).
        due_at = cell_len(header[: header.index(t("home.col.due"))])
        code_at = cell_len(header[: header.index(t("home.col.code"))])
        assert code_at - due_at <= 14, header


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_find_venue_shows_kind_and_grid_at_80_columns(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("slash")
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, FindVenueScreen) and screen.rows
        lines = screen_lines(app)
        villages = ("鼎美村", "老渡口农贸市场")  # the demo's, the inspector's grids
        assert check_rows(lines, screen.rows, villages, apart=True) >= 8, "\n".join(lines)
        assert any("鼎美村第二网格" in line for line in lines)
        screen.query_one("#query", Input).value = "老渡口"  # the market's areas
        await settle(app, pilot, rounds=3)
        lines = screen_lines(app)
        assert sum(row.grid.startswith("老渡口农贸市场第") for row in screen.rows) >= 8
        assert check_rows(lines, screen.rows, villages, apart=True) >= 8, "\n".join(lines)
