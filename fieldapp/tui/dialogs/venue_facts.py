"""Correct a venue's attributes (用燃气, 房间数…) from the inspection: one field per
attribute the checklist reads (是/否 or a number; empty is not recorded). Enter or F10
saves, Tab moves between fields, Esc cancels. Dismisses with the attributes changed
(None: not recorded any more), or None when cancelled; a value the attribute cannot take
keeps the form open and says which, as does a count beyond what the venue's checklist
asks one by one (`repeated`: at most MAX_INSTANCES rooms)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import HoldsTyped
from fieldapp.tui.views.venue_facts import BadFact, Value, attribute_name, input_text, read_value
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

Changes = dict[str, Value | None]


class VenueFactsDialog(HoldsTyped, ModalScreen[Changes | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "save", "Save", id="venue_facts.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="venue_facts.cancel"),
    ]

    def __init__(
        self,
        venue: str,
        names: list[str],
        held: Mapping[str, Any],
        ask: str | None = None,
        repeated: Collection[str] = (),
    ) -> None:
        super().__init__(id="venue-facts-dialog", classes="inspect-dialog")
        self.venue, self.names, self.held, self.ask = venue, names, dict(held), ask
        self.repeated = frozenset(repeated)  # the counts bounded at MAX_INSTANCES
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("venue_facts.title", venue=self.venue), classes="dialog-title")
            if self.ask:
                name = attribute_name(self.ask)
                yield Static(t("venue_facts.ask_count", name=name), id="venue-facts-ask")
            yield Static(t("venue_facts.help"), id="venue-facts-help")
            with VerticalScroll(id="venue-facts-fields"):
                for name in self.names:
                    with Horizontal(classes="venue-fact"):
                        yield Label(attribute_name(name))
                        yield Input(
                            input_text(self.held.get(name)),
                            placeholder=t("venue_facts.unknown"),  # an empty field shows so
                            id=f"fact-{name}",
                            compact=True,
                        )
            yield from dialog_foot(
                FormMessage(id="venue-facts-error"),
                (t("venue_facts.save"), "venue-facts-save"),
                (t("venue_facts.cancel"), "venue-facts-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        first = self.ask if self.ask in self.names else self.names[0]
        self.query_one(f"#fact-{first}", Input).focus(scroll_visible=False)

    def changes(self) -> Changes:
        """The attributes typed differently from what the venue holds; BadFact if one is
        not a value the attribute takes."""
        found: Changes = {}
        for name in self.names:
            value = read_value(name, self.query_one(f"#fact-{name}", Input).value, self.repeated)
            if value != self.held.get(name) or type(value) is not type(self.held.get(name)):
                found[name] = value
        return found

    @on(Input.Submitted)
    @on(Button.Pressed, "#venue-facts-save")
    def action_save(self) -> None:
        try:
            found = self.changes()
        except BadFact as problem:
            self.query_one("#venue-facts-error", Static).update(str(problem))
            return
        self.dismiss(found)

    @on(Button.Pressed, "#venue-facts-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
