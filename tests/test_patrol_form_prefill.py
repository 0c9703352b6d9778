"""The checkpoint's short form opened again shows what was saved for the visit, and its
item's label keeps a gap before the choice at 80 columns (it ran into it: …烟花是)."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, point_id, seed_patrol_store
from pilot_support import settle
from textual.widgets import DataTable, Label, Select

from fieldapp.store.patrol_models import PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.patrol_run import PatrolRunScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def test_the_form_opened_again_shows_the_saved_answer_beside_a_whole_label(
    home: Path,
) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-02"), "wedge")  # the fireworks point, reached
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        table = screen.query_one("#patrol-run-points", DataTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        label = dialog.query_one(".field-row Label", Label)
        choice = dialog.query_one("#ask-choice", Select)
        assert label.region.right < choice.region.x  # a blank column between them
        shown = label.render_line(0).text.rstrip()
        assert shown == "是否发现违规销售烟花爆竹？" or shown.endswith("…"), shown
        await pilot.press("enter", "down", "down", "enter")  # 否
        assert choice.value == "no"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        (scan,) = PatrolScan.select().where(PatrolScan.checkpoint == point_id("CP-02"))
        assert scan.answers == {"sale_seen": "no"}
        await pilot.press("e")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, AskDialog)
        assert again.query_one("#ask-choice", Select).value == "no"
        await pilot.press("f10")  # saved again as it was, without choosing anew
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
    (scan,) = PatrolScan.select().where(PatrolScan.checkpoint == point_id("CP-02"))
    assert scan.answers == {"sale_seen": "no"}
