"""Bulk actions on the supervisor's review screen (demo workspace, as 王建国): a bulk verify
behind one confirmation, refusals with their reasons, the refused left marked, and the note a
rejection or a close must carry.
"""

from __future__ import annotations

import json

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    messages,
    move_to,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    report_fixed,
    sync_requests,
    table_keys,
)
from textual.message import Message
from textual.widgets import Input, Label, Static

from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.store.models import Finding, FindingEvent, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


# --- queues, bulk verify ---------------------------------------------------------------


async def test_bulk_verify_three_with_one_confirmation(people: dict[str, str]) -> None:
    [shown] = [r.finding_id for r in review.review_queue(ReviewFilters())]
    more = report_fixed(2)
    ops_before = Outbox.select().where(Outbox.type == "finding.event").count()
    app = make_app()
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await open_review(app, pilot)
        keys = table_keys(screen, "#review-table")
        assert set(keys) == {shown, *more}
        tab = str(screen.query_one("#q-awaiting_verification").render())
        assert "待复查 3" in tab
        await pilot.press("space", "space", "space")
        assert set(screen.marked) == set(keys)
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "BulkActionDialog"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        assert any("已执行 3 条。" in m for m in messages(app)), messages(app)
        assert table_keys(screen, "#review-table") == []
        assert screen.marked == {}
        assert sync_requests(seen) == ["finding.event"]  # the events go up in the background
    for fid in keys:
        assert Finding.get_by_id(fid).state == "closed"
        verified = FindingEvent.select().where(
            (FindingEvent.finding == fid) & (FindingEvent.type == "verified")
        )
        assert verified.count() == 1 and verified.get().actor == people["supervisor"]
    ops = [
        json.loads(o.payload)
        for o in Outbox.select().where(Outbox.type == "finding.event").order_by(Outbox.seq)
    ]
    assert len(ops) == ops_before + 3
    assert {op["finding_id"] for op in ops[-3:]} == set(keys)
    assert {op["event"]["type"] for op in ops[-3:]} == {"verified"}


async def test_refusals_are_listed_with_their_reasons(people: dict[str, str]) -> None:
    app = make_app()
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue: open findings, which cannot be verified
        await settle(app, pilot, rounds=2)
        assert screen.filters.queue == "overdue"
        await pilot.press("asterisk")
        await pilot.pause()
        assert "verified" in screen.refused  # not offered: no marked one can be
        # All active: open findings and one reported fixed. Verify is offered (one can
        # be); the others are refused after the one confirmation, each with its reason.
        await pilot.press("6")
        await settle(app, pilot, rounds=2)
        rows = list(screen.rows)
        overdue = [r.finding_id for r in rows if r.state == "open"]
        refused = [r for r in rows if r.state != "rectification_reported"]
        assert overdue and len(refused) < len(rows)
        await pilot.press("asterisk", "v")
        await pilot.pause()
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        body = "".join(str(w.render()) for w in app.screen.query(".reason-why").results(Static))
        assert body.count("隐患当前为“待整改”") == len(overdue)
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert any(f"未能执行 {len(refused)} 条" in m for m in messages(app))
        assert sync_requests(seen) == ["finding.event"]  # only what was applied is sent
    assert all(Finding.get_by_id(f).state == "open" for f in overdue)


async def test_an_impossible_new_deadline_is_said_to_be_no_date(people: dict[str, str]) -> None:
    report_fixed(1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("space", "r")  # reject the reported rectification: a new deadline
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        dialog.query_one("#bulk-deadline", Input).value = "2026-02-30"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog  # nothing applied: the person corrects the date
        said = str(dialog.query_one("#bulk-error", Static).render())
        assert said.split("\n")[0] == "新的整改期限：2026 年 2 月没有 30 日，请检查日期。"


# --- a note that must be written ------------------------------------------------------------


async def test_a_rejection_needs_a_note_saying_what_is_still_wrong(people: dict[str, str]) -> None:
    [fid] = report_fixed(1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await move_to(screen, fid, pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        note = dialog.query_one("#bulk-note", Input)
        assert note.placeholder.startswith("必填")
        deadline = dialog.query_one("#bulk-deadline", Input).value
        await pilot.press("f10")  # an empty note: refused in the dialog, which stays open
        await settle(app, pilot)
        assert app.screen is dialog
        said = str(dialog.query_one("#bulk-error", Static).render())
        assert "仍未整改到位的问题" in said
        assert dialog.query_one("#bulk-deadline", Input).value == deadline  # kept
        note.value = "灭火器仍过期"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
    state = findings.fold_of(fid)
    assert state.state == "open"
    rejected = FindingEvent.select().where(
        (FindingEvent.finding == fid) & (FindingEvent.type == "rejected")
    )
    assert rejected.get().note == "灭火器仍过期"


async def test_closing_hazards_never_reported_fixed_needs_a_note_in_bulk_too(
    people: dict[str, str],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue: open hazards, never reported fixed
        await settle(app, pilot, rounds=2)
        ids = [r.finding_id for r in screen.rows]
        assert ids and all(r.state == "open" for r in screen.rows)
        await pilot.press("asterisk", "c")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        note = dialog.query_one("#bulk-note", Input)
        assert note.placeholder.startswith("必填") and "无需复查" in note.placeholder
        note.value = "   "  # spaces are no note
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog
        said = str(dialog.query_one("#bulk-error", Static).render())
        assert "为何无需复查" in said and "当场整改" in said
        note.value = "已当场整改"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        said = messages(app)
        assert any(f"已执行 {len(ids)} 条。" in m for m in said), said
    assert all(Finding.get_by_id(f).state == "closed" for f in ids)


async def test_closing_a_hazard_reported_fixed_needs_no_note(people: dict[str, str]) -> None:
    [fid] = report_fixed(1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await move_to(screen, fid, pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#bulk-note", Input).placeholder == "可不填"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
    assert Finding.get_by_id(fid).state == "closed"


async def test_after_a_bulk_action_the_refused_stay_marked_and_only_they(
    people: dict[str, str],
) -> None:
    # A verify is refused after F10 for a hazard not reported fixed (an extension now
    # leaves the hazards it cannot extend out up front, so it refuses none after).
    fixed = report_fixed(2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("6")  # active: the open ones beside those reported fixed
        await settle(app, pilot, rounds=2)
        still_open = next(r.finding_id for r in screen.rows if r.state == "open")
        assert {*fixed, still_open} <= set(table_keys(screen, "#review-table"))
        for fid in (*fixed, still_open):
            await move_to(screen, fid, pilot)
            await pilot.press("space")
        assert set(screen.marked) == {*fixed, still_open}
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "BulkActionDialog"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert set(screen.marked) == {still_open}
        said = messages(app)[-1]
        assert "已执行 2 条，未能执行 1 条" in said and "1 条仍为选中" in said
        assert "已选 1 条" in str(screen.query_one("#review-page", Label).render())
        table = screen.query_one("#review-table", PagedTable)
        marks = {key: str(table.get_row(key)[0]) for key in table_keys(screen, "#review-table")}
        assert [key for key, cell in marks.items() if cell] == [still_open]
    assert [Finding.get_by_id(fid).state for fid in fixed] == ["closed", "closed"]
    assert Finding.get_by_id(still_open).state == "open"
