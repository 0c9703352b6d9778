"""A dialog's foot: what the form refuses, said just above its buttons, both docked at the
bottom of the dialog, so on a short terminal (80×24) the fields scroll and the refusal stays
in sight whatever field the cursor is in (their styles are in app.tcss).

The buttons come after the fields in the Tab order, and a character typed while one of
them has the cursor goes to the field the cursor was in last (the one a refusal put it
in), not nowhere: after "a rejected re-check needs a note", Tab and the note typed land in
the note."""

from __future__ import annotations

import sys

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Button, Input, TextArea
from textual.widgets.button import ButtonVariant

from fieldapp.tui.widgets.phrase_static import PhraseStatic


class DialogFoot(Vertical):
    """Holds a dialog's FormMessage and its row of buttons, and keeps the field the cursor
    goes to out from under them: Textual scrolls a focused widget into view only when part
    of it is outside the screen, not when a docked sibling of its container covers it."""

    _last_field: Widget | None = None  # the field of the dialog the cursor was in last

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._keep_in_sight, init=False)

    def on_key(self, event: events.Key) -> None:
        """A character typed on a button: into the field the cursor was in last."""
        field = self._last_field
        typed = event.character if event.is_printable else None
        if not typed or typed == " " or field is None or not field.is_attached:
            return  # Space and Enter press the button
        if not isinstance(field, Input | TextArea) or field.disabled:
            return
        event.stop()
        event.prevent_default()
        # The field takes the key as typed there (its own rules: digits only, a length);
        # arriving by a key, not by Tab, its text is not selected to be typed over.
        selects = isinstance(field, Input) and field.select_on_focus
        if isinstance(field, Input):
            field.select_on_focus = False
        field.post_message(events.Key(event.key, typed))
        field.focus()
        if selects:
            # After the focus (queued in the app), and the Focus event it sends the field.
            self.app.call_later(field.call_later, setattr, field, "select_on_focus", True)

    @property
    def _focus_sort_key(self) -> tuple[int, int]:
        """Last in its dialog's Tab order. Textual orders focus by where widgets are in
        their container, and docked at the bottom of what shows, the buttons came before
        the fields scrolled out below them: Tab went from the note to the buttons, and a
        photo path typed next went nowhere."""
        return sys.maxsize, 0

    def said_something(self) -> None:
        """A refusal was said: it takes room from the fields, and the field the cursor is
        in (often the one it names) had gone under it, out of sight though focused."""
        self.call_after_refresh(lambda: self._keep_in_sight(self.screen.focused))

    def _keep_in_sight(self, focused: Widget | None) -> None:
        box = self.parent
        if focused is None or not isinstance(box, Widget) or box not in focused.ancestors:
            return
        if self not in focused.ancestors:
            self._last_field = focused
            self.call_after_refresh(box.scroll_to_widget, focused, animate=False)


class FormMessage(PhraseStatic):
    """Says a refusal or a failure; takes no room while it says nothing. Its Chinese
    breaks where a phrase ends (a refusal's example read "如“标牌" / "被遮挡”")."""

    def __init__(self, *, id: str, classes: str = "") -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, classes=classes)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.set_class(bool(str(content)), "-said")
        if str(content) and isinstance(self.parent, DialogFoot):
            self.parent.said_something()


def dialog_foot(
    message: FormMessage, *buttons: tuple[str, str], compact: bool = False
) -> ComposeResult:
    """A dialog's foot: `message` above its row of buttons, each (label, id), the first
    the primary one. `yield from` it in the dialog's compose."""
    with DialogFoot():
        yield message
        with Horizontal(classes="dialog-buttons"):
            for n, (label, button_id) in enumerate(buttons):
                variant: ButtonVariant = "primary" if n == 0 else "default"
                yield Button(label, id=button_id, variant=variant, compact=compact)
