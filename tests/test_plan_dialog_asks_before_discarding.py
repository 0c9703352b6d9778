"""Esc on the follow-up plan (F11, a person, `f`) threw away the team typed into it
without a word, while the person dialog asks 放弃已填写的内容？ first. It asks the same
way now: kept, the names are still there; discarded, no plan is made. As opened, Esc
closes it at once. 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin, on_person, returnee_family
from pilot_support import screen_text, settle
from textual.widgets import Input

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.discarding import DiscardQuestion
from fieldapp.tui.dialogs.plan import PlanDialog
from fieldapp.tui.screens.people import PeopleScreen

ASKED = {"zh": "放弃已填写的内容？", "en": "Discard what you typed?"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_esc_on_a_plan_typed_into_asks_first(demo_home: Path, lang: str) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await on_person(app, pilot, "陈建国", "f")
        assert isinstance(plan, PlanDialog)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("f")
        await settle(app, pilot)
        plan = app.screen
        assert isinstance(plan, PlanDialog)
        town = plan.query_one("#plan-town_cadre", Input)
        town.focus()
        await pilot.press(*"Wang")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardQuestion)
        assert ASKED[lang] in screen_text(app)
        await pilot.press("escape")  # keep: the plan as it was
        await settle(app, pilot)
        assert app.screen is plan and town.value == "Wang" and app.focused is town
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
    assert FollowupPlan.select().count() == 0
