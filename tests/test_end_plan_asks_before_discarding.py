"""Ending a running plan early (F11, a person whose plan runs, `f`): Esc threw the reason
typed away at once, while the plan and person dialogs ask 放弃已填写的内容？ first. It asks
the same way now: kept, the reason is still there; discarded, the plan runs on. Its empty
reason field had no border and no placeholder, so it looked like there was no field; it
is bordered and says where to type, as the other forms' fields. 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import on_person, returnee_under_a_plan
from pilot_support import screen_text, settle
from textual.widgets import Input

from fieldapp.i18n import t
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.discarding import DiscardQuestion
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.people import PeopleScreen

ASKED = {"zh": "放弃已填写的内容？", "en": "Discard what you typed?"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_esc_on_a_reason_typed_asks_first(demo_home: Path, lang: str) -> None:
    returnee_under_a_plan()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        ending = await on_person(app, pilot, "陈建国", "f")
        assert isinstance(ending, AskDialog)
        field = ending.query_one("#ask-text", Input)
        assert t("ask.type_here") in screen_text(app)  # the empty field says where to type
        assert field.region.height == 3  # bordered, as the other forms' fields
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("f")
        await settle(app, pilot)
        ending = app.screen
        assert isinstance(ending, AskDialog)
        field = ending.query_one("#ask-text", Input)
        await pilot.press(*"moved")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardQuestion)
        assert ASKED[lang] in screen_text(app)
        await pilot.press("escape")  # keep: the reason as it was
        await settle(app, pilot)
        assert app.screen is ending and field.value == "moved" and app.focused is field
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
    assert FollowupPlan.get().end_reason in (None, "")  # the plan runs on
