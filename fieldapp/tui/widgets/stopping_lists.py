"""Short choice lists whose cursor stops at the ends instead of wrapping round.

Textual's OptionList and RadioSet wrap: ↓ on the last choice moves to the first. In a short
list of answers that silently turns "one more ↓ to be sure" into the first answer (a
presence reason of 标牌缺失 where 其他原因 was meant). These lists stop at the first and the
last choice, as a ListView does.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.widgets import OptionList, RadioSet


class StoppingOptionList(OptionList):
    """An OptionList whose ↑ stops at the first option and ↓ at the last."""

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: _widget_navigation.Direction) -> None:
        step = _widget_navigation.find_next_enabled_no_wrap(
            self.options, anchor=self.highlighted, direction=direction
        )
        if step is not None:
            self.highlighted = step


class StoppingRadioSet(RadioSet):
    """A RadioSet whose ↑ stops at the first button and ↓ at the last."""

    def action_previous_button(self) -> None:
        self._step(-1)

    def action_next_button(self) -> None:
        self._step(1)

    def _step(self, direction: _widget_navigation.Direction) -> None:
        step = _widget_navigation.find_next_enabled_no_wrap(
            self.children, anchor=self._selected, direction=direction
        )
        if step is not None:
            self._selected = step
