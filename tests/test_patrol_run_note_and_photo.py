"""A patrol checkpoint's note and photo, through the real app at 80x24.

The note dialog (n) was the one-value AskDialog: its compact field showed no box until
something was typed, it had no buttons and its own rounded frame. It is the note dialog
the inspection's items use (`NoteDialog`): a bordered field, Save and Cancel. A photo
attached with p left no sign in the checkpoint table: its row counts the photos.
"""

from __future__ import annotations

from pathlib import Path

from inspect_support import make_png
from patrol_screen_support import run_started_by_scan, seed_patrol_store
from pilot_support import settle
from textual.widgets import Button, Input

from fieldapp.store.patrol_models import PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.note import NoteDialog
from fieldapp.tui.dialogs.photo import PhotoDialog


async def test_the_note_dialog_is_the_items_and_a_photo_is_counted_in_its_row(
    home: Path, tmp_path: Path
) -> None:
    seed_patrol_store()
    photo = make_png(tmp_path / "sale.png")
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=1)  # CP-02

        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        field = dialog.query_one("#note-text", Input)
        assert field.has_focus and not field.compact  # a box to type in, before typing
        assert field.region.height == 3, field.region  # drawn with its border
        buttons = {str(b.label) for b in dialog.query(Button) if b.region.height}
        assert buttons == {"保存", "取消"}, buttons
        assert "CP-02" in str(dialog.query_one(".dialog-title").render())
        await pilot.press(*"摊位已收", "enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert PatrolScan.get().note == "摊位已收"

        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, PhotoDialog)
        await pilot.press(*str(photo), "enter")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        assert len(PatrolScan.get().photos) == 1
        photos = table.get_row_at(1)[4]
        assert photos == "1", table.get_row_at(1)
        column = table.columns[table.ordered_columns[4].key]
        assert column.label.plain == "照片"
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= 80
