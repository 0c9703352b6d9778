"""The daily report's remarks field: what typed into it is not thrown away unasked.

Esc (back) with remarks typed and not yet filed asks "放弃已填写的内容？" as every form
does (y leaves, n or Esc stays), as does moving to another grid (the remarks are the grid's:
y clears them, n goes back to the grid they were typed for) and a key to another section
(`holds_typed`), and Ctrl+Q says so too (`quit_warning`). The hint under
the field names z (zero report) only while z acts: in the field, z types.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.tui.screens import FieldScreen

REMARKS = "#report-remarks"


class RemarksKept(FieldScreen[None]):
    remarks_filed = ""  # the remarks of the report filed last from here

    def holds_typed(self) -> bool:
        """Remarks typed and not filed (asked about before another section replaces this
        one: `Navigation.go_to`)."""
        remarks = self.query_one(REMARKS, Input).value
        return bool(remarks.strip()) and remarks != self.remarks_filed

    def discard_typed(self) -> None:
        self.query_one(REMARKS, Input).value = ""

    def quit_warning(self) -> str:
        return t("form.discard.body") if self.holds_typed() else ""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.unless_kept(self.app.pop_screen)

    def unless_kept(
        self, go: Callable[[], object], stay: Callable[[], object] | None = None
    ) -> None:
        """`go` (which throws typed remarks away), asked first if there are any; `stay`
        when the answer is to keep them."""
        if not self.holds_typed():
            go()
            return
        from fieldapp.tui.dialogs.discarding import discard_question

        def answered(discard: bool | None) -> None:
            if self.app.screen is not self:
                return
            if discard:
                go()
            elif stay is not None:
                stay()

        self.app.push_screen(
            discard_question(),
            answered,
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_hint()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        typing = isinstance(self.app.focused, Input) and self.app.focused.id == REMARKS[1:]
        self.query_one("#report-hint", Static).update(
            t("report.hint.typing" if typing else "report.hint")
        )
