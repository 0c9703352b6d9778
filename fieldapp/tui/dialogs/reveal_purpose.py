"""Why a masked ID number or phone is to be opened: asked before every reveal.

One of the purposes a grid worker has (`reveal.PURPOSES`: none until chosen; the one ↑↓
move to is the one chosen, Enter goes on to the note) and a
note, required for "other" and then a real reason (`says_something`, as a late activity's
reason: at least two Chinese characters or four letters). Enter in the note or F10 confirms; Esc cancels, and then
nothing is revealed and nothing is recorded. Dismisses with (purpose, note) or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from fieldapp.domain.typed import says_something
from fieldapp.i18n import t
from fieldapp.services.people.reveal import NOTE_LENGTH, OTHER_PURPOSE, PURPOSES
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import HoldsTyped
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.stopping_lists import ChoosingRadioSet


class RevealPurposeDialog(HoldsTyped, ModalScreen[tuple[str, str] | None]):
    AUTO_FOCUS = ""  # on_mount focuses the purposes
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "save", "Show", id="reveal_purpose.save"),
        Binding("escape", "cancel", "Cancel", id="reveal_purpose.cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(id="reveal-purpose-dialog", classes="dialog")
        self.note_for = -1  # the purpose chosen when the note was typed (-1: none)
        self.title_text = title
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(t("reveal_purpose.ask"))
            with ChoosingRadioSet(id="reveal-purposes"):
                for purpose in PURPOSES:
                    yield RadioButton(t(f"reveal_purpose.{purpose}"), id=f"purpose-{purpose}")
            yield Label(t("reveal_purpose.note"))
            yield Input(
                id="reveal-note", placeholder=t("reveal_purpose.note.hint"), max_length=NOTE_LENGTH
            )
            yield from dialog_foot(
                FormMessage(id="reveal-purpose-error", classes="dialog-error"),
                (t("reveal_purpose.show"), "reveal-purpose-ok"),
                (t("confirm.no"), "reveal-purpose-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reveal-purposes", RadioSet).focus(scroll_visible=False)

    @on(Input.Changed, "#reveal-note")
    def _noted(self) -> None:
        self.note_for = self.query_one("#reveal-purposes", RadioSet).pressed_index

    @on(RadioSet.Changed, "#reveal-purposes")
    def _chosen(self, event: RadioSet.Changed) -> None:
        """A purpose chosen (↑↓ or a click). A note typed under another purpose goes:
        "x", refused under Other, was saved with the identity check chosen after it."""
        self.query_one("#reveal-purpose-error", FormMessage).update("")
        note = self.query_one("#reveal-note", Input)
        if note.value and self.note_for not in (-1, event.index):
            note.value = ""

    @on(ChoosingRadioSet.Picked, "#reveal-purposes")
    def _picked(self) -> None:
        """Enter or Space: on to the note, where Enter shows; with none chosen, says so."""
        if self.query_one("#reveal-purposes", RadioSet).pressed_index < 0:
            self.query_one("#reveal-purpose-error", FormMessage).update(t("reveal_purpose.choose"))
            return
        self.query_one("#reveal-note", Input).focus()

    @on(Input.Submitted, "#reveal-note")
    @on(Button.Pressed, "#reveal-purpose-ok")
    def action_save(self) -> None:
        purposes = self.query_one("#reveal-purposes", RadioSet)
        note = self.query_one("#reveal-note", Input).value.strip()
        if purposes.pressed_index < 0:
            self.query_one("#reveal-purpose-error", FormMessage).update(t("reveal_purpose.choose"))
            purposes.focus()
            return
        purpose = PURPOSES[purposes.pressed_index]
        if purpose == OTHER_PURPOSE and not says_something(note):
            self.query_one("#reveal-purpose-error", FormMessage).update(t("reveal_purpose.explain"))
            self.query_one("#reveal-note", Input).focus()
            return
        self.dismiss((purpose, note))

    @on(Button.Pressed, "#reveal-purpose-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
