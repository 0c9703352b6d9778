"""ctrl+t at 08:26, the 08:00 check recorded: the 16:00 one read 待随访 and took a reading
at once, so 待随访 went to 0 after two checks back to back. It now reads 未到时间 / Not
yet, and e on it says from when it can be recorded instead of opening the form. The
reading form's grey example says it is one (如 36.5), so it is not read as a value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from fieldapp.domain import clock
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import ReadingDialog

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after


@pytest.mark.parametrize(
    ("lang", "not_yet", "said", "example"),
    [("zh", "未到时间", "14:00 起才能登记", "如 36.5"),
     ("en", "Not yet", "recorded from", "e.g. 36.5")],
)  # fmt: skip
async def test_the_afternoon_check_is_not_yet_due_in_the_morning(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str, not_yet: str, said: str,
    example: str,
) -> None:  # fmt: skip
    from people_support import office_clock_at, returnee_planned_at
    from pilot_support import open_screen, settle

    from fieldapp.services.followups import plans, readings
    from fieldapp.tui.screens.followups import FollowupsScreen

    plan_id = returnee_planned_at(monkeypatch, dt.time(7, 0))  # today's 08:00 and 16:00
    office_clock_at(monkeypatch, dt.time(8, 26))  # this morning, the 08:00 check due
    readings.record_reading(plan_id, f"{clock.today()}T08:00", {"FUP-01": "36.6", "FUP-02": "yes"})
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
        table = screen.query_one("#followups-due", DataTable)
        assert [str(c) for c in table.get_row_at(0)][1:] == ["陈建国", not_yet]
        await pilot.press("e")
        await settle(app, pilot)
        assert not isinstance(app.screen, ReadingDialog)
        assert said in [n.message for n in app._notifications][-1]
        assert len(plans.due_readings()) == 1
        dialog = ReadingDialog("随访")
        await app.push_screen(dialog)
        await settle(app, pilot)
        assert dialog.query_one("#reading-temperature", Input).placeholder == example
