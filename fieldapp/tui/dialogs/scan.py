"""The scan dialog: one Input that takes a keyboard-wedge scan (the text, then Enter).

A USB QR scanner types like a keyboard, so a scan is a burst of keys ending in Enter;
each one is handed, stripped, to `read` (the app's scan routing), and the dialog stays
open: a code the app refuses is said here (`refuse`), its text selected so the next scan
replaces it, and the app closes the dialog (`dismiss`) once a scan leads somewhere. Escape
closes it. What the text means (a plain venue code, a signed placard, a photo of one) is
the app's question, not the dialog's (a path that names no photo is said here as such,
typed or in a burst: `ScanningApp.scan_text`). A refused path or code stays in the field to
be corrected, a scanner's burst too (`show_scanned`). Its foot is the other dialogs' (a Cancel button, as Escape).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter


class ScanDialog(ModalScreen[None]):
    TAKES_SCANS = True  # a scanner's burst is read here (`ScanningApp.scan_unexpected`)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, read: Callable[[str], None]) -> None:
        super().__init__(id="scan-dialog", classes="dialog")
        self.read = read
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("scan.title"), classes="dialog-title")
            yield Static(t("scan.hint"), classes="dialog-body")
            yield Input(placeholder=t("scan.placeholder"), id="scan-input")
            yield from dialog_foot(
                FormMessage(id="scan-message", classes="dialog-error"),
                (t("scan.cancel"), "scan-cancel"),
            )
        yield KeyFooter()  # its own keys, not those of the screen below

    def on_mount(self) -> None:
        self.query_one("#scan-input", Input).focus()

    @on(Input.Submitted, "#scan-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#scan-message", FormMessage).update("")
        self.read(event.value.strip())

    def show_scanned(self, text: str) -> None:
        """A scanner's burst (its keys taken off the field as they came): the text it
        read, shown in the field, so that a refusal of it is said beside it and the path
        or code can be corrected; a person's typing is there already."""
        field = self.query_one("#scan-input", Input)
        if not field.value.strip():
            field.value = text

    def refuse(self, text: str) -> None:
        """Say why the scan leads nowhere; the next scan (or typing) replaces its text."""
        self.query_one("#scan-message", FormMessage).update(text)
        field = self.query_one("#scan-input", Input)
        field.focus()
        field.select_all()

    @on(Button.Pressed, "#scan-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
