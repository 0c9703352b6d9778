"""A zero report the store already refutes is refused when z is pressed, with the reason,
not after its question was answered: F8 open on 鼎美村, a hazard found there since the
counts were shown, then z asked 为 鼎美村 提交零报告？ and only y said 今天该网格发现了 1 处
隐患，不能报零报告. The question itself names every figure that refuses a zero report
(hazards closed today refused it, while the question spoke of new hazards and incidents
only)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_daily_report_screen import find_hazard_today, local_clock, messages  # noqa: F401

from fieldapp.i18n import t
from fieldapp.services.daily_report.reports import RECORDED
from fieldapp.store.models import DailyReport
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen

REFUSED = {
    "zh": "今天该网格发现了 1 处隐患，不能报零报告",
    "en": "Hazards found in this grid today: 1",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_z_refuses_at_once_what_was_found_since_the_counts_were_shown(
    local_clock: list[dt.datetime],  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await settle(app, pilot, rounds=3)
        assert screen.grid == "T01-DM" and screen.report is not None
        assert not screen.report.counts.get("hazards_found")  # shown: nothing found yet
        find_hazard_today("T01-DM")  # found meanwhile, on this device
        await pilot.press("z")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen  # no question to answer first
        assert any(REFUSED[lang] in m for m in messages(app)), messages(app)
        assert screen.report.counts.get("hazards_found") == 1  # the counts caught up
        assert DailyReport.select().count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_question_names_every_figure_that_refuses_a_zero_report(
    local_clock: list[dt.datetime],  # noqa: F811
    demo_home: Path,
    lang: str,
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(app, pilot, "f8", DailyReportScreen)
        await settle(app, pilot, rounds=3)
        await pilot.press("z")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(app.screen.body_text.split())
        assert {"zh": "整改销号", "en": "hazards closed"}[lang] in text, text
        missing = [key for key in RECORDED if t(f"report.figure.{key}") not in text]
        assert not missing, (missing, text)
