"""At 80 columns the daily report's list of grids tells two areas of one village apart
(老渡口农贸市场第一网格, 老渡口农贸市场第二网格), in either language: cut after 老渡口农贸市场第
they read alike, and cut from the left ("…口农贸市场第一网格") they did not read from their
start. A name too long for its line keeps the start of the grid it is under and its own
part whole (老渡口…第一网格, as home's due list), so it reads apart from another village's
第一网格 too; a wider terminal shows them whole in Chinese before the deadline.

Past the 18:00 deadline the tag is the longer 逾期未报 / "Past due": English said "Not
filed, late" there, and at 80 columns every sub-grid read "第一网…", "第二网…". Each test
runs before and after the deadline (`report_hour`), not at the hour the suite runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from report_hours import report_hour  # noqa: F401 (a fixture)
from textual.widgets import OptionList

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen


def listed(screen: DailyReportScreen) -> list[str]:
    options = screen.query_one("#report-grids", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


MARKET = "老渡口农贸市场"


def market_areas(screen: DailyReportScreen) -> list[str]:
    """The names shown for the market's two areas, after their tags."""
    lines = [line for line in listed(screen) if "网格" in line and "鼎美村" not in line]
    assert len(lines) == 2, listed(screen)
    return [line.split("] ", 1)[1] for line in lines]


def read_apart(shown: str, own: str) -> bool:
    """Whole, or the start of the market's name, "…" and the area's own name whole."""
    head, cut, rest = shown.partition("…")
    return shown == MARKET + own or (bool(cut) and bool(head) and MARKET.startswith(head)
                                     and rest == own)  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_two_areas_of_one_village_read_apart(
    report_hour: str,  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        tag = "[逾期未报] " if lang == "zh" else "[Past due] "
        assert (report_hour == "after") == all(tag in line for line in listed(screen))
        first, second = market_areas(screen)
        assert read_apart(first, "第一网格") and read_apart(second, "第二网格"), listed(screen)
        assert not any(line.endswith("…") for line in listed(screen)), listed(screen)
        await pilot.resize_terminal(160, 40)  # the list is 40 cells there, not 45 % of 80
        await settle(app, pilot, rounds=2)
        first, second = market_areas(screen)
        assert read_apart(first, "第一网格") and read_apart(second, "第二网格"), listed(screen)
        if lang == "zh" and report_hour == "before":  # "[Not filed]" leaves no room for it
            assert first == MARKET + "第一网格", listed(screen)
