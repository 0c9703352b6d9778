"""A household's own fields (户号, 楼栋/屯, 住址), edited on the people screen (`h`): a
household's number, building and address could not be corrected after `n` before, as
`e` edits only the person. Dismisses with the form as typed (the screen saves it and,
refused, opens it again with the problems), or None when cancelled: Esc on a form
changed from what it opened with asks first (放弃已填写的内容？)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label
from textual.widgets.input import Selection

from fieldapp.i18n import t
from fieldapp.services.people.registry import HouseholdForm
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.widgets.key_footer import KeyFooter

FIELDS = ("code", "building", "address")


class HouseholdDialog(AsksBeforeDiscarding, ModalScreen[HouseholdForm | None]):
    CSS_PATH = "../screens/inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "save", "Save", id="household.save"),
        Binding("escape", "cancel", "Cancel", id="household.cancel"),
    ]

    def __init__(
        self,
        form: HouseholdForm,
        *,
        problems: tuple[str, ...] = (),
        wrong: tuple[str, ...] = (),
        drawn_before: tuple[object, ...] | None = None,
    ) -> None:
        super().__init__(classes="inspect-dialog")  # opened again over its closing self
        self.form = form
        self.problems = problems
        self.wrong = wrong  # where each problem is ("household.code")
        self.drawn_before = drawn_before
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("household.title"), classes="dialog-title")
            for name in FIELDS:
                yield Label(t(f"person.{name}"))
                yield Input(value=getattr(self.form, name), id=f"household-{name}")
            yield Label("\n".join(self.problems), id="household-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("note.save"), variant="primary", id="household-save")
                yield Button(t("note.cancel"), id="household-cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        wrong = [w.removeprefix("household.") for w in self.wrong]
        first = next((name for name in FIELDS if name in wrong), FIELDS[0])
        field = self.query_one(f"#household-{first}", Input)
        field.focus()  # the cursor after the text, not all of it selected for a key to replace
        self.call_after_refresh(setattr, field, "selection", Selection.cursor(len(field.value)))

    @on(Input.Submitted)
    @on(Button.Pressed, "#household-save")
    def action_save(self) -> None:
        typed = {name: self.query_one(f"#household-{name}", Input).value for name in FIELDS}
        self.dismiss(replace(self.form, members=[], vehicles=[], **typed))

    @on(Button.Pressed, "#household-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
