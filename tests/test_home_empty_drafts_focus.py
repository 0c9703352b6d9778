"""Home's unfinished-inspections table takes no focus while it is empty: Tab passes it by
(it stopped there invisibly, where ↓, End and Enter did nothing), and a focus it had
when its last draft was finished goes back to the due list."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.domain.clock import today
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def test_tab_passes_an_empty_drafts_table_by(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.query_one("#drafts").row_count == 0  # type: ignore[attr-defined]
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(screen.focused.id if screen.focused else None)
        assert "drafts" not in seen and "due" in seen and "findings" in seen


def finish(inspection_id: str) -> None:
    """Answer every item of a draft (each passes, or says 1) and submit it."""
    for item in inspections.load(inspection_id).checklist.items:
        if item.answer in ("yesno", "photo"):
            inspections.record_answer(inspection_id, item, "pass")
        elif item.answer == "choice":
            inspections.record_answer(inspection_id, item, "value", item.choices[0])
        elif item.answer == "date":
            inspections.record_answer(inspection_id, item, "value", today().isoformat())
        else:
            inspections.record_answer(inspection_id, item, "value", "1")
    inspections.submit(inspection_id, "店主")


async def test_finishing_the_last_draft_from_its_table_focuses_the_due_list(
    demo_home: Path,
) -> None:
    grids = grid_codes_under([code for code, _ in me().grids])
    venue = Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).first()
    draft_id = inspections.start_inspection(venue.id, presence="manual", reason="placard_missing")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("escape")  # not now: the offer to resume it
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.query_one("#drafts").focus()
        await settle(app, pilot)
        assert screen.focused is not None and screen.focused.id == "drafts"
        finish(draft_id)  # as if resumed from there and submitted
        screen.reload()  # as on coming back to Home
        await settle(app, pilot, rounds=2)
        assert screen.focused is not None and screen.focused.id == "due"
