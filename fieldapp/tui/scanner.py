"""Telling a keyboard-wedge scan from typing, and ignoring a placard read twice.

A USB QR scanner "types" the code: a burst of keys a few milliseconds apart, ending in
Enter. A person types tens to hundreds of milliseconds apart. `WedgeDetector` watches the
keys in the order they arrive and says, key by key, what to do with each:

- ``PASS``: deliver the key as usual (typing, bindings);
- ``HOLD``: keep it back — the burst so far is fast and starts like a placard
  (``FA1:``), so the rest of it should not reach a field or a binding;
- ``SCAN``: this Enter ends a fast burst of at least `min_length` characters that looks
  like a placard: swallow the Enter and treat the text as a scan.

A step may also ask to ``replay`` the held keys first: the burst turned out to be typing
after all (a slow key, a key a placard never has, Enter too late), so the held keys are
delivered, in order, before this one.

Holding starts at the first key that could begin a placard: an uppercase ``F`` after a
pause (a scanner types the payload in capitals), or the ``a`` of a fast ``fa`` (a scanner
with Caps Lock on). A lone ``F`` typed by a person is held only until `expire` (a few tens
of milliseconds). With Caps Lock on, the first ``f`` has already been delivered when the
burst is recognised, so the caller notes the state at `Step.burst_start` and puts it back
on a scan.

`RepeatGuard` remembers placards scanned in the last few seconds: scanners often read the
same code twice, and the second read should do nothing.

Pure: no Textual, store or network (the payload format itself is `fieldapp.domain.placard`). Time comes from an injectable `clock` (seconds, any
monotonic origin), so tests decide how fast each key came.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final


def looks_like_payload(text: str) -> bool:
    """`fieldapp.domain.placard.looks_like_payload`, imported on first use: that module
    loads `cryptography` (~15 ms), which the TUI's start-up does not need."""
    from fieldapp.domain.placard import looks_like_payload as looks_like

    return looks_like(text)


PASS: Final = "pass"
HOLD: Final = "hold"
SCAN: Final = "scan"

DEFAULT_MAX_GAP = 0.030  # seconds between the keys of a scan (scanners: 1-10 ms)
DEFAULT_MIN_LENGTH = 8
DEFAULT_REPEAT_WINDOW = 10.0  # seconds
MAX_BURST = 512  # a burst longer than any placard is not one

# Every character a placard payload can hold (lowercase: a scanner with Caps Lock on).
PAYLOAD_CHARS: Final = frozenset(string.ascii_letters + string.digits + ":.-")
_HEADER_PREFIX_RE = re.compile(r"F(?:A\d{0,3})?")  # "F", "FA", "FA1": a header cut short


def could_be_payload(text: str) -> bool:
    """Could `text` be a placard payload, or the start of one (case-insensitively)?"""
    if not text or any(c not in PAYLOAD_CHARS for c in text):
        return False
    return looks_like_payload(text) or _HEADER_PREFIX_RE.fullmatch(text.upper()) is not None


Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Step:
    """What to do with one key: `action` is PASS, HOLD or SCAN."""

    action: str
    replay: bool = False  # deliver the held keys (in order) before this one
    burst_start: bool = False  # this key starts a new burst: note the state before it
    text: str = ""  # the scanned text, for SCAN


@dataclass
class WedgeDetector:
    """Key-by-key decisions for one keyboard; see the module docstring."""

    max_gap: float = DEFAULT_MAX_GAP
    min_length: int = DEFAULT_MIN_LENGTH
    clock: Clock = time.monotonic
    looks_like: Callable[[str], bool] = looks_like_payload
    could_be: Callable[[str], bool] = could_be_payload
    _chars: list[str] = field(default_factory=list, init=False, repr=False)
    _holding: bool = field(default=False, init=False, repr=False)
    _last: float | None = field(default=None, init=False, repr=False)

    @property
    def holding(self) -> bool:
        return self._holding

    def press(self, key: str, character: str | None, at: float | None = None) -> Step:
        """Decide on one key event (Textual's `key` name and `character`), which came `at`
        (on `clock`'s time line; now when not given)."""
        now = self.clock() if at is None else at
        fast = self._last is not None and now - self._last <= self.max_gap
        self._last = now
        if key == "enter":
            text = "".join(self._chars)
            was_holding = self._end_burst()
            if was_holding and fast and len(text) >= self.min_length and self.looks_like(text):
                return Step(SCAN, text=text)
            return Step(PASS, replay=was_holding)
        if character is None or len(character) != 1 or not character.isprintable():
            return Step(PASS, replay=self._end_burst())
        if fast and self._chars:
            self._chars.append(character)
            if len(self._chars) <= MAX_BURST and self.could_be("".join(self._chars)):
                self._holding = True
                return Step(HOLD)
        # A new burst: after a pause, or where the fast keys so far are no placard (a
        # scan may follow a key typed a moment before).
        replay = self._end_burst()
        self._chars.append(character)
        self._holding = character == "F"
        return Step(HOLD if self._holding else PASS, replay=replay, burst_start=True)

    def idle_for(self) -> float:
        """Seconds since the last key (0 before any key)."""
        return 0.0 if self._last is None else self.clock() - self._last

    def expire(self, idle: float) -> bool:
        """The burst stopped without an Enter for `idle` seconds: give up holding.

        Returns True when held keys must now be delivered (the caller replays them).
        """
        if not self._holding or self.idle_for() < idle:
            return False
        return self._end_burst()

    def reset(self) -> None:
        """Forget the burst in progress (its held keys are the caller's to deliver)."""
        self._end_burst()

    def _end_burst(self) -> bool:
        """Forget the burst; True if keys were being held."""
        was_holding = self._holding
        self._chars.clear()
        self._holding = False
        return was_holding


@dataclass
class RepeatGuard:
    """Has this placard been scanned within the last `window` seconds?"""

    window: float = DEFAULT_REPEAT_WINDOW
    clock: Clock = time.monotonic
    _seen: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def repeated(self, text: str) -> bool:
        """True if `text` was seen within the window (ignore it); otherwise remember it."""
        now = self.clock()
        self._seen = {k: at for k, at in self._seen.items() if now - at < self.window}
        if text in self._seen:
            return True
        self._seen[text] = now
        return False
