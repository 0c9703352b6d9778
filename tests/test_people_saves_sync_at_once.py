"""A person saved on the people screen (F11), a follow-up plan made there and a reading
recorded on the follow-ups screen (Ctrl+T, a fever of a controlled person) waited for the
3-minute background sync even online, so 未同步记录：2 stayed and a fever case reached the
grid head minutes late. Each now asks the app to sync at once, as an inspection's submit
and a hazard's event do (SyncRequested); what was refused asks nothing. At 80x24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import (
    edit_person,
    key_behind_pin,
    member_named,
    open_reading,
    returnee_family,
    returnee_planned_at,
)
from pilot_support import settle
from textual.message import Message
from textual.widgets import DataTable, Input, Select

from fieldapp.domain import clock
from fieldapp.services.common import settings
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupCase, FollowupReading
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog, fever_denied_words
from fieldapp.tui.dialogs.plan import PlanDialog
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens.people import PeopleScreen
from fieldapp.tui.widgets.dialog_foot import FormMessage


@pytest.fixture
def unlocked(demo_home: Path) -> Path:
    key_behind_pin()
    return demo_home


def _asked(seen: list[Message]) -> list[str]:
    return [m.reason for m in seen if isinstance(m, SyncRequested)]


async def test_a_person_saved_and_a_plan_made_are_sent_at_once(unlocked: Path) -> None:
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    seen: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        dialog = await edit_person(app, pilot, "陈建国")
        dialog.query_one("#person-note", Input).value = "发热，居家观察"
        await pilot.press("ctrl+s")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert member_named("陈建国").note == "发热，居家观察"
        assert _asked(seen) == ["household.upsert"]
        app.screen.query_one("#people-table", DataTable).focus()
        for dialog in (PlanDialog, AskDialog):  # then: end it early? (no reason: not sent)
            await pilot.press("f")
            await settle(app, pilot)
            assert isinstance(app.screen, dialog)
            await pilot.press("f10")
            await settle(app, pilot, rounds=2)
            assert _asked(seen) == ["household.upsert", "followup.plan"]


async def test_a_fever_reading_is_sent_at_once(
    demo_home: Path, chinese_in_utc: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also: 38.6 ℃ with 无发热… is refused in the form (nothing saved, nothing sent), and
    the case is listed at the office's time: on a UTC host with the office in Shanghai the
    list said the UTC time of the day before (2026-12-07 23:00 for 12-08 07:00)."""
    settings.put(clock.OFFICE_ZONE_SETTING, "Asia/Shanghai")  # as a sync brings it
    clock.use_zone("Asia/Shanghai")
    returnee_planned_at(monkeypatch, dt.time(7, 0))  # 23:00 UTC the day before
    app = make_app()
    seen: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        dialog = await open_reading(app, pilot)
        dialog.query_one("#reading-temperature", Input).value = "38.6"
        dialog.query_one("#reading-symptoms", Select).value = "yes"  # 无发热…: contradicts
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is dialog and FollowupReading.select().count() == 0
        refused = str(dialog.query_one("#reading-said", FormMessage).render())
        assert refused == fever_denied_words("38.6") and "38.6" in refused and "37.2" in refused
        assert dialog.query_one("#reading-symptoms", Select).has_focus and _asked(seen) == []
        dialog.query_one("#reading-symptoms", Select).value = "no"  # 有症状
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert FollowupCase.select().count() == 1  # the fever opened a case
        said = [n.message for n in app._notifications if "随访异常" in n.message]
        assert said == ["陈建国 随访异常：已生成异常事项，将随同步报告网格长。"], said  # a stop
        assert _asked(seen) == ["followup.reading"]
        listed = app.screen.query_one("#followups-cases", DataTable).get_row_at(0)
        assert listed[:2] == ["陈建国", f"{clock.today()} 07:00"], listed
