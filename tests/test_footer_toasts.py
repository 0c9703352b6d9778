"""Notifications stand above the footer: a toast over the key labels cut a Chinese label in
half ("备  已保存")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.tui.app import make_app
from fieldapp.tui.widgets.key_footer import KeyFooter

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_notification_never_covers_the_footer(
    frozen_clock: object, demo_home: Path, size: tuple[int, int]
) -> None:
    # The clock is frozen at 10:00 in the office: after 18:00 the two grids' daily-report
    # reminders stand in the rack too, and five toasts reach the footer's row (left open).
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
            await settle(app, pilot)
        for _ in range(3):
            app.notify("备注已保存，可以继续检查下一项")
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        for toast in toasts:
            assert toast.region.bottom <= footer.region.y, (toast.region, footer.region)
