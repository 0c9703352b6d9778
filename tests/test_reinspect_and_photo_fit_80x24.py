"""At 80×24 the re-inspect dialog and the photo picker fit, nothing to scroll: the
re-inspect dialog's "Photo file path (optional)" label showed with its input below the
buttons (the dialog scrolled), and the picker's scroll bar thumb (▇▇) sat beside its
buttons. The re-inspection's note and photo path are on a line each, as the short forms'
fields; the picker's file tree is two lines shorter. A hazard the supervisor rejected shows
the rejection's note whole (it said only the state and the deadline), and still fits. The
picker's tree, at the home folder, lists no hidden folders or files (`.cache`, `.cargo`
came first and filled it)."""

from __future__ import annotations

from pathlib import Path

import inspect_support
import pytest
from inspect_support import inspecting
from pilot_support import at_home, settle
from test_form_messages_in_sight import in_sight
from test_review_outcome_shown import reviewed
from textual.containers import Vertical
from textual.widgets import DirectoryTree, Input, Static

from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.photo import PhotoDialog
from fieldapp.tui.dialogs.reinspect import ReinspectDialog

SMALL = (80, 24)
# Two lines at 80 columns, in either language
REJECTED = "楼梯仍有纸箱堆放，二楼东侧安全出口外仍堆放杂物，消防通道被占用，清理后拍照再报整改"


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_reinspection_shows_every_field_and_its_buttons(
    demo_home: Path, lang: str
) -> None:
    for finding in Finding.select().where(Finding.state.in_(("open", "rectification_reported"))):
        reviewed(finding, "rejected", REJECTED, deadline="2026-12-14")
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await at_home(app, pilot)
        app.screen.query_one("#findings").focus()  # the hazards I own: the first one
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ReinspectDialog)
        box = dialog.query_one(".dialog-box", Vertical)
        assert box.max_scroll_y == 0  # nothing below the fold
        review = dialog.query_one("#reinspect-review", Static)
        assert "".join(str(review.render()).split()).endswith(REJECTED) and in_sight(app, review)
        for field in ("#reinspect-fixed", "#reinspect-note", "#reinspect-photo"):
            assert in_sight(app, dialog.query_one(field)), field
        assert in_sight(app, dialog.query_one("#reinspect-save"))
        photo = dialog.query_one("#reinspect-photo", Input)
        while app.focused is not photo:
            await pilot.press("tab")
        assert in_sight(app, photo) and box.scroll_y == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_photo_picker_has_no_scroll_bar_beside_its_buttons(
    home: Path, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    for folder in (".cache", ".cargo", "Pictures"):
        (mine / folder).mkdir(parents=True)
    (mine / ".thumbnail.jpg").write_bytes(b"")
    (mine / "site.jpg").write_bytes(b"")
    monkeypatch.setenv("HOME", str(mine))  # the tree opens at the home folder
    async with inspecting(lang, SMALL) as (app, pilot, _):
        await pilot.press("0", "enter", "ctrl+o")  # COM-01 fails: the hazard form, a photo
        await inspect_support.settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PhotoDialog)
        tree = dialog.query_one("#photo-tree", DirectoryTree)
        for _ in range(50):
            if tree.root.children:
                break
            await pilot.pause(0.02)
        assert [str(node.label) for node in tree.root.children] == ["Pictures", "site.jpg"]
        box = dialog.query_one(".dialog-box", Vertical)
        assert box.max_scroll_y == 0 and not box.show_vertical_scrollbar
        assert in_sight(app, dialog.query_one("#photo-path"))
        assert in_sight(app, dialog.query_one(".dialog-buttons"))
