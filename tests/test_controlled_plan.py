"""Tagging a person 管控对象 did not start the 14-day, twice-a-day follow-up 篇一 asks for,
nor ask for the 三包一 team, and a plan could not be ended before its last day. Now:
saving a person newly tagged 管控对象 opens the controlled plan (twice a day, 14 days)
with its team, which must hold a town cadre, two 两委 cadres and a medical worker (said
when it does not); f on a person whose plan runs ends it early with a reason. 80x24, zh
and en."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import edit_person, key_behind_pin, member_named, on_person, returnee_family
from pilot_support import screen_text, settle
from rich.cells import cell_len
from rounds_support import Clock, china
from textual.widgets import Input, Label, Select, SelectionList

from fieldapp.domain.control_team import team_of
from fieldapp.domain.personal import new_key
from fieldapp.i18n import set_language, t
from fieldapp.services.common.identity import me
from fieldapp.services.followups import plan_end, plans
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.dialogs.plan import PlanDialog
from fieldapp.tui.screens.people import PeopleScreen

pytestmark = pytest.mark.usefixtures("chinese")
TEAM = {"town_cadre": ["王建华"], "village_cadre": ["李明", "赵芳"], "medical_worker": ["周丽"]}


def test_a_team_lacking_someone_is_refused_and_an_ended_plan_asks_no_more(tree: Clock) -> None:
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    father = str(member_named("陈建国").id)
    tree.set(china(2026, 6, 9, 20, 0))
    short = team_of({**TEAM, "village_cadre": ["李明"]})
    with pytest.raises(plans.TeamIncomplete, match="两委干部1名"):
        plans.create_plan(father, team=short)
    with pytest.raises(plans.TeamNameInvalid, match="^镇干部：请写人员的姓名"):
        plans.create_plan(father, team=team_of({**TEAM, "town_cadre": ["王"]}))  # a surname
    plan_id = plans.create_plan(father, start_on=dt.date(2026, 6, 10), team=team_of(TEAM))
    tree.set(china(2026, 6, 11, 10, 0))
    with pytest.raises(plans.PlanInvalid):
        plan_end.end_plan(plan_id, "  ")
    with pytest.raises(plans.PlanInvalid, match="^提前结束随访计划须用文字写明原因"):
        plan_end.end_plan(plan_id, "。。")  # punctuation is no reason
    plan_end.end_plan(plan_id, "转市人民医院")
    before_end = ["2026-06-10T08:00", "2026-06-10T16:00", "2026-06-11T08:00"]
    assert [d.slot_at for d in plans.due_readings()] == before_end  # not the 16:00 after it
    tree.set(china(2026, 6, 12, 9, 0))
    assert [d.slot_at for d in plans.due_readings()] == before_end
    sent = [o for o in Outbox.select().where(Outbox.type == "followup.plan").order_by(Outbox.seq)]
    assert len(sent) == 2
    assert plans.create_plan(father)  # ended: a new plan can start


async def _fill(app, pilot, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for role, text in values.items():
        app.screen.query_one(f"#plan-{role}", Input).value = text
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)


@pytest.mark.parametrize(
    ("lang", "lacks", "team_said", "ended_said"),
    [("zh", "两委干部1名", "三包一：王建华、李明、赵芳、周丽", "已提前结束"),
     ("en", "1 more village cadre", "team: 王建华, 李明, 赵芳, 周丽", "ended early")],
)  # fmt: skip
async def test_tagging_a_person_controlled_offers_the_plan_with_its_team(
    demo_home: Path, lang: str, lacks: str, team_said: str, ended_said: str
) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await edit_person(app, pilot, "陈建国")
            dialog.query_one("#person-tags", SelectionList).select("controlled")
            await pilot.press("ctrl+s")
            await settle(app, pilot, rounds=4)
            plan = app.screen
            assert isinstance(plan, PlanDialog), app.screen
            assert plan.query_one("#plan-cadence", Select).value == "twice_daily"
            box = plan.query_one(".person-box").region
            assert box.bottom <= 24 and box.right <= 80
            rule = t("plan.team.rule").split()[-1]  # "…one medical worke" was cut at the edge
            assert rule in screen_text(app), screen_text(app)
            for row in plan.query(".field-row"):  # "Village cadrestwo or more" ran together
                label = row.query_one(Label)
                assert cell_len(str(label.render())) < label.region.width, label.render()
            await _fill(app, pilot, {"town_cadre": "王", "village_cadre": "李明、赵芳",
                                     "medical_worker": "周丽"})  # fmt: skip
            said = str(plan.query_one("#plan-said").render())  # a surname names no one
            assert said.startswith(t("plan.team.town_cadre")) and FollowupPlan.select().count() == 0
            assert app.focused is plan.query_one("#plan-town_cadre")
            await _fill(app, pilot, {"town_cadre": "王建华", "village_cadre": "李明",
                                     "medical_worker": "周丽"})  # fmt: skip
            assert app.screen is plan and FollowupPlan.select().count() == 0
            assert lacks in str(plan.query_one("#plan-said").render())
            await _fill(app, pilot, {"village_cadre": "李明、赵芳"})
            assert isinstance(app.screen, PeopleScreen)
            held = FollowupPlan.get()
            assert (held.cadence, held.days) == ("twice_daily", 14)
            assert [m["name"] for m in held.team] == ["王建华", "李明", "赵芳", "周丽"]
            assert any(team_said in n.message for n in app._notifications)

            ending = await on_person(app, pilot, "陈建国", "f")
            assert isinstance(ending, AskDialog)
            ending.query_one("#ask-text", Input).value = "。。"  # no reason: said, kept
            await pilot.press("f10")
            await settle(app, pilot)
            said = str(ending.query_one("#ask-problem").render())
            assert app.screen is ending and said == t("free_text.plan_end_reason"), said
            assert FollowupPlan.get().ended_at is None
            assert ending.query_one("#ask-text", Input).value == "。。"
            ending.query_one("#ask-text", Input).value = ""
            await pilot.press(*"转院", "f10")
            await settle(app, pilot, rounds=3)
            assert FollowupPlan.get().end_reason == "转院"
            assert any(ended_said in n.message for n in app._notifications)
    finally:
        set_language("zh")
