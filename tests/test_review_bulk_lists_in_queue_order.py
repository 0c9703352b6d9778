"""F5, hazards marked from the bottom of the overdue queue up, then an action (e): the
dialog listed them in the order they were marked, not the queue's, so the person read a
list that matched nothing on the screen behind it. It lists them as the queue does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pilot_support import settle
from review_screen_support import move_to, open_review, table_keys
from test_review_dialog_refusals import SIZE

from fieldapp.services import review
from fieldapp.services.review import SORTS, ReviewFilters, in_queue_order
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog

pytestmark = pytest.mark.usefixtures("chinese")


async def test_the_action_dialog_lists_the_marked_in_the_queue_s_order(
    demo_supervisor: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue
        await settle(app, pilot, rounds=2)
        queue = table_keys(screen, "#review-table")[:4]
        for finding_id in reversed(queue):  # marked from the bottom up
            await move_to(screen, finding_id, pilot)
            await pilot.press("space")
        await settle(app, pilot)
        assert list(screen.marked) == queue[::-1]
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
    labels = {row.finding_id: row.label for row in screen.marked.values()}
    assert dialog.targets == [labels[finding_id] for finding_id in queue]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_marked_rows_sort_as_the_store_sorts_the_queue(
    demo_supervisor: Path, sort: str, descending: bool
) -> None:
    filters = ReviewFilters(queue="all", sort=sort, descending=descending)
    listed = review.review_queue(filters, limit=60)
    assert len(listed) > 8
    shuffled = random.Random(7).sample(listed, len(listed))
    assert [r.finding_id for r in in_queue_order(shuffled, filters)] == [
        r.finding_id for r in listed
    ]
