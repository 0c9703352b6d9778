"""The daily report (F8) said a window partly done ("部分完成 1 次") and nothing of its
checkpoint reached late, where Ctrl+G says "部分 1（其中迟到点位 1）". The patrol line now
says it, only when there is one ("部分完成 1 次（其中迟到点位 1）"), and the report filed
carries the figure; a report filed without it (an older build) reads as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_patrol_run_late_by_hand_whole import partial_window_over
from textual.widgets import Static

from fieldapp.i18n import set_language
from fieldapp.store.models import DailyReport
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.views.work_lines import work_lines

pytestmark = pytest.mark.usefixtures("chinese")

SAID = {"zh": "部分完成 1 次（其中迟到点位 1）", "en": "1 partly done, 1 post late"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_patrol_line_says_the_checkpoint_reached_late(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    partial_window_over(monkeypatch)  # CP-03 after 20:00, CP-04 not visited
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await settle(app, pilot, rounds=2)
        counts = str(screen.query_one("#report-counts", Static).render())
        assert SAID[lang] in counts.splitlines(), counts  # a line of its own, whole
        shown = [s.text.strip() for s in app.screen._compositor.render_strips()]
        assert any(SAID[lang] in line for line in shown), shown  # seen at 80x24
        await pilot.press("f10")  # filed: the figure goes with the report
        await settle(app, pilot, rounds=2)
    (report,) = DailyReport.select()
    assert report.counts["patrols_partial"] == 1 and report.counts["patrols_partial_late"] == 1


@pytest.mark.parametrize(
    ("lang", "two", "none"),
    [
        ("zh", "部分完成 2 次（其中迟到点位 3）", "迟到点位"),
        ("en", "2 partly done, 3 posts late", "posts late"),
    ],
)
def test_the_late_checkpoints_are_said_only_when_there_are_some(
    lang: str, two: str, none: str
) -> None:
    set_language(lang)
    try:
        assert two in work_lines({"patrols_partial": 2, "patrols_partial_late": 3})
        one_post = work_lines({"patrols_partial": 1, "missed_posts": 1})
        assert ("空岗漏岗 1 处" if lang == "zh" else "missed posts: 1") in one_post  # not "1 posts"
        assert none not in work_lines({"patrols_partial": 2})  # filed by an older build
        assert none not in work_lines({"patrols_partial": 2, "patrols_partial_late": 0})
    finally:
        set_language("zh")
