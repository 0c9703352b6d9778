"""The note dialog's buttons (a patrol checkpoint's 巡逻备注, an item's note) end where every
other dialog's do, at the right of the dialog's text: they sat two columns further left
(the inspection's dialogs gave each button a margin at its right as well)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.screen import Screen
from textual.widgets import Button

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.note import NoteDialog


def buttons_end(screen: Screen[object]) -> int:
    return max(button.region.right for button in screen.query(Button))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_note_dialog_s_buttons_end_where_the_others_do(home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ConfirmDialog("?", "…"))
        await settle(app, pilot)
        other = buttons_end(app.screen)
        app.pop_screen()
        app.push_screen(NoteDialog("CP-02", title="巡逻备注 · CP-02"))
        await settle(app, pilot)
        assert isinstance(app.screen, NoteDialog)
        assert buttons_end(app.screen) == other
