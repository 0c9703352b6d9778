"""At 80 columns the daily report's list of grids tells two areas of one village apart
(老渡口农贸市场第一网格, 老渡口农贸市场第二网格), in either language: cut after 老渡口农贸市场第
they read alike, and cut from the left ("…口农贸市场第一网格") they did not read from their
start. A name too long for its line now drops the name of the grid it is under (第一网格
under 老渡口农贸市场); a wider terminal shows them whole in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import OptionList

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen


def listed(screen: DailyReportScreen) -> list[str]:
    options = screen.query_one("#report-grids", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_two_areas_of_one_village_read_apart(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        names = [line for line in listed(screen) if "网格" in line and "鼎美村" not in line]
        assert len(names) == 2, listed(screen)  # the market's two areas
        assert names[0].endswith("] 第一网格") and names[1].endswith("] 第二网格"), names
        assert not any("…" in line for line in listed(screen)), listed(screen)
        await pilot.resize_terminal(160, 40)  # the list is 40 cells there, not 45 % of 80
        await settle(app, pilot, rounds=2)
        wider = [line for line in listed(screen) if "网格" in line and "鼎美村" not in line]
        whole = "] 老渡口农贸市场第一网格"  # in Chinese: "[Not filed]" leaves no room for it
        assert wider[0].endswith(whole if lang == "zh" else "] 第一网格"), wider
