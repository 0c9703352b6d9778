"""ctrl+t on the grid head showed 张三丰 … 体温 已上报 and Enter on the case did nothing:
the 38.2 ℃ and the symptoms behind it were nowhere. Enter on a case now shows its
readings (temperature, symptoms, when, who recorded) and its events, at 80x24 in both
languages. The inspector's toast said 请报告网格长 while the case read 已上报: it now
says the case goes to the grid head with the sync (which the reading starts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import (
    key_behind_pin,
    member_named,
    office_clock_at,
    record_when_open,
    returnee_family,
)
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Static

from fieldapp.i18n import set_language, t
from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.followups import cases, plans
from fieldapp.services.people import registry
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.case_detail import CaseDetailDialog
from fieldapp.tui.screens.followups import FollowupsScreen

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.mark.parametrize(
    ("lang", "temperature", "symptoms", "handed"),
    [("zh", "体温 38.2 ℃", "有症状", "移交卫生院 · WSY-07"),
     ("en", "temperature 38.2 °C", "Has symptoms", "Handed over to the health centre · WSY-07")],
)  # fmt: skip
async def test_enter_on_a_case_shows_the_reading_and_events_behind_it(
    demo_home: Path,
    lang: str,
    temperature: str,
    symptoms: str,
    handed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    inspector = me().name
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(str(member_named("陈建国").id))
    slot = plans.due_readings()[0].slot_at
    record_when_open(plan_id, slot, {"FUP-01": "38.2", "FUP-02": "no"})
    demo.act_as("supervisor")
    cases.hand_over(cases.cases()[0].id, "WSY-07")
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
            assert screen.query_one("#followups-cases", DataTable).has_focus
            await pilot.press("enter")
            await settle(app, pilot, rounds=3)
            assert isinstance(app.screen, CaseDetailDialog)
            lines = [str(s.content) for s in app.screen.query(".case-line").results(Static)]
            reading = lines[0]
            assert temperature in reading and symptoms in reading and inspector in reading
            assert slot[:10] in reading
            assert any(handed in line and me().name in line for line in lines[1:]), lines
            region = app.screen.query_one(".person-box").region
            assert region.right <= 80 and region.bottom <= 24
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, FollowupsScreen)
    finally:
        set_language("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_abnormal_toast_says_the_sync_takes_the_case_to_the_grid_head(lang: str) -> None:
    set_language(lang)
    said = t("reading.abnormal", name="张三丰")
    assert ("将随同步报告网格长" if lang == "zh" else "goes to the grid head with the sync") in said
    assert "请报告" not in said and "tell the grid head" not in said
