"""Why a supervisor closes a run left open on another device (`services.patrols.close`):
says what closing does (the visits the server holds count; what the lost device sends
later is refused, with the reason) and asks for a reason. Enter in the reason or F10
closes; Esc cancels and nothing is queued. Dismisses with the reason or None."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import HoldsTyped
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

REASON_LENGTH = 500  # sync.protocol.PatrolClose.reason


class PatrolCloseDialog(HoldsTyped, ModalScreen[str | None]):
    AUTO_FOCUS = ""  # on_mount focuses the reason without centring it (80×24)
    CSS_PATH = "../screens/review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "save", "Close run", id="patrol_close.save"),
        Binding("escape", "cancel", "Cancel", id="patrol_close.cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(id="patrol-close-dialog", classes="dialog")
        self.title_text = title
        self.body_text = t("patrol.close_run.body")
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.body_text, classes="dialog-body")
            yield Label(t("patrol.close_run.reason"))
            yield Input(
                id="patrol-close-reason", placeholder=t("patrol.close_run.hint"),
                max_length=REASON_LENGTH,
            )  # fmt: skip
            yield from dialog_foot(
                FormMessage(id="patrol-close-error", classes="dialog-error"),
                (t("patrol.close_run.yes"), "patrol-close-ok"),
                (t("confirm.no"), "patrol-close-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#patrol-close-reason", Input).focus(scroll_visible=False)

    @on(Input.Submitted, "#patrol-close-reason")
    @on(Button.Pressed, "#patrol-close-ok")
    def action_save(self) -> None:
        reason = self.query_one("#patrol-close-reason", Input).value.strip()
        problem = text_problem("close_reason", reason)
        if problem is not None:  # said here; the server would refuse it the same way
            self.query_one("#patrol-close-error", FormMessage).update(problem)
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#patrol-close-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
