"""The hazard detail (F5) at 80×24 keeps the deadline in sight, whole: its five lines
ended with "一般 · 待复查（已报整改） · 整改期限", the date on the line below, out of
sight. The state and the deadline come straight under the venue, the deadline on a line
of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.containers import VerticalScroll

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable


def detail_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of the detail's text as seen on the screen."""
    region = app.screen.query_one("#detail-scroll", VerticalScroll).content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].text[region.x : region.right] for y in range(region.y, region.bottom)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_hazard_s_deadline_is_seen_whole_at_80x24(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")  # the active hazards
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        assert table.row_count
        table.focus()
        deadline = re.compile(
            re.escape(t("review_ui.deadline", date="@")).replace("@", r"\d{4}-\d\d-\d\d")
        )
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await settle(app, pilot, rounds=2)
            lines = detail_lines(app)
            assert any(deadline.search(line) for line in lines), lines
