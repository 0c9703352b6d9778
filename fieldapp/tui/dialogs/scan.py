"""The scan dialog: one Input that takes a keyboard-wedge scan (the text, then Enter).

A USB QR scanner types like a keyboard, so a scan is a burst of keys ending in Enter;
the dialog dismisses with the text read (stripped), or None on Escape. What the text
means (a plain venue code, a signed placard) is the app's question, not the dialog's.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.key_footer import KeyFooter


class ScanDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(id="scan-dialog", classes="dialog")
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("scan.title"), classes="dialog-title")
            yield Static(t("scan.hint"), classes="dialog-body")
            yield Input(placeholder=t("scan.placeholder"), id="scan-input")
        yield KeyFooter()  # its own keys, not those of the screen below

    def on_mount(self) -> None:
        self.query_one("#scan-input", Input).focus()

    @on(Input.Submitted, "#scan-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
