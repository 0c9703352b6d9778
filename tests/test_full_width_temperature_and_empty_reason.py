"""A temperature typed on a Chinese keyboard, ３８．５, was refused as no number, while the
ID number and phone fields take full-width digits; and F10 on an empty reason for ending
a plan early did nothing and said nothing. The reading is now taken as 38.5, and the
reason dialog says what is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import member_named, on_person, returnee_family, returnee_under_a_plan
from pilot_support import settle
from rounds_support import Clock, china
from textual.widgets import Static

from fieldapp.domain.personal import new_key
from fieldapp.services.followups import plans, readings
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.followup_models import FollowupPlan, FollowupReading
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog


def test_a_full_width_temperature_is_taken(tree: Clock) -> None:
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    tree.set(china(2026, 6, 9, 20, 0))
    plan_id = plans.create_plan(str(member_named("陈建国").id), start_on=dt.date(2026, 6, 10))
    tree.set(china(2026, 6, 10, 8, 10))
    taken = readings.record_reading(
        plan_id, "2026-06-10T08:00", {"FUP-01": "３８．５", "FUP-02": "no"}
    )
    assert taken.failed == ("FUP-01", "FUP-02") and taken.case_id is not None  # a fever, as 38.5
    assert FollowupReading.get().answers["FUP-01"] == "38.5"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "还没有填写结束原因：请填写后按 F10 保存，或按 Esc 取消"),
     ("en", "Reason is still empty: type it, then F10 to save, or Esc to cancel")],
)  # fmt: skip
async def test_ending_a_plan_without_a_reason_says_what_is_missing(
    demo_home: Path, lang: str, said: str
) -> None:
    returnee_under_a_plan()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        ending = await on_person(app, pilot, "陈建国", "f")
        assert isinstance(ending, AskDialog)
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is ending
        problem = ending.query_one("#ask-problem", Static)
        assert problem.display and said in str(problem.render())
        await pilot.press(*"转院", "f10")
        await settle(app, pilot, rounds=3)
    assert FollowupPlan.get().end_reason == "转院"
