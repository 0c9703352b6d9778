"""Shown instead of home when the device is not enrolled: what to run to get going."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.widgets import Header, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


class NotEnrolledScreen(FieldScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="app.quit"),
    ]

    def __init__(self) -> None:
        super().__init__(id="not-enrolled")

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="enroll-box"):
            yield Label(t("enroll.title"), classes="dialog-title")
            yield Static(t("enroll.body"), id="enroll-body")
        yield KeyFooter()
