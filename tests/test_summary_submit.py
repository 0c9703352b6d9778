"""Functional: the summary's refused submit — the representative's name typed is kept for
the inspection, and the unanswered required items are said before the missing name."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_types import MaxLen
from inspect_support import inspecting
from textual.widgets import Input, Static

from fieldapp.services.inspection.inspections import REPRESENTATIVE_MAX
from fieldapp.store.models import Inspection
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.summary import SummaryScreen
from sync.protocol.payloads import InspectionPayload

SIZE = (80, 24)
pytestmark = pytest.mark.usefixtures("chinese")


def message_of(summary: SummaryScreen) -> str:
    return str(summary.query_one("#summary-message", Static).render())


async def test_the_name_typed_is_kept_when_submit_is_refused(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        await pilot.press("3", "enter", "y")  # COM-01, COM-02; COM-03 … still unanswered
        await pilot.press("s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press(*"王老板", "enter")
        assert app.screen is summary and message_of(summary).startswith("不能提交")
        await pilot.press("escape")
        assert app.screen is screen and isinstance(screen, InspectScreen)
        assert screen.item.code == "COM-03"
        await pilot.press("y")  # answer one more, and back to the summary
        await pilot.press("s")
        again = app.screen
        assert isinstance(again, SummaryScreen) and again is not summary
        assert again.query_one("#representative", Input).value == "王老板"
        await pilot.press("escape")  # kept also when going back without submitting
        assert app.screen is screen
    inspection = Inspection.get_by_id(screen.inspection_id)
    assert (inspection.status, inspection.representative) == ("draft", "王老板")


async def test_unanswered_items_are_said_before_the_missing_name(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, _):
        await pilot.press("3", "enter", "y")
        await pilot.press("s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press("f10")  # no name, and required items unanswered
        assert app.screen is summary
        message = message_of(summary)
        assert message.startswith("不能提交：还有必答项未答：COM-03, ")
        assert message.index("COM-03") < message.index("场所负责人姓名")
        assert app.focused is summary.query_one("#representative", Input)


async def test_the_representatives_name_stops_at_its_bound(home: Path) -> None:
    """An 80-character name was taken whole: the field stops at REPRESENTATIVE_MAX, which
    its label says, and which the wire's bound for the name holds."""
    async with inspecting("zh", SIZE) as (app, pilot, _):
        await pilot.press("3", "enter", "y", "s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press(*("王" * 80))
        field = summary.query_one("#representative", Input)
        assert field.value == "王" * REPRESENTATIVE_MAX
        shown = "\n".join(strip.text for strip in summary._compositor.render_strips())
        assert f"最多 {REPRESENTATIVE_MAX} 字" in shown, shown
    wire = InspectionPayload.model_fields["representative"].metadata
    assert next(m.max_length for m in wire if isinstance(m, MaxLen)) >= REPRESENTATIVE_MAX


@pytest.mark.parametrize(("lang", "how"), [("zh", "按 Esc 返回检查项，按 u"), ("en", "Press Esc")])
async def test_the_refusal_says_how_to_go_back_and_answer_and_that_way_works(
    home: Path, lang: str, how: str
) -> None:
    """The refusal "不能提交：还有必答项未答：…" left the inspector to find the way back: it says the
    keys, and Esc then u land on an item still unanswered."""
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        await pilot.press("3", "enter", "y", "s")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press(*"Li", "f10")
        message = message_of(summary)
        assert "COM-03" in message and how in message, message
        await pilot.press("escape", "u")
        assert app.screen is screen and isinstance(screen, InspectScreen)
        assert screen.item.code in summary.summary.missing_required
