"""A comment that must be written: why an inspection goes back to its inspector, in words
(`return_problem`, the rule the service and the sync server hold it to)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from fieldapp.domain.free_text import return_problem
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import HoldsTyped
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter


class CommentDialog(HoldsTyped, ModalScreen[str | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "save", "Send", id="comment.save"),
        Binding("escape", "cancel", "Cancel", id="comment.cancel"),
    ]

    def __init__(self, title: str, body: str = "") -> None:
        super().__init__(id="comment-dialog", classes="dialog")
        self.title_text = title
        self.body_text = body
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.body_text:
                yield Static(self.body_text, classes="dialog-body")
            yield Input(id="comment-text", placeholder=t("review_ui.comment.hint"))
            yield from dialog_foot(
                FormMessage(id="comment-error", classes="dialog-error"),
                (t("review_ui.comment.send"), "comment-ok"),
                (t("confirm.no"), "comment-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#comment-text", Input).focus(scroll_visible=False)

    @on(Input.Submitted, "#comment-text")
    @on(Button.Pressed, "#comment-ok")
    def action_save(self) -> None:
        comment = self.query_one("#comment-text", Input).value.strip()
        said = return_problem(comment)
        if said is not None:
            self.query_one("#comment-error", Static).update(said)
            self.query_one("#comment-text", Input).focus()  # the field it names
            return
        self.dismiss(comment)

    @on(Button.Pressed, "#comment-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
