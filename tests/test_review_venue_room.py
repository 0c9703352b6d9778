"""The review queue (F5) at 80×24 gives the venue's name the room: the deadline's column
took 16 cells for "2026-10-27 late" while the venue's name was cut to 10 ("鼎美村·惠…").
A deadline within half a year reads "10-27 late" / "10-27 逾期" (the detail below says the
whole date), and the column is as wide as the page's deadlines need."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import open_screen, settle

from fieldapp.i18n import t
from fieldapp.services.review import ReviewRow
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.review_rows import deadline_cell
from fieldapp.tui.widgets import PagedTable


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_venue_s_name_gets_the_room_a_long_deadline_took(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")  # the active hazards, some of them late
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        assert table.row_count
        widths = {str(c.key.value): c.width for c in table.ordered_columns}
        deadlines = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
        assert table.max_scroll_x == 0
    late = t("review_ui.overdue_col")
    assert any(d.endswith(f" {late}") for d in deadlines), deadlines
    assert all(re.fullmatch(rf"\d\d-\d\d( {late})?", d) for d in deadlines), deadlines
    assert widths["deadline"] <= 10, widths
    # It had 10 in English; the state column's "To close out" (6b63384d) takes one more.
    assert widths["venue"] >= 14, widths


def test_a_deadline_far_off_reads_whole() -> None:
    def row(deadline: dt.date, overdue: bool) -> ReviewRow:
        return ReviewRow(
            "f1", "v1", "DM-0006", "鼎美村·惠民大排档(示例)", "COM-04", "major", "open",
            deadline, overdue, "陈晓明", None, False,
        )  # fmt: skip

    day = dt.date(2026, 12, 6)
    assert deadline_cell(row(dt.date(2026, 10, 27), True), day).startswith("10-27 ")
    assert deadline_cell(row(dt.date(2027, 9, 1), False), day) == "2027-09-01"
