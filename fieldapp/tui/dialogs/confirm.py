"""A yes/no question: dismisses with True (yes) or False (no, Escape). A question whose
yes destroys something (`safe_default`) starts on no, so a reflex Enter keeps it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings, relabel_binding
from fieldapp.tui.widgets.key_footer import KeyFooter


class ConfirmDialog(ModalScreen[bool]):
    # y and n in the footer by the buttons' words (the quit question showed only esc). The
    # footer shows one key per action, so n, which Esc shares, is shown as "n/esc": a
    # question that names either key ("按 y 提交，Esc 取消") matches the footer.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="dialog.yes"),
        Binding("n", "answer(False)", "No", id="dialog.no", key_display="n/esc"),
        Binding("escape", "answer(False)", "Cancel", id="dialog.cancel"),
    ]

    def __init__(
        self,
        title: str,
        body: str = "",
        *,
        yes: str | None = None,
        no: str | None = None,
        id: str | None = None,
        safe_default: bool = False,
    ) -> None:
        super().__init__(id=id, classes="dialog")
        self.title_text = title
        self.body_text = body
        self.yes_text = yes or t("confirm.yes")
        self.no_text = no or t("confirm.no")
        self.safe_default = safe_default
        localize_bindings(self)
        relabel_binding(self, "dialog.yes", self.yes_text)
        relabel_binding(self, "dialog.no", self.no_text)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.body_text:
                yield Static(self.body_text, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_text, id="yes", variant="primary")
                yield Button(self.no_text, id="no")
        yield KeyFooter()  # its own keys, not those of the screen below

    def on_mount(self) -> None:
        self.query_one("#no" if self.safe_default else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
