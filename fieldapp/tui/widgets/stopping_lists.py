"""Short choice lists whose cursor stops at the ends instead of wrapping round.

Textual's OptionList and RadioSet wrap: ↓ on the last choice moves to the first. In a short
list of answers that silently turns "one more ↓ to be sure" into the first answer (a
presence reason of 标牌缺失 where 其他原因 was meant). These lists stop at the first and the
last choice, as a ListView does.

In a list of reasons the choice highlighted is the answer, never a cursor beside it: the
presence dialog opened on 标牌缺失 yet refused to take it, and took 标牌损坏 after ↓, and
the reveal dialog showed its first purpose highlighted, not chosen. A reveal's purpose is
recorded for an audit of personal data, so `ChoosingRadioSet` highlights none until the
person moves to one.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.events import Mount
from textual.message import Message
from textual.widgets import OptionList, RadioButton, RadioSet


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


class ChoosingRadioSet(StoppingRadioSet):
    """A StoppingRadioSet whose cursor is its answer: no button is under the cursor until
    the person moves to one (↑↓), and moving to one presses it, so the one highlighted is
    the one chosen. Enter or Space posts `Picked` (chosen or not), to go on from it."""

    class Picked(Message):
        def __init__(self, radio_set: ChoosingRadioSet) -> None:
            super().__init__()
            self.radio_set = radio_set

        @property
        def control(self) -> ChoosingRadioSet:
            return self.radio_set

    _placing = False  # RadioSet's mount puts the cursor on the first button: not here

    def _on_mount(self, _: Mount) -> None:  # runs before RadioSet's own
        self._placing = not any(button.value for button in self.query(RadioButton))

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press()

    def action_next_button(self) -> None:
        if self._placing:
            self._placing = False
            return
        super().action_next_button()
        self._press()

    def action_toggle_button(self) -> None:
        self._press()
        self.post_message(self.Picked(self))

    def _press(self) -> None:
        if self._selected is not None:
            button = self._nodes[self._selected]
            assert isinstance(button, RadioButton)
            button.value = True
