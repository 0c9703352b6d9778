"""`i` on a hazard in the review (F5) opens the inspection that recorded it: in the
inspection review list with the cursor on it, or, when that list's filter leaves it out
(reviewed already), its read-only record. It opened the list with the cursor on the
newest inspection (YM-0006 for a hazard found at YM-0004)."""

from __future__ import annotations

from pathlib import Path

from pilot_support import SIZE, open_screen, screen_text, settle

from fieldapp.services.review import inspections as service
from fieldapp.services.review.queues import ReviewRow
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.inspection_review import InspectionReviewScreen
from fieldapp.tui.screens.review import ReviewScreen


async def to_hazard(app, pilot, screen: ReviewScreen, reviewed: bool) -> tuple[ReviewRow, str]:  # type: ignore[no-untyped-def]
    """On tab 6 (all active), the cursor moved down to the first hazard past the first
    row whose inspection is (not) in the review list; returns it and its inspection."""
    await pilot.press("6")
    await settle(app, pilot, rounds=2)
    for n, row in enumerate(screen.rows):
        inspection = service.finding_inspection(row.finding_id)
        if inspection is None:
            continue
        position = service.position_submitted(inspection)
        if n > 0 and (position is None) == reviewed and (reviewed or position):
            await pilot.press(*["down"] * n)
            await settle(app, pilot, rounds=2)
            assert screen.highlighted == row
            return row, inspection
    raise AssertionError("no such hazard in the demo")


async def test_i_on_a_hazard_puts_the_cursor_on_its_inspection(demo_supervisor: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f5", ReviewScreen)
        row, inspection = await to_hazard(app, pilot, screen, reviewed=False)
        await pilot.press("i")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, InspectionReviewScreen)
        highlighted = app.screen.highlighted
        assert highlighted is not None and highlighted.inspection_id == inspection
        assert highlighted.venue_code == row.venue_code
        detail = str(app.screen.query_one("#inspections-detail").render())
        assert row.venue_code in detail


async def test_i_on_a_hazard_of_a_reviewed_inspection_opens_its_record(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")
        await settle(app, pilot, rounds=2)
        first = screen.rows[1]
        inspection = service.finding_inspection(first.finding_id)
        assert inspection is not None
        service.mark_reviewed(inspection)  # out of the list's default filter (awaiting)
        row, inspection = await to_hazard(app, pilot, screen, reviewed=True)
        await pilot.press("i")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, InspectionRecordScreen)
        assert app.screen.inspection_id == inspection
        assert row.venue_code in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen


async def test_end_and_home_in_the_inspection_list_go_to_its_last_and_first_row(
    demo_supervisor: Path,
) -> None:
    """At 80x24 End scrolled the list (F5, i) sideways, its first columns out of sight,
    and left the cursor and the detail on the inspection they were on."""
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f5", ReviewScreen)
        await to_hazard(app, pilot, screen, reviewed=False)
        await pilot.press("i")
        await settle(app, pilot, rounds=3)
        listed = app.screen
        assert isinstance(listed, InspectionReviewScreen) and len(listed.rows) > 2
        for key, row in (("home", listed.rows[0]), ("end", listed.rows[-1])):
            await pilot.press(key)
            await settle(app, pilot)
            assert listed.highlighted == row
            shown = screen_text(app)
            assert "Submitted" in shown  # the first columns still in sight
            detail = str(listed.query_one("#inspections-detail").render())
            assert row.venue_code in detail and row.venue_name in detail
            await pilot.press("enter")  # the record of the row the cursor is on
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, InspectionRecordScreen)
            assert app.screen.inspection_id == row.inspection_id
            await pilot.press("escape")
            await settle(app, pilot)
