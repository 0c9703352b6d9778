"""The reading dialog (Ctrl+T, e on a due reading) started its symptoms on 无发热、咳嗽、乏力等
症状, so F10 after the temperature saved a reading whose symptoms question nobody had
answered. It now starts on 请选择 / Choose and saves only once a choice is made, saying
what is missing as the other dialogs' required choices do. At 80x24, zh and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import (
    key_behind_pin,
    member_named,
    open_reading,
    plan_made_this_morning,
    returnee_family,
)
from pilot_support import screen_text, settle
from textual.widgets import Input, Select

from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.followups import plans
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupReading
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import ReadingDialog

SAID = {
    "zh": ("请选择", "还没有选择：按回车打开列表选一项", "无发热、咳嗽、乏力等症状"),
    "en": ("Choose", "Nothing chosen yet: press Enter to open the list", "No fever, cough"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_reading_is_saved_only_once_its_symptoms_are_chosen(
    demo_home: Path, lang: str
) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    plan_made_this_morning(plans.create_plan(str(member_named("陈建国").id)))
    prompt, missing, none = SAID[lang]
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await open_reading(app, pilot)
            assert prompt in screen_text(app) and none not in screen_text(app)
            dialog.query_one("#reading-temperature", Input).value = "36.5"
            await pilot.press("f10")
            await settle(app, pilot, rounds=2)
            assert app.screen is dialog and FollowupReading.select().count() == 0
            assert missing in screen_text(app)
            assert dialog.query_one("#reading-symptoms", Select).has_focus
            await pilot.press("enter", "down", "enter")  # the list opens on 请选择
            await settle(app, pilot)
            assert none in screen_text(app)
            await pilot.press("f10")
            await settle(app, pilot, rounds=3)
            assert not isinstance(app.screen, ReadingDialog)
            assert [r.answers["FUP-02"] for r in FollowupReading.select()] == ["yes"]
    finally:
        set_language("zh")
