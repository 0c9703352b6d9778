"""A path typed into F2 that leads nowhere is said, and kept in the field to be
corrected: a folder was said to be no file (找不到文件 /tmp/x，请检查路径。), and the path
of a file that is no image, or of a photo with no QR, was cleared from the field while a
missing file's was kept. A folder is now said to be one (give an image file), and every
refusal keeps the path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pilot_support import settle
from test_wedge_scan import burst, scanning_app
from textual.widgets import Input

from fieldapp.i18n import set_language, t
from fieldapp.tui.dialogs.scan import ScanDialog


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("what", "pace"),
    [
        ("folder", 0.5),
        ("not_image", 0.5),
        ("no_qr", 0.5),
        ("missing", 0.5),
        ("not_image", 0.004),
        ("no_qr", 0.004),
    ],  # fmt: skip
)  # typed, or pasted as fast as a scanner types (the burst is taken off the field)
async def test_a_path_refused_is_said_and_kept(
    demo_home: Path, tmp_path: Path, lang: str, what: str, pace: float
) -> None:
    set_language(lang)
    folder = tmp_path / "照片"
    folder.mkdir()
    paths = {
        "folder": folder,
        "not_image": tmp_path / "notes.jpg",
        "no_qr": tmp_path / "blank.png",
        "missing": tmp_path / "gone.jpg",
    }
    paths["not_image"].write_text("not a photo")
    Image.new("L", (64, 64), 255).save(paths["no_qr"])
    path = str(paths[what])
    app, _ = scanning_app(pace=pace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f2")
        await settle(app, pilot)
        if pace < 0.1:
            await burst(app, pilot, path)
        else:
            app.screen.query_one("#scan-input", Input).value = path
            await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, ScanDialog), app.screen
        said = str(app.screen.query_one("#scan-message").render())
        kept = app.screen.query_one("#scan-input", Input).value
    expected = {
        "folder": t("scan.folder", path=path),
        "not_image": t("photo_error.not_an_image", name=paths[what].name),
        "no_qr": t("placard.photo.no_qr", path=path),
        "missing": t("scan.no_file", path=path),
    }[what]
    set_language("zh")
    assert said == expected
    assert kept == path
