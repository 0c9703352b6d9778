"""A file path typed into the scan dialog (F2) that names no file says so: the file is not
there, check the path (as the photo dialog says it). It said 这不是本系统的场所二维码…, as
if a code had been read. A code or a placard's text is still the app's to read."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.widgets.dialog_foot import FormMessage


def said(dialog: ScanDialog) -> str:
    return str(dialog.query_one("#scan-message", FormMessage).render())


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_path_to_no_file_is_said_as_such(
    demo_home: Path, tmp_path: Path, lang: str
) -> None:
    missing = [str(tmp_path / "nonexist.png"), "~/no-such-folder/placard", "placard-none.JPG"]
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f2", ScanDialog)
        for path in missing:
            dialog.query_one("#scan-input", Input).value = path
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.screen is dialog
            assert said(dialog) == t("scan.no_file", path=path), said(dialog)
            assert t("placard.check.not_fieldapp") not in said(dialog)

        dialog.query_one("#scan-input", Input).value = "XYZ-NOT-A-CODE"  # still the app's
        await pilot.press("enter")
        await settle(app, pilot)
        assert said(dialog) and t("scan.no_file", path="XYZ-NOT-A-CODE") not in said(dialog)
