"""A choice's open list stays inside its dialog at 80×24 in English too: "No fever,
cough, fatigue or other symptoms" took two lines, so the reading dialog's list of two
choices ran over the dialog's bottom border ("╰────symptoms ─╯ Has symptoms"). Each
choice takes one line, as the room left for the list counts them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_choice_list

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog, ReadingDialog

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after

LONG = [("A choice much longer than the dialog has room for on one line", "1"), ("Two", "2")]


@pytest.mark.parametrize(
    "dialog",
    [
        lambda: ReadingDialog("Follow-up: 王桂兰 · 2026-12-06 16:00"),
        lambda: AskDialog("Outcome", "Outcome", LONG),
    ],  # fmt: skip
    ids=["reading", "ask-long"],
)
async def test_an_open_list_of_long_choices_stays_inside_in_english(
    demo_home: Path, dialog
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        inside, shown = await open_choice_list(app, pilot, dialog())
        assert inside.contains_region(shown), (inside, shown)


@pytest.mark.parametrize(("lang", "both"), [("en", "Temperature, symptoms"), ("zh", "体温、症状")])
async def test_a_case_abnormal_on_both_says_both_at_80_columns(
    demo_home: Path, lang: str, both: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cases list's abnormal column was 14 wide: "temperature, s"."""
    from people_support import (
        key_behind_pin,
        member_named,
        office_clock_at,
        record_when_open,
        returnee_family,
    )
    from pilot_support import open_screen

    from fieldapp.services.common.identity import me
    from fieldapp.services.demo import workspace as demo
    from fieldapp.services.followups import plans
    from fieldapp.services.people import registry
    from fieldapp.tui.screens.followups import FollowupsScreen

    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(str(member_named("陈建国").id))
    slot = plans.due_readings()[0].slot_at
    record_when_open(plan_id, slot, {"FUP-01": "38.1", "FUP-02": "no"})
    demo.act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        case = next(line for line in lines if line.lstrip().startswith("陈建国"))
        assert both in case, case
