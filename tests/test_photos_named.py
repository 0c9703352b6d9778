"""Photos are named as a person says them (照片 1, or the file they came from), never by
their hash; opening one where no viewer can start says so and where the file is."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from inspect_support import inspect_screen, make_png, seed_store
from pilot_support import SIZE, settle
from textual.widgets import Label, OptionList, Static

from fieldapp.services.common import photos
from fieldapp.services.common.photos import blob_path, import_photo
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.photo import PhotoDialog
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets.finding_detail import FindingDetailPane

pytestmark = pytest.mark.usefixtures("chinese")


def shown(dialog: FindingDialog, selector: str) -> str:
    return str(dialog.query_one(selector, Static).render())


async def test_the_hazard_form_names_an_attached_photo_by_its_file(
    home: Path, tmp_path: Path
) -> None:
    seed_store()
    photo = make_png(tmp_path / "photo1.png")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await inspect_screen(app, pilot)
        await pilot.press("3", "enter", "n")  # COM-02 fails: the hazard form
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PhotoDialog)
        await pilot.press(*str(photo), "enter")
        await settle(app, pilot)
        assert app.screen is dialog
        sha = dialog.photos[0]
        assert shown(dialog, "#finding-photos") == "photo1.png"
        assert shown(dialog, "#finding-message") == "已附加 photo1.png"
        # A photo whose file this session does not know (attached before the app started)
        # is numbered; the hash is never said.
        photos._source_names.clear()
        dialog.show_photos()
        await pilot.pause()
        assert shown(dialog, "#finding-photos") == "照片 1"
        assert sha[:12] not in shown(dialog, "#finding-photos") + shown(dialog, "#finding-message")


@pytest.fixture
def opener_that_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An xdg-open that fails at once, as the real one does with no desktop to ask; a
    display is said to be there, so only the opener's failure can tell."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    opener.write_text("#!/bin/sh\nexit 3\n")
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":99")


@pytest.mark.usefixtures("opener_that_gives_up")
async def test_enter_on_a_photo_with_no_viewer_says_so_and_where_it_is(
    demo_home: Path, tmp_path: Path
) -> None:
    demo.act_as("supervisor")
    sha = import_photo(make_png(tmp_path / "blocked_exit.png"))
    photos._source_names.clear()  # attached in an earlier session
    Finding.update(photos=[sha]).execute()  # whichever the queue shows first has it
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        listing = screen.query_one("#detail-photos", OptionList)
        assert [str(listing.get_option_at_index(0).prompt)] == ["照片 1"]
        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
    path = str(blob_path(sha))
    assert said == [f"这里打不开看图程序（xdg-open 没能打开它），照片文件在：{path}"]


@pytest.mark.usefixtures("opener_that_gives_up")
async def test_enter_on_the_hazard_row_opens_its_first_photo(
    demo_home: Path, tmp_path: Path
) -> None:
    """The photo pane's title says Enter opens: Enter on the hazard's row opens 照片 1 (it
    did nothing; the list was three Tabs away). A hazard with no photos does not say
    Enter opens one (it said 照片（0）· 回车打开)."""
    demo.act_as("supervisor")
    sha = import_photo(make_png(tmp_path / "entered.png"))
    photos._source_names.clear()
    Finding.update(photos=[sha]).execute()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert app.focused is screen.query_one("#review-table")
        title = screen.query_one("#detail-photos-title", Label)
        assert str(title.render()) == "照片（1）· 回车打开"
        await pilot.press("enter")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert screen.detail is not None
        screen.query_one(FindingDetailPane).show(replace(screen.detail, photos=(), photo_labels=()))
        assert str(title.render()) == "照片：无"
    assert said == [f"这里打不开看图程序（xdg-open 没能打开它），照片文件在：{blob_path(sha)}"]
