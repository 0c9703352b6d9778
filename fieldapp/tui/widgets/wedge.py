"""Keyboard-wedge scans on any screen: the App-level key hook.

`WedgeListener` is the App base that sees every key before a widget or a binding does
(`App.on_event`, where Textual checks priority bindings and forwards the key to the
focused widget), each once the key before it was handled (`KeysInOrder`). It asks
`fieldapp.tui.scanner.WedgeDetector` what to do with each key:
deliver it, keep it back while a fast burst looks like a placard (or, where no text field
has focus, is any fast burst: its keys would be hotkeys), or — on the Enter that
ends such a burst — swallow it and post `WedgeScanned(text)` to the app. Keys held back
for a burst that turns out to be typing are delivered in order, so slow typing in a field
stays typing.

A key's time is when the terminal driver read it (`events.Key.time`), not when the app got
round to it: a busy app can take a scanner's keys out of its queue tens of milliseconds
apart. Tests replace `key_time` (and the detector's `clock`) to decide how fast keys came.

No store or network here: what a scan means is the app's question (`fieldapp.tui.parts.scanning`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from textual import events
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from fieldapp.tui.scanner import HOLD, SCAN, WedgeDetector
from fieldapp.tui.widgets.key_order import KeysInOrder

# The clock Textual stamps messages with (textual._time): key times and "now" must agree.
MESSAGE_CLOCK = time.perf_counter if sys.platform == "win32" else time.monotonic


def event_time(event: events.Key) -> float | None:
    return event.time


def typing_field(widget: object) -> bool:
    """Is `widget` a field that printable keys type into (an Input or a TextArea)?
    TextArea is looked up only once some dialog has imported it: importing it here cost
    ~7 ms of every start-up, and no TextArea can have focus before it is imported."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


class WedgeScanned(Message):
    """A keyboard-wedge burst that looks like a placard was typed (its text)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


@dataclass
class _BeforeBurst:
    """What the screen looked like before a burst's first key was delivered."""

    stack: list[Screen[object]] = field(default_factory=list)
    input: Input | None = None
    value: str = ""
    cursor: int = 0


class WedgeListener(KeysInOrder):
    """An App that recognises keyboard-wedge scans wherever the focus is."""

    def __init__(self) -> None:
        super().__init__()
        self.wedge = WedgeDetector(clock=MESSAGE_CLOCK)
        self.key_time: Callable[[events.Key], float | None] = event_time
        self._wedge_held: list[events.Key] = []
        self._wedge_before = _BeforeBurst()
        self._wedge_timer: Timer | None = None

    def wedge_enabled(self) -> bool:
        """Watch keys for scans now? (False where a screen reads scans itself.)"""
        return True

    def wedge_reads_every_burst(self) -> bool:
        """Is any fast burst ended by Enter a scan here, though a field has focus? (The
        scan dialog's field: what a scanner types there is a scan, whatever its text.)"""
        return False

    @property
    def wedge_expiry(self) -> float:
        """Seconds after the last key before held keys are given up and delivered."""
        return max(self.wedge.max_gap * 2, 0.05)

    async def key_in_order(self, event: events.Key) -> None:
        if not self.wedge_enabled():
            self.wedge.reset()
            await self._wedge_replay()
        elif await self._wedge_key(event):
            return
        await super().key_in_order(event)

    async def _wedge_key(self, event: events.Key) -> bool:
        """Feed one key to the detector; True if it was held back or ended a scan."""
        # Any fast burst is held where keys are hotkeys, or where a field expects scans.
        hotkeys = not typing_field(self.focused) or self.wedge_reads_every_burst()
        step = self.wedge.press(event.key, event.character, self.key_time(event), hotkeys=hotkeys)
        if step.replay:
            await self._wedge_replay()
        if step.burst_start:
            self._wedge_before = self._before_burst()
        if step.action == HOLD:
            self._wedge_held.append(event)
            if self._wedge_timer is None:
                self._wedge_timer = self.set_timer(self.wedge_expiry, self._wedge_expired)
            return True
        if step.action == SCAN:
            self._wedge_held.clear()
            self._undo_burst_start(self._wedge_before)
            self.post_message(WedgeScanned(step.text))
            return True
        return False

    async def _wedge_replay(self) -> None:
        """Deliver the held keys, in the order they came."""
        held, self._wedge_held = self._wedge_held, []
        for key in held:
            await super().key_in_order(key)

    async def _wedge_expired(self) -> None:
        self._wedge_timer = None
        if self.wedge.expire(self.wedge_expiry):
            await self._wedge_replay()
        elif self.wedge.holding:
            self._wedge_timer = self.set_timer(self.wedge_expiry, self._wedge_expired)

    def _before_burst(self) -> _BeforeBurst:
        focused = self.focused
        if isinstance(focused, Input):
            return _BeforeBurst(
                list(self.screen_stack), focused, focused.value, focused.cursor_position
            )
        return _BeforeBurst(list(self.screen_stack))

    def _undo_burst_start(self, before: _BeforeBurst) -> None:
        """Take back what the burst's first keys did before it was recognised (with Caps
        Lock on, where the first ``f`` is delivered, or where the scanner stalled in the
        placard's first keys and they were given back): text typed into the focused
        field, a screen a key opened."""
        if before.stack:
            while len(self.screen_stack) > len(before.stack) and self.screen not in before.stack:
                self.pop_screen()
        field_ = before.input
        if field_ is not None and field_.is_attached and field_.value != before.value:
            field_.value = before.value
            field_.cursor_position = before.cursor
