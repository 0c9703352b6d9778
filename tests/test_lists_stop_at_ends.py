"""Short choice lists in dialogs stop at their last choice: ↓ once too often does not wrap
round to the first answer (a presence reason of 标牌缺失 recorded where 其他原因 was meant)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import presence_asked_by_hand, settle
from textual.app import App, ComposeResult
from textual.widgets import OptionList, RadioButton, Static

from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.widgets.stopping_lists import StoppingRadioSet

pytestmark = pytest.mark.usefixtures("chinese")


async def test_down_past_the_last_presence_reason_stays_on_it(demo_home: Path) -> None:
    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await presence_asked_by_hand(app, pilot)
        reasons = dialog.query_one("#presence-reasons", OptionList)
        await pilot.press(*["down"] * (reasons.option_count + 1))
        assert reasons.highlighted == reasons.option_count - 1  # 其他原因, not 标牌缺失
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog  # 其他原因 asks for its note first
        assert str(dialog.query_one("#presence-error", Static).render()) == t(
            "presence.note_needed"
        )
    assert Inspection.select().count() == before


class _Answers(App[None]):
    def compose(self) -> ComposeResult:
        with StoppingRadioSet(id="answers"):
            yield RadioButton("是")
            yield RadioButton("否")


async def test_a_radio_set_stops_at_its_ends() -> None:
    app = _Answers()
    async with app.run_test(size=(80, 24)) as pilot:
        answers = app.query_one("#answers", StoppingRadioSet)
        answers.focus()
        await pilot.press("down", "down")  # one more than needed
        await pilot.press("enter")
        assert answers.pressed_index == 1
        await pilot.press("up", "up")
        await pilot.press("enter")
        assert answers.pressed_index == 0
