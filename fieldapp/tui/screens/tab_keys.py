"""Tabs switched with the number keys 1–n from a screen's lists, as F5's number keys switch
its queues: Right did nothing while a list had focus, so F6's and F8's later tabs could
not be reached from the keyboard. Each tab says its key (`queue_tab_label`: 1·填报日报),
the footer shows the keys as one group (12 切换页), and the tab shown takes the focus to
its list, so ↑↓ move in it. Typed into a field, the numbers stay text (the keys are not
`priority`)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.widgets import TabbedContent

from fieldapp.tui.screens import FieldScreen


def tab_bindings(screen: str, count: int) -> list[Binding]:
    """The keys 1…`count` that show the screen's tabs (the action `tab(n - 1)`), labelled
    `binding.<screen>.tab_<n>` and, as a group, `binding.<screen>.group`."""
    group = Binding.Group("Tabs", compact=True)
    return [Binding(str(n), f"tab({n - 1})", f"Tab {n}", id=f"{screen}.tab_{n}", group=group)
            for n in range(1, count + 1)]  # fmt: skip


class TabKeys(FieldScreen[None]):
    """`action_tab` for a screen with `tab_bindings`."""

    TABBED: ClassVar[str]  # the id of the screen's TabbedContent
    TAB_FOCUS: ClassVar[tuple[tuple[str, str], ...]]  # each tab's pane and the widget it focuses

    def action_tab(self, index: int) -> None:
        tabs = self.query_one(f"#{self.TABBED}", TabbedContent)
        pane, widget = self.TAB_FOCUS[index]
        if tabs.active == pane:
            return
        tabs.active = pane
        self.query_one(f"#{widget}").focus()
