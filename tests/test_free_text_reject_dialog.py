"""The supervisor's reject reason (F5 → 1 → r) must say what is still wrong
(`fieldapp.domain.free_text`): an emoji is refused in the dialog, which stays open with
the cursor in the note, and nothing is saved until the note says something."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.store.models import FindingEvent, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")
SIZE = (80, 24)


def rejections() -> int:
    return FindingEvent.select().where(FindingEvent.type == "rejected").count()


async def test_a_reject_reason_of_an_emoji_is_refused_and_nothing_is_saved(
    demo_supervisor: Path,
) -> None:
    before, ops = rejections(), Outbox.select().count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("1")  # awaiting re-check
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        note = dialog.query_one("#bulk-note", Input)
        note.value = "😀"
        await pilot.press("f10")
        await settle(app, pilot)
        said = str(dialog.query_one("#bulk-error", Static).render())
        assert "仍未整改到位的问题" in said and "表情符号、标点和空格不算" in said
        assert app.screen is dialog and app.focused is note
        note.value = "灭火器仍过期"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is not dialog
    assert rejections() > before and Outbox.select().count() > ops
