"""The daily report's grid list (F8) as a supervisor sees it: every grid of the town, more
than the list shows, so a scrollbar comes. At 80 columns in English the areas read
"鼎美村第一网…" (fitted for the width before the scrollbar took two cells, then cut again by
the list), and with the key panel open (F1) every area read "[未报] …" in Chinese and
"[Not filed]…" in English: the names had been fitted for the wider list. Now each area
keeps its own part (鼎美…第一网格) at 80 columns, and its numeral (第一…) in the list the
key panel narrows, in both languages, on either side of the deadline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from report_hours import report_hour  # noqa: F401 (a fixture)
from textual.app import App
from textual.widgets import OptionList

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen

AREA = re.compile(r"第[一二三四五]")  # what tells a village's areas apart


def drawn_list(app: App[object], screen: DailyReportScreen) -> list[str]:
    """The grid list's lines as drawn on the screen, inside its border."""
    options = screen.query_one("#report-grids", OptionList)
    region = options.scrollable_content_region  # the scrollbar left out
    strips = screen._compositor.render_strips()
    return [
        strips[y].crop(region.x, region.right).text.strip() for y in range(region.y, region.bottom)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_areas_keep_their_own_names(
    report_hour: str,  # noqa: F811
    demo_supervisor: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        options = screen.query_one("#report-grids", OptionList)
        assert options.option_count > options.content_region.height  # it scrolls
        lines = drawn_list(app, screen)
        areas = [line for line in lines if "网格" in line or line.endswith("…")]
        assert areas and all(re.search(r"…?第[一二三四五]网格$", line) for line in areas), lines
        await pilot.press("f1")  # the key panel narrows the list, not the screen
        await settle(app, pilot, rounds=2)
        narrowed = drawn_list(app, screen)
        assert options.content_region.width < 20, narrowed
        shown = [line for line in narrowed if line]
        assert sum(bool(AREA.search(line)) for line in shown) >= len(areas), narrowed
