"""Notes followed different rules: an incident's note (n) took 👍👍 and 3,202 characters
while its description refuses emoji alone and stops at 2,000; a patrol checkpoint's note
left empty closed on F10 with nothing saved and no word, while an incident's empty note
was refused. Every record's note now follows one rule (`free_text` "note"): empty
refused, words required, at most 2,000 characters, said in the dialog, which stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from patrol_screen_support import run_started_by_scan, seed_patrol_store
from pilot_support import open_screen, settle
from textual.widgets import Input, Static

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.patrol_models import PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.note import NoteDialog
from fieldapp.tui.screens.incidents import IncidentsScreen

WORDS = "请用文字写明备注（至少两个字或四个字母），表情符号、标点和空格不算。"
LONG = "备注最多 2000 个字，现在有 3202 个字；请写要点。"
EMPTY = "备注是空的：请写下要记的内容，或按 Esc 取消。"


async def test_an_incident_note_of_emoji_alone_or_too_long_is_refused(demo_home: Path) -> None:
    reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        for typed, said in (("👍👍", WORDS), ("摊" * 3202, LONG)):
            dialog.query_one("#bulk-note", Input).value = typed
            await pilot.press("f10")
            await settle(app, pilot)
            assert app.screen is dialog
            assert str(dialog.query_one("#bulk-error", Static).render()) == said
    assert not IncidentEvent.select().where(IncidentEvent.type == "note").exists()


@pytest.mark.parametrize(("typed", "said"), [("", EMPTY), ("👍👍", WORDS), ("摊" * 3202, LONG)])
async def test_a_checkpoint_note_is_refused_as_an_incident_note_is(
    home: Path, typed: str, said: str
) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=1)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        dialog.query_one("#note-text", Input).value = typed
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog  # said there, nothing saved
        assert str(dialog.query_one("#note-message").render()) == said
    assert PatrolScan.get().note == ""
