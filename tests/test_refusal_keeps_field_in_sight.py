"""At 80x24 a dialog's refusal, said above its buttons, takes room from the fields: the
review queue's hand-over of several hazards (F5, 6, ctrl+a, h) with the date 2020-01-01
refused kept the date focused but scrolled out of sight under the refusal, so a person
could not see the field the refusal was about. After a refusal is said, the focused field
is scrolled back into view (every dialog with `dialog_foot`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.widgets.dialog_foot import DialogFoot

pytestmark = pytest.mark.usefixtures("chinese")


async def test_the_refused_date_stays_in_sight(demo_supervisor: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        for key in ("f5", "6", "ctrl+a", "h"):  # the hand-over of the hazards listed
            await pilot.press(key)
            await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog), dialog
        dialog.choose("#bulk-unit", "police_station")
        dialog.query_one("#bulk-reference", Input).value = "鼎综治移〔2026〕7号"
        date = dialog.query_one("#bulk-date", Input)
        date.value = "2020-01-01"
        date.focus()
        await settle(app, pilot)
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert str(dialog.query_one("#bulk-error", Static).render())  # refused
        assert app.focused is date
        fields = dialog.query_one("#bulk-fields", VerticalScroll).region
        foot = dialog.query_one(DialogFoot).region
        seen = date.region
        assert fields.contains_region(seen) and not seen.overlaps(foot), (fields, seen, foot)
