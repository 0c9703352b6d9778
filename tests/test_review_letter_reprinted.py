"""A hand-over letter printed again from the review screen (F5 → 4 → `l`, the whole
hand-over, then one of its hazards marked and `l`) was written under the same name,
handover-<date>-<reference>.pdf, over the first one without a word. The second is now
written beside it as …-2.pdf, the way an export names a file that is taken, the first is
kept as it was, and the screen names the file it wrote each time."""

from __future__ import annotations

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    move_to,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    people_home,
    said_written,
    skip_without_cjk_font,
)

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.review import ReviewFilters
from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")


async def test_a_letter_printed_again_is_written_beside_the_first(
    people: dict[str, str],
) -> None:
    skip_without_cjk_font()
    overdue = review.review_queue(ReviewFilters(queue="overdue"), limit=20)
    first = overdue[0]
    second = next(row for row in overdue if row.item_code != first.item_code)
    data = {"unit": "fire_brigade", "reference": "示网移〔2026〕9号", "date": today().isoformat()}
    review.bulk_apply([first.finding_id, second.finding_id], "handed_over", data=data)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("4")
        await settle(app, pilot, rounds=2)
        await move_to(screen, first.finding_id, pilot)
        await pilot.press("l")  # nothing marked: the letter of the whole hand-over
        await settle(app, pilot, rounds=2)
        await pilot.press("space")
        await pilot.press("l")  # and again for the one marked
        await settle(app, pilot, rounds=2)
        written = said_written(app)
    name = f"handover-{today():%Y%m%d}-示网移_2026_9号"
    documents = people_home() / "documents"
    assert [p.name for p in written] == [f"{name}.pdf", f"{name}-2.pdf"]
    assert sorted(p.name for p in documents.glob("handover-*.pdf")) == [
        f"{name}-2.pdf",
        f"{name}.pdf",
    ]
    pypdf = pytest.importorskip("pypdf")

    def items_in(pdf: str) -> list[str]:
        text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(documents / pdf).pages)
        return [row.item_code for row in (first, second) if row.item_code in text]

    assert items_in(f"{name}.pdf") == [first.item_code, second.item_code]  # kept as it was
    assert items_in(f"{name}-2.pdf") == [first.item_code]
