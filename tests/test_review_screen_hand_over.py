"""Documents from the review screen (demo workspace, as 王建国): a hand-over to the fire
brigade and its letter, a letter asked for a hazard not handed over, and the rectification
notice, written or said to have failed.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    messages,
    move_to,
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    people_home,
    said_written,
    skip_without_cjk_font,
    table_keys,
)
from textual.widgets import Input, Static

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")


# --- hand-over and the letter --------------------------------------------------------------


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
