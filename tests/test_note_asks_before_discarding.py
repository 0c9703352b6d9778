"""Esc on the note dialog (m on a checklist item) threw the typed note away without a
word, where the hazard form asks 放弃已填写的内容？ first. It asks too now, and only when
the note differs from what it opened with: an unchanged note closes at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle

from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.note import NoteDialog

CODE = "COM-03"


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_esc_on_a_typed_note_asks_first(home: Path, lang: str) -> None:
    async with inspecting(lang, (80, 24)) as (app, pilot, screen):
        screen.go_to(CODE)
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        note = app.screen
        assert isinstance(note, NoteDialog)
        await pilot.press(*"exit", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing: the note as typed
        await settle(app, pilot)
        assert app.screen is note
        await pilot.press(*" blocked", "enter")  # saved
        await settle(app, pilot)
        assert screen.view.answers[CODE].note == "exit blocked"

        await pilot.press("m")  # opened with that note: Esc closes at once
        await settle(app, pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen

        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press("backspace", "escape")  # changed: asked; y discards
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.view.answers[CODE].note == "exit blocked"
