"""The supervisor's review screens against the real app on the demo workspace.

Pilot drives `make_app()` as the demo supervisor (王建国): the awaiting-verification
queue, a bulk verify behind one confirmation, a hand-over to the fire brigade and its
letter, a conflict between two supervisors, paging, inspection review, and an inspector
who may not open any of it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from review_world import verified_here_rejected_elsewhere
from textual.message import Message
from textual.widgets import Input, Label, Static, Tab

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.common import settings
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.store.models import Finding, FindingEvent, Inspection, Outbox
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspection_review import InspectionReviewScreen
from fieldapp.tui.screens.review import PAGE, ReviewScreen
from fieldapp.tui.screens.sync import SyncRequested
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def people(demo_home: Path) -> dict[str, str]:
    """The demo's people (inspector, inspector2, supervisor); the device acts as supervisor."""
    demo.act_as("supervisor")
    return dict(settings.get(demo.DEMO_SETTING)["people"])


async def open_review(app: FieldApp, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def table_keys(screen: ReviewScreen | InspectionReviewScreen, selector: str) -> list[str]:
    table = screen.query_one(selector, PagedTable)
    return [str(table.coordinate_to_cell_key((n, 0)).row_key.value) for n in range(table.row_count)]


async def move_to(screen: ReviewScreen, finding_id: str, pilot) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one("#review-table", PagedTable)
    table.move_cursor(row=table.get_row_index(finding_id))
    await settle(screen.app, pilot)  # type: ignore[arg-type]


def sync_requests(seen: list[Message]) -> list[str]:
    """The reasons of the SyncRequested messages the app received."""
    return [m.reason for m in seen if isinstance(m, SyncRequested)]


def messages(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications]


def report_fixed(count: int) -> list[str]:
    """The demo inspector reports `count` more open findings fixed (through the services)."""
    demo.act_as("inspector")
    chosen = [
        f.id
        for f in Finding.select()
        .where((Finding.state == "open") & (Finding.severity == "general"))
        .order_by(Finding.current_deadline.desc())
        .limit(count)
    ]
    for fid in chosen:
        findings.append_event(fid, "rectification_reported", note="已整改")
    demo.act_as("supervisor")
    return chosen


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


# --- hand-over and the letter --------------------------------------------------------------


def skip_without_cjk_font() -> None:
    """The only reason a document test may skip: this machine has no CJK font (checked by
    that cause itself, before the test, never inferred from a missing file)."""
    from fieldapp.reports.placards import FontMissing, find_cjk_font

    try:
        find_cjk_font()
    except FontMissing as missing:
        pytest.skip(f"no CJK font on this machine: {missing}")


def said_written(app: FieldApp) -> list[Path]:
    """The paths the screen said it wrote ("已生成 <path>"); each must exist."""
    paths = [Path(m.removeprefix("已生成 ")) for m in messages(app) if m.startswith("已生成 ")]
    for path in paths:
        assert path.is_file() and path.stat().st_size > 0, f"said written, not there: {path}"
    return paths


async def test_hand_over_overdue_major_and_print_the_letter(people: dict[str, str]) -> None:
    from fieldapp.tui.dialogs.bulk_action import BulkActionDialog

    skip_without_cjk_font()

    [major] = review.review_queue(ReviewFilters(queue="overdue", severity="major"), limit=1)
    reference = "示网移〔2026〕7号"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")
        await settle(app, pilot, rounds=2)
        await move_to(screen, major.finding_id, pilot)
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.query_one("#bulk-date", Input).value = "2026-02-30"
        await pilot.press("f10")  # nothing chosen yet: said in the dialog, not closed
        await pilot.pause()
        assert "接收单位" in str(dialog.query_one("#bulk-error", Static).render())  # first
        dialog.choose("#bulk-unit", "fire_brigade")
        await pilot.press("f10")
        await pilot.pause()
        assert "文号" in str(dialog.query_one("#bulk-error", Static).render())  # the form's order
        dialog.query_one("#bulk-reference", Input).value = reference
        await pilot.press("f10")
        await pilot.pause()
        assert "2026 年 2 月没有 30 日" in str(dialog.query_one("#bulk-error", Static).render())
        tomorrow = (today() + dt.timedelta(days=1)).isoformat()
        dialog.query_one("#bulk-date", Input).value = tomorrow  # a day not come: said
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is dialog
        assert f"移交日期 {tomorrow} 还没到" in str(
            dialog.query_one("#bulk-error", Static).render()
        )
        dialog.query_one("#bulk-date", Input).value = today().isoformat()
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert any("已执行 1 条。" in m for m in messages(app)), messages(app)
        state = findings.fold_of(major.finding_id)
        assert (state.state, state.handed_over_to, state.reference) == (
            "handed_over",
            "fire_brigade",
            reference,
        )
        await pilot.press("4")
        await settle(app, pilot, rounds=2)
        assert table_keys(screen, "#review-table") == [major.finding_id]
        detail = str(screen.query_one("#detail-body", Static).render())
        assert "消防大队" in detail and reference in detail
        await pilot.press("l")
        await settle(app, pilot, rounds=2)
        written = said_written(app)
    pdfs = list((people_home() / "documents").glob("handover-*.pdf"))
    assert pdfs, f"letter not written: {messages(app)[-1]}"
    assert written == pdfs
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdfs[0].read_bytes()))
    text = "".join("".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "消防大队" in text and reference in text and major.venue_name in text


async def test_a_letter_for_a_hazard_not_handed_over_names_it_as_the_screen_does(
    people: dict[str, str],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")  # overdue: open findings, none handed over
        await settle(app, pilot, rounds=2)
        row = screen.highlighted
        assert row is not None and row.state == "open"
        await pilot.press("l")
        await settle(app, pilot, rounds=2)
        said = messages(app)[-1]
    hazard = f"{row.venue_code} {row.venue_name} · {row.item_code}"
    assert said == f"隐患（{hazard}）尚未移交，不能出具移交单。"
    assert row.finding_id not in said


def people_home() -> Path:
    from fieldapp.paths import data_home

    return data_home()


async def test_rectification_notice_for_the_highlighted_venue(people: dict[str, str]) -> None:
    skip_without_cjk_font()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("2")
        await settle(app, pilot, rounds=2)
        row = screen.highlighted
        assert row is not None
        await pilot.press("p")
        await settle(app, pilot, rounds=2)
        written = said_written(app)
    pdfs = list((people_home() / "documents").glob(f"notice-{row.venue_code}-*.pdf"))
    assert pdfs, f"notice not written: {messages(app)[-1]}"
    assert written == pdfs
    assert pdfs[0].stat().st_size > 1000


async def test_a_notice_that_was_not_written_is_said_as_a_failure(
    people: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.reports import notices

    monkeypatch.setattr(notices, "render_notice", lambda doc, out=None, **kw: b"")  # wrote nothing
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("2")
        await settle(app, pilot, rounds=2)
        await pilot.press("p")
        await settle(app, pilot, rounds=2)
        said = messages(app)
    assert not any(m.startswith("已生成") for m in said), said
    assert any(m.startswith("未能生成") for m in said), said


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


# --- roles -------------------------------------------------------------------------------


async def test_an_inspector_has_no_review_key_and_cannot_open_it(demo_home: Path) -> None:
    from fieldapp.tui.commands import FieldCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        assert app.person_role == "inspector"
        shown = {b.id for _, b, _, _ in app.screen.active_bindings.values()}
        assert "app.review" not in shown
        labels = [label for label, *_ in FieldCommands(app.screen)._commands()]
        assert not any(label.startswith("复查") for label in labels)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        app.push_screen(ReviewScreen())  # even pushed directly, it closes and says why
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        assert any("只有网格长或管理员" in m for m in messages(app))


async def test_a_supervisor_has_the_key_in_the_footer_and_the_palette(
    people: dict[str, str],
) -> None:
    from fieldapp.tui.commands import FieldCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        shown = {b.id: b.description for _, b, _, _ in app.screen.active_bindings.values()}
        assert shown.get("app.review") == "复查"
        labels = [label for label, *_ in FieldCommands(app.screen)._commands()]
        assert "复查（f5）" in labels  # brackets of the language
        screen = await open_review(app, pilot)
        labels = [label for label, *_ in FieldCommands(screen)._commands()]
        for expected in ("复查通过", "移交", "移交单", "整改通知书", "检查记录", "筛选"):
            assert any(label.startswith(expected) for label in labels), labels


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


# --- inspection review --------------------------------------------------------------------


async def test_return_an_inspection_with_a_comment(people: dict[str, str]) -> None:
    app = make_app()
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await open_review(app, pilot)
        await pilot.press("i")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, InspectionReviewScreen)
        table = screen.query_one("#inspections-table", PagedTable)
        manual = [r for r in screen.rows if r.manual]
        assert manual and all(str(table.get_row(r.inspection_id)[0]) == "⚠" for r in manual)
        await pilot.press("m")
        await settle(app, pilot, rounds=2)
        assert screen.rows and all(r.manual for r in screen.rows)
        assert screen.highlighted is not None  # `i` put the cursor on a hazard's inspection
        target = screen.highlighted.inspection_id
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommentDialog"
        await pilot.press("enter")  # an empty comment is refused in the dialog
        await pilot.pause()
        assert type(app.screen).__name__ == "CommentDialog"
        assert sync_requests(seen) == []
        await pilot.press(*"未扫码请补拍标牌", "enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectionReviewScreen)
        assert sync_requests(seen) == ["inspection.review"]
        assert target not in table_keys(screen, "#inspections-table")  # no longer pending
        await pilot.press("s")  # show: returned
        await settle(app, pilot, rounds=2)
        assert table_keys(screen, "#inspections-table") == [target]
        row = table.get_row(target)
        assert "已退回" in [str(c) for c in row] and "未扫码请补拍标牌" in [str(c) for c in row]
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
    inspection = Inspection.get_by_id(target)
    assert (inspection.review_state, inspection.review_comment) == ("returned", "未扫码请补拍标牌")
    op = Outbox.select().where(Outbox.type == "inspection.review").get()
    assert json.loads(op.payload)["comment"] == "未扫码请补拍标牌"


# --- photos ---------------------------------------------------------------------------------


def test_opening_a_photo_without_a_viewer_says_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.tui.screens import viewer

    photo = tmp_path / "a.jpg"
    assert "不在本机" in viewer.open_with_viewer(str(photo)).text
    photo.write_bytes(b"\xff\xd8")
    monkeypatch.setattr(viewer.shutil, "which", lambda name: None)
    said = viewer.open_with_viewer(str(photo))
    assert not said.opened
    assert "本机没有 xdg-open" in said.text and str(photo) in said.text
    # An opener but no desktop to show it on (a terminal over ssh): said, not started.
    monkeypatch.setattr(viewer.shutil, "which", lambda name: "/usr/bin/xdg-open")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    said = viewer.open_with_viewer(str(photo))
    assert "没有图形界面" in said.text and str(photo) in said.text


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
        assert said == "2026 年 2 月没有 30 日，请检查日期。"


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
    [overdue] = review.review_queue(ReviewFilters(queue="overdue"), limit=1)
    data = {"unit": "police_station", "reference": "示网移〔2026〕9号"}
    [handed] = review.bulk_apply([overdue.finding_id], "handed_over", data=data)
    assert handed.applied  # no longer open: its deadline cannot be extended
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("6")  # active: the handed-over one among the open ones
        await settle(app, pilot, rounds=2)
        extendable = [
            r.finding_id for r in screen.rows if r.state in ("open", "rectification_reported")
        ]
        assert overdue.finding_id in table_keys(screen, "#review-table") and extendable
        await pilot.press("asterisk", "e")
        await pilot.pause()
        assert type(app.screen).__name__ == "BulkActionDialog"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert set(screen.marked) == {overdue.finding_id}
        said = messages(app)[-1]
        assert f"已执行 {len(extendable)} 条，未能执行 1 条" in said and "1 条仍为选中" in said
        assert "已选 1 条" in str(screen.query_one("#review-page", Label).render())
        table = screen.query_one("#review-table", PagedTable)
        marks = {key: str(table.get_row(key)[0]) for key in table_keys(screen, "#review-table")}
        assert [key for key, cell in marks.items() if cell] == [overdue.finding_id]


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
