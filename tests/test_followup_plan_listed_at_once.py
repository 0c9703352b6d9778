"""A follow-up plan made in the evening (F11 → f at 19:00, checks at 08:00 and 14:00)
was not in ctrl+t: 待随访（0）, since nothing was due before the day ended, and e said to
make a plan in F11, which the person had just done. The person is now listed with the
next check time, 未到时间 / Not yet, and e says from when it can be recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label

from fieldapp.domain import clock
from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after


@pytest.mark.parametrize(
    ("lang", "title", "not_yet", "said"),
    [("zh", "待随访（1）", "未到时间", "还没到这次随访的时间：{at} 起才能登记。"),
     ("en", "Due (1)", "Not yet", "This follow-up is not due yet: it can be recorded from {at}.")],
)  # fmt: skip
async def test_a_plan_made_tonight_is_listed_with_tomorrows_check(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str, title: str, not_yet: str,
    said: str,
) -> None:  # fmt: skip
    from people_support import returnee_planned_at
    from pilot_support import open_screen, settle

    from fieldapp.services.followups import plans
    from fieldapp.tui.screens.followups import FollowupsScreen

    returnee_planned_at(monkeypatch, dt.time(19, 0))  # this evening
    tomorrow = f"{clock.today() + dt.timedelta(days=1)} 08:00"
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
        await settle(app, pilot)
        assert title in str(screen.query_one("#followups-due-title", Label).render())
        table = screen.query_one("#followups-due", DataTable)
        assert [str(c) for c in table.get_row_at(0)] == [tomorrow, "陈建国", not_yet]
        await pilot.press("e")
        await settle(app, pilot)
        opens = plans.opens_at(tomorrow.replace(" ", "T")).replace("T", " ")
        assert [n.message for n in app._notifications][-1] == said.format(at=opens)
    assert plans.due_readings() == []  # nothing due today: the home line stays quiet
