"""Records that are one person (found by ID number, or name + birth year + phone), for a
supervisor to merge: Enter asks to confirm, then merges the highlighted pair into its
older record (a merge removes a record; one stray Enter must not). Dismisses with
(keep id, drop id), or None."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from fieldapp.i18n import t
from fieldapp.services.people.duplicates import DuplicatePair
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.stopping_lists import StoppingOptionList


def pair_text(pair: DuplicatePair) -> str:
    keep, drop = pair.keep, pair.drop
    by = t("duplicates.by_id") if pair.by_id_number else t("duplicates.by_name")
    return t(
        "duplicates.pair",
        keep=keep.name,
        keep_id=keep.id_number or "-",
        drop=drop.name,
        drop_id=drop.id_number or "-",
        by=by,
    )


class DuplicatesDialog(ModalScreen[tuple[str, str] | None]):
    CSS_PATH = "../screens/people.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="duplicates.close"),
    ]

    def __init__(self, pairs: list[DuplicatePair]) -> None:
        super().__init__(classes="duplicates-dialog")
        self.pairs = pairs
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="person-box"):
            yield Label(t("duplicates.title", count=len(self.pairs)), classes="dialog-title")
            hint = t("duplicates.hint") if self.pairs else t("duplicates.none")
            yield Label(hint, id="duplicates-hint")  # wraps: at 80 columns it was cut
            yield StoppingOptionList(
                *[Option(pair_text(pair), id=str(i)) for i, pair in enumerate(self.pairs)],
                id="duplicates-list",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#duplicates-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#duplicates-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        pair = self.pairs[int(event.option.id or 0)]

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.dismiss((pair.keep.id, pair.drop.id))

        body = t(
            "duplicates.confirm.body",
            keep=pair.keep.name,
            keep_id=pair.keep.id_number or "-",
            drop=pair.drop.name,
            drop_id=pair.drop.id_number or "-",
        )
        dialog = ConfirmDialog(t("duplicates.confirm.title"), body, yes=t("duplicates.confirm.yes"))
        self.app.push_screen(dialog, confirmed)

    def action_cancel(self) -> None:
        self.dismiss(None)
