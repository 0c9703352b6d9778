"""The review screen's queues (demo workspace, as 王建国): a conflict between two supervisors,
paging and filters, every queue tab at 80 columns, and one label for a state in the table and
the detail.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    move_to,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    report_fixed,
    table_keys,
)
from review_world import verified_here_rejected_elsewhere
from textual.widgets import Input, Label, Static, Tab

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.review import ReviewFilters
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import PAGE
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


# --- conflicts ---------------------------------------------------------------------------


async def test_a_conflict_between_two_supervisors_is_shown_with_both_names(
    people: dict[str, str],
) -> None:
    conflicted = verified_here_rejected_elsewhere()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert "冲突 1" in str(screen.query_one("#q-conflicts").render())
        await pilot.press("5")
        await settle(app, pilot, rounds=2)
        assert table_keys(screen, "#review-table") == [conflicted]
        detail = str(screen.query_one("#detail-body", Static).render())
        assert "王建国" in detail and "郑村网格长" in detail
        assert "冲突：" in detail and "郑村网格长的设备" in detail and "0000001" not in detail
        await pilot.press("a")
        await settle(app, pilot, rounds=2)
        assert table_keys(screen, "#review-table") == []
        assert "冲突 0" in str(screen.query_one("#q-conflicts").render())
    assert Finding.get_by_id(conflicted).conflict is False


# --- paging and filters ---------------------------------------------------------------------


def add_findings(venue_id: str, inspector: str, count: int) -> None:
    deadline = today() + dt.timedelta(days=5)
    for n in range(count):
        fid = new_id()
        Finding.create(
            id=fid,
            venue=venue_id,
            item_code=f"COM-{n % 12 + 1:02d}",
            severity="general",
            deadline=deadline,
            created_at=now_iso(),
            created_by=inspector,
            state="open",
            current_deadline=deadline,
        )
        FindingEvent.create(
            id=new_id(),
            finding=fid,
            type="opened",
            actor=inspector,
            role="inspector",
            device_id="dev-bulk",
            at=now_iso(),
            data={"deadline": deadline.isoformat(), "severity": "general"},
        )


async def test_paging_with_more_than_a_page(people: dict[str, str]) -> None:
    venue = Finding.select().first().venue_id
    add_findings(venue, people["inspector"], 60)
    total = review.queue_count(ReviewFilters(queue="active"))
    assert total > PAGE
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("6")
        await settle(app, pilot, rounds=2)
        first = table_keys(screen, "#review-table")
        assert len(first) == PAGE
        title = str(screen.query_one("#review-page", Label).render())
        assert f"第 1–{PAGE} 条，共 {total} 条" in title
        await pilot.press("space")  # a mark survives paging
        await pilot.press("pagedown")
        await settle(app, pilot, rounds=2)
        second = table_keys(screen, "#review-table")
        assert len(second) == total - PAGE and not set(first) & set(second)
        assert screen.page_offset == PAGE and len(screen.marked) == 1
        await pilot.press("pagedown")  # no third page: stays
        await settle(app, pilot, rounds=2)
        assert screen.page_offset == PAGE
        await pilot.press("pageup")
        await settle(app, pilot, rounds=2)
        assert table_keys(screen, "#review-table") == first
        await pilot.press("s")  # sort by venue: same findings, another order
        await settle(app, pilot, rounds=2)
        assert screen.filters.sort == "venue" and len(screen.marked) == 1


async def test_filters_dialog_narrows_the_list(people: dict[str, str]) -> None:
    from textual.widgets import Select

    from fieldapp.tui.dialogs.review_filters import ReviewFiltersDialog

    expected = review.queue_count(ReviewFilters(queue="active", severity="major"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("6", "g")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ReviewFiltersDialog)
        dialog.query_one("#filter-severity", Select).value = "major"
        dialog.query_one("#filter-from", Input).value = "not a date"
        await pilot.press("f10")
        await pilot.pause()
        assert "不是日期" in str(dialog.query_one("#filter-error", Static).render())
        dialog.query_one("#filter-from", Input).value = "2026-06-10"
        dialog.query_one("#filter-to", Input).value = "2026-06-01"  # before "from": no day
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is dialog
        assert "2026-06-10晚于" in str(dialog.query_one("#filter-error", Static).render())
        dialog.query_one("#filter-from", Input).value = ""
        dialog.query_one("#filter-to", Input).value = ""
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert screen.filters.severity == "major"
        assert len(table_keys(screen, "#review-table")) == expected
        assert "重大" in str(screen.query_one("#review-filters", Label).render())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_queue_tab_is_whole_at_80_columns(people: dict[str, str], lang: str) -> None:
    """The six queues are reached by their numbers: each tab, number and name, must be on
    screen at 80 columns, in both languages."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        for tab in screen.query(Tab):
            assert tab.region.right <= 80, f"{tab.label.plain!r} ends at column {tab.region.right}"
            assert tab.region.width == tab.outer_size.width  # not cut short


# --- one state, one label -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_table_and_the_detail_name_a_state_alike(
    people: dict[str, str], lang: str
) -> None:
    """The table's short state label is the head of the detail pane's, for the same
    hazard: 待复查 and 待复查（已报整改）, not 待复查 and 已报整改待复查 (nor Open and
    Awaiting rectification)."""
    [reported] = report_fixed(1)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("6")  # active: open ones and the one reported fixed
        await settle(app, pilot, rounds=2)
        opened = next(r.finding_id for r in screen.rows if r.state == "open")
        table = screen.query_one("#review-table", PagedTable)
        for fid in (reported, opened):
            await move_to(screen, fid, pilot)
            await settle(app, pilot)
            label = str(table.get_row(fid)[2]).removeprefix("⚠ ")
            detail = str(screen.query_one("#detail-body", Static).render())
            assert f" · {label}" in detail, (label, detail.splitlines()[:6])


def test_each_state_reads_in_the_detail_as_its_short_form_begins() -> None:
    from fieldapp.domain.findings import STATES
    from fieldapp.i18n import text_in

    for lang in ("zh", "en"):
        for state in ("", *STATES):
            short = text_in(lang, f"review_ui.state_col.{state}")
            whole = text_in(lang, f"review.state.{state}")
            assert short and whole and whole.startswith(short), (lang, state, short, whole)
