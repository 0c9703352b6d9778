"""Why some findings of a bulk action were refused: a line per finding, and under it the
reason as one paragraph, every line of it indented alike."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.key_footer import KeyFooter


def bulk_summary(action: str, applied: int, refused: int) -> str:
    """A bulk action's toast: how many were done, and how many not when any were not."""
    if not refused:
        return t("review_ui.bulk.summary_all", action=action, applied=applied)
    return t("review_ui.bulk.summary", action=action, applied=applied, refused=refused)


class ReasonsDialog(ModalScreen[None]):
    CSS_PATH = "../screens/review.tcss"
    # The outcome of the action that opened it: the action's toast (拒绝 N 条) is its
    # summary and stays (`Navigation._screen_changed` clears older toasts off dialogs).
    KEEPS_TOASTS = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="reasons.close"),
    ]

    def __init__(self, title: str, reasons: list[tuple[str, str]]) -> None:
        """`reasons`: (what — venue and item, why) per refused finding."""
        super().__init__(id="reasons-dialog", classes="dialog")
        self.title_text = title
        self.reasons = reasons
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="reasons-list"), Vertical(id="reasons-body"):
                for what, why in self.reasons:
                    yield Static(Text(what, style="bold"), classes="reason-what")
                    # One paragraph, wrapped under its own indent (review.tcss).
                    yield Static(why, classes="reason-why")
            yield Button(t("review_ui.reasons.close"), id="reasons-ok", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reasons-ok", Button).focus()

    @on(Button.Pressed, "#reasons-ok")
    def action_close(self) -> None:
        self.dismiss(None)
