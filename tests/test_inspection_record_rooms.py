"""A rental's inspection looked at again read-only: its per-room items are answered
under the room's code (RNT-02#1 … #3), and the record shows each room's answer on its
own row, in the order they were asked, not the item once as unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import DataTable, Static

from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Answer, Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen

pytestmark = pytest.mark.usefixtures("chinese")


def rental_with_rooms() -> tuple[str, list[str]]:
    """A submitted demo inspection with per-room answers, and its per-room codes."""
    for answer in Answer.select().where(Answer.item_code == "RNT-02#1"):
        inspection = Inspection.get_by_id(answer.inspection_id)
        if inspection.status == "submitted":
            codes = Answer.select(Answer.item_code).where(
                (Answer.inspection == inspection.id) & Answer.item_code.contains("#")
            )
            return inspection.id, [a.item_code for a in codes]
    raise AssertionError("the demo has no submitted rental with rooms")


async def test_each_rooms_answer_is_on_its_own_row(demo_home: Path) -> None:
    inspection_id, room_codes = rental_with_rooms()
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        app.push_screen(InspectionRecordScreen(inspection_id))
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, InspectionRecordScreen)
        table = screen.query_one("#record-items", DataTable)
        shown = {
            str(table.coordinate_to_cell_key((n, 0)).row_key.value): str(table.get_row_at(n)[2])
            for n in range(table.row_count)
        }
        assert "RNT-02" not in shown  # the item is not also shown once, unanswered
        for code in room_codes:
            assert shown[code] != "未作答", code
        rooms = [code for code in shown if "#" in code]
        assert rooms[:2] == ["RNT-02#1", rooms[1]] and rooms[1].endswith("#1")  # room by room
        table.move_cursor(row=list(shown).index("RNT-02#2"))
        await settle(app, pilot)
        detail = str(screen.query_one("#record-item", Static).render())
        assert detail.startswith("RNT-02#2 ") and "未作答" not in detail
