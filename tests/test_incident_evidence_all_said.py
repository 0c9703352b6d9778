"""The incident form (F4) said only the first evidence file it could not add: with a
document and a file that is not there, it named the document, and the missing file only
on the next try. Every file that cannot be added is now said at once, in the order typed,
with the cursor in the files and nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import a_stall_selling_fireworks, open_screen, settle
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_file_that_cannot_be_added_is_said_at_once(
    demo_home: Path, tmp_path: Path, lang: str
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes")
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_text("a sheet")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        a_stall_selling_fireworks(dialog)
        dialog.query_one("#incident-description", Input).value = "路口摆摊卖烟花"
        files = dialog.query_one("#incident-files", Input)
        files.value = f"{notes}；{sheet}"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        first = t("incident.refused.media_kind", name="notes.txt")
        second = t("incident.refused.media_kind", name="sheet.xlsx")
        flat = "".join(said.split())
        assert "".join(first.split()) in flat and "".join(second.split()) in flat, said
        assert flat.index("notes.txt") < flat.index("sheet.xlsx")
        assert app.screen is dialog and app.focused is files
        assert not Incident.select().exists()
