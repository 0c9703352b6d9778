"""Inspection review from the review screen (demo workspace, as 王建国): an inspection returned
with a comment, and a photo opened on a machine without a viewer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from review_screen_support import (
    open_review,
    people_fixture,  # noqa: F401 (the people fixture)
    sync_requests,
    table_keys,
)
from textual.message import Message

from fieldapp.store.models import Inspection, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_review import InspectionReviewScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


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
