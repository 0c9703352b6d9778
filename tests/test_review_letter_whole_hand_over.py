"""Four hazards handed over together (F5, tab 3, ctrl+a, h, 消防大队, one 文号, F10) are
one hand-over, and the letter to the unit must name them all; `l` on one of them with
nothing marked wrote a letter naming only the cursor's, under the 文号 all four share.
Now `l` with nothing marked prints the letter of every hazard handed over under the
cursor's receiving unit and 文号, and no hazard of another hand-over."""

from __future__ import annotations

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    move_to,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    said_written,
    skip_without_cjk_font,
)

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.review import ReviewFilters
from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")


async def test_l_on_one_hazard_prints_the_whole_hand_over(people: dict[str, str]) -> None:
    skip_without_cjk_font()
    pypdf = pytest.importorskip("pypdf")
    overdue = review.review_queue(ReviewFilters(queue="overdue"), limit=20)
    by_item = list({row.item_code: row for row in overdue}.values())
    together, other = by_item[:3], by_item[3]
    day = today().isoformat()
    review.bulk_apply(
        [row.finding_id for row in together],
        "handed_over",
        data={"unit": "fire_brigade", "reference": "公移〔2026〕12号", "date": day},
    )
    review.bulk_apply(
        [other.finding_id],
        "handed_over",
        data={"unit": "fire_brigade", "reference": "公移〔2026〕13号", "date": day},
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("4")
        await settle(app, pilot, rounds=2)
        await move_to(screen, together[1].finding_id, pilot)
        assert not screen.marked
        await pilot.press("l")
        await settle(app, pilot, rounds=2)
        written = said_written(app)
    assert [p.name for p in written] == [f"handover-{today():%Y%m%d}-公移_2026_12号.pdf"]
    text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(written[0]).pages)
    assert [row.item_code in text for row in together] == [True, True, True]
    assert other.item_code not in text
