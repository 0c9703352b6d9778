"""A dialog's foot: what the form refuses, said just above its buttons, both docked at the
bottom of the dialog, so on a short terminal (80×24) the fields scroll and the refusal stays
in sight whatever field the cursor is in (their styles are in app.tcss)."""

from __future__ import annotations

from textual.containers import Vertical
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


class DialogFoot(Vertical):
    """Holds a dialog's FormMessage and its row of buttons, and keeps the field the cursor
    goes to out from under them: Textual scrolls a focused widget into view only when part
    of it is outside the screen, not when a docked sibling of its container covers it."""

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._keep_in_sight, init=False)

    def _keep_in_sight(self, focused: Widget | None) -> None:
        box = self.parent
        if focused is None or not isinstance(box, Widget) or box not in focused.ancestors:
            return
        if self not in focused.ancestors:
            self.call_after_refresh(box.scroll_to_widget, focused, animate=False)


class FormMessage(Static):
    """Says a refusal or a failure; takes no room while it says nothing."""

    def __init__(self, *, id: str, classes: str = "") -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.set_class(bool(str(content)), "-said")
