"""A note on any item (free text): a checklist item's, a patrol checkpoint's. Dismisses
with the note ("" when emptied), or None when cancelled: Esc on a note changed from what
it opened with asks first (放弃已填写的内容？), as the hazard form does."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.widgets.key_footer import KeyFooter


class NoteDialog(AsksBeforeDiscarding, ModalScreen[str | None]):
    CSS_PATH = "../screens/inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "save", "Save", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(
        self, item_code: str, note: str = "", *, title: str = "", checked: bool = False
    ) -> None:
        super().__init__(id="note-dialog", classes="inspect-dialog")
        self.item_code = item_code
        self.note = note
        # a record's note (a patrol checkpoint's): refused empty when there was none, and
        # by the one rule for notes (`free_text` "note"), as an incident's note is
        self.checked = checked
        self.title_text = title or t("note.title", code=item_code)
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.note, id="note-text")
            yield Label("", id="note-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("note.save"), variant="primary", id="note-save")
                yield Button(t("note.cancel"), id="note-cancel")

        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    @on(Input.Submitted, "#note-text")
    @on(Button.Pressed, "#note-save")
    def action_save(self) -> None:
        note = self.query_one("#note-text", Input).value.strip()
        said = None
        if self.checked and not note and not self.note:  # nothing to save, nothing to remove
            said = t("review_ui.bulk.note_empty")
        elif self.checked and note:
            said = text_problem("note", note)
        if said is not None:
            self.query_one("#note-message", Label).update(said)
            return
        self.dismiss(note)

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
