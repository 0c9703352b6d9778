"""Enter on a case (ctrl+t): what lies behind it — the readings (temperature, symptoms,
when, who recorded) and its events — in a box that scrolls; Esc or Enter closes it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from fieldapp.i18n import t
from fieldapp.services.followups.case_detail import CaseDetail
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.key_footer import KeyFooter


class CaseDetailDialog(ModalScreen[None]):
    CSS_PATH = "../screens/people.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="case_detail.close"),
    ]

    def __init__(self, detail: CaseDetail) -> None:
        super().__init__(classes="followup-dialog")
        self.detail = detail
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="person-box"):
            yield Label(t("case.detail.title", name=self.detail.name), classes="dialog-title")
            with VerticalScroll(id="case-detail-body"):
                yield Label(t("case.detail.readings"), classes="pane-title")
                for line in self.detail.readings or (t("case.detail.none"),):
                    yield Static(line, classes="case-line")
                yield Label(t("case.detail.events"), classes="pane-title")
                for line in self.detail.events or (t("case.detail.none"),):
                    yield Static(line, classes="case-line")
            yield Button(t("binding.case_detail.close"), id="case-detail-close", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#case-detail-body").focus()

    @on(Button.Pressed, "#case-detail-close")
    def action_close(self) -> None:
        self.dismiss(None)
