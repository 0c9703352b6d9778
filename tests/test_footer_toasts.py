"""Notifications stand above the footer: a toast over the key labels cut a Chinese label in
half ("备  已保存")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Header
from textual.widgets._toast import Toast

from fieldapp.domain import clock
from fieldapp.tui.app import make_app
from fieldapp.tui.widgets.key_footer import KeyFooter

pytestmark = [
    pytest.mark.usefixtures("chinese_in_utc"),  # the office day in UTC: 19:00 is evening
    pytest.mark.reminders,
]


# 10:00 and 19:00 local time: after 18:00 each grid's daily-report reminder stands in the
# rack too (two here), and five toasts once reached the footer's row at 120x36.
MORNING = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)
EVENING = dt.datetime(2026, 6, 10, 19, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("now", [MORNING, EVENING], ids=["morning", "evening"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_notification_never_covers_the_footer(
    monkeypatch: pytest.MonkeyPatch, demo_home: Path, size: tuple[int, int], now: dt.datetime
) -> None:
    monkeypatch.setattr(clock, "_now", lambda: now)
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
            await settle(app, pilot)
        for n in range(3):
            app.notify(f"备注已保存，可以继续检查下一项（{n + 1}）")
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        header = app.screen.query_one(Header)
        toasts = list(app.screen.query(Toast))
        said = [str(toast.render()) for toast in toasts]
        assert any("（3）" in text for text in said), said  # the newest is always shown
        for toast in toasts:
            assert toast.region.bottom <= footer.region.y, (toast.region, footer.region)
            assert toast.region.y >= header.region.bottom, (toast.region, header.region)


async def test_a_screen_s_explanation_goes_with_it_and_a_job_s_result_stays(
    demo_home: Path,
) -> None:
    """An inspector presses space on Campaigns (not theirs to switch: told why) and goes
    to F11 People: the explanation does not stand over People, the sync result does."""
    from fieldapp.i18n import t
    from fieldapp.tui.screens.campaigns import CampaignsScreen
    from fieldapp.tui.screens.people import PeopleScreen

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
            await settle(app, pilot)
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert isinstance(app.screen, CampaignsScreen)
        app.notify(t("sync_ui.notify.done", pushed=3, pulled=2))  # a job's result
        await pilot.press("space")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert t("campaigns.not_mine") in said, said
        await pilot.press("f11")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PeopleScreen)
        # The explanation went with Campaigns; the job's result stays (as would the daily
        # report's reminder, which depends on the hour the test runs at).
        done = t("sync_ui.notify.done", pushed=3, pulled=2)
        said = [n.message for n in app._notifications]
        assert done in said and t("campaigns.not_mine") not in said, said
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any(done in text for text in shown), shown
        assert not any(t("campaigns.not_mine") in text for text in shown), shown
