"""A list of records that may hold ones the server refused to create (a venue's
inspections, incidents, held activities, patrol attendance): how a refused one is marked,
and its two keys.

R sends the highlighted refused record again (after the cause is fixed, e.g. the
administrator assigned the grid), X discards it after a question that says what is lost
(`fieldapp.services.common.refused_records`). Both keys show in the footer only while the
highlighted row is a refused one. A section whose r reads its lists again (ctrl+y, ctrl+g)
puts these bindings before its own in one `BINDINGS` (a subclass's key replaces its base's
whole): r sends again on a refused row, and refreshes on any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.tui.screens import FieldScreen

ACTIONS = ("send_again", "discard_refused")


def refused_mark(node: DOMNode, words: str | None = None) -> Text:
    """ "服务器拒收" (or `words`) in the theme's error colour, for a table cell or a line."""
    colour = node.app.get_css_variables().get("text-error", "red")
    return Text(words or t("refused.mark"), style=f"bold {colour}")


class RefusedRecordsScreen(FieldScreen[None]):
    """A subclass says which row is highlighted (`highlighted_refusal`), what it is
    (`refused_subject`, for the question before discarding) and reads its list again when
    told (`refusal_acted`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "send_again", "Send again", id="refused.send_again"),
        Binding("x", "discard_refused", "Discard", id="refused.discard"),
    ]
    # inspection | incident | activity | patrol_run: the question's words
    REFUSED_KIND: ClassVar[str] = "inspection"

    def highlighted_refusal(self) -> RecordRefusal | None:
        """The refusal of the highlighted row, None when it is no refused record (each
        list says; until it does, the keys stay out of the footer)."""
        return None

    def refused_subject(self) -> str:
        return ""

    def refusal_acted(self) -> None:
        """The record was sent again or discarded: read the list again."""

    def show_refusal(self, line: Static) -> None:
        """Why the server refused the highlighted record, in `line` below the list (hidden
        when it is no refused record, so no blank line stands there); the keys follow."""
        refusal = self.highlighted_refusal()
        line.update(refused_mark(self, t("refused.why", reason=refusal.why)) if refusal else "")
        line.display = refusal is not None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ACTIONS:
            return self.highlighted_refusal() is not None
        return super().check_action(action, parameters)

    def action_send_again(self) -> None:
        refusal = self.highlighted_refusal()
        if refusal is not None:
            self._act(refusal.seq, discard=False)

    def action_discard_refused(self) -> None:
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        refusal = self.highlighted_refusal()
        if refusal is None:
            return
        seq = refusal.seq

        def answered(yes: bool | None) -> None:
            if yes:
                self._act(seq, discard=True)

        body = t(f"refused.discard.body.{self.REFUSED_KIND}", what=self.refused_subject())
        self.app.push_screen(
            ConfirmDialog(
                t(f"refused.discard.title.{self.REFUSED_KIND}"),
                body,
                yes=t("refused.discard.yes"),
                safe_default=True,
            ),
            answered,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="refused-record")
    def _act(self, seq: int, *, discard: bool) -> None:
        from fieldapp.services.common import refused_records
        from fieldapp.store import db

        with db.connection_context():
            try:
                if discard:
                    refused_records.discard(seq)
                else:
                    refused_records.send_again(seq)
            except refused_records.NotRefused:
                self.post_message(self.Acted(discard, gone=True))
                return
        self.post_message(self.Acted(discard))

    @dataclass
    class Acted(Message):
        discard: bool
        gone: bool = False  # sent again or discarded already (another screen, a sync)

    @on(Acted)
    def _acted(self, event: Acted) -> None:
        if event.gone:
            self.explain(t("refused.gone"))
        elif event.discard:
            self.notify(t("refused.discarded"))
        else:
            from fieldapp.tui.messages import SyncRequested

            self.notify(t("refused.sent_again"))
            self.app.post_message(SyncRequested("refused.send_again"))
        self.refusal_acted()
