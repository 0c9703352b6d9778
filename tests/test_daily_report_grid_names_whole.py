"""At 120 columns the daily report's grid list (F8) is 40 cells wide, room for
"  [Past due] 老渡口农贸市场第一网格" whole, yet it read "老渡口农贸市…第一网格": the
list's padding was taken off its width twice. Each name that fits is shown whole, in
either language and on either side of the deadline."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, screen_text
from report_hours import report_hour  # noqa: F401 (a fixture)
from test_daily_report_grids_at_80_columns import listed

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_market_areas_whole_at_120_columns(
    report_hour: str,  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen, rounds=2)
        shown = listed(screen)
        text = screen_text(app)
        for area in ("老渡口农贸市场第一网格", "老渡口农贸市场第二网格"):
            line = next(line for line in shown if area[-4:] in line and "老渡" in line)
            assert line.endswith(area), shown
            assert line.strip() in text, text  # drawn whole, not cut at the list's edge
        assert not any("…" in line for line in shown), shown
