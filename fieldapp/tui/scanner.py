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

A scanner can stall mid-code (a USB hiccup, a busy host). Once the held keys start like a
placard (``FA1:``), a pause of up to `max_pause` is part of the burst: the keys stay held.
A stall before that gives the first keys back (they reach a field or a binding), but the
keys after it are held again when, with those, they start a placard: the burst goes on
from the ``F`` that started it, and the caller puts back the state it noted there, as for
Caps Lock. A burst gets at most `MAX_STALLS` such pauses: a person pauses at every key,
so "FA1:…" typed by hand stays typing.

Where no text field has focus (`hotkeys`), printable keys are hotkeys, and a scanner
typing a venue code (``DM-0010``, an unsigned placard) or any other text would set them
off, and its Enter would open the highlighted row. There, the keys of any fast burst but
one key repeated (a held key's auto-repeat) are held after its first one (which the
caller takes back on a scan, as for Caps Lock), and the Enter that ends a fast burst of
at least `min_code_length` keys is a scan, whatever the text: the app says what it is.
A code's first letter repeated (``XX-999``) is delivered as typed, up to
`MAX_REPEATED_LEAD` times, but stays in the burst, which goes on from its first key: the
burst is not started again at the second ``X``, which lost the first. More repeats are a
held key, whose burst is none.

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
DEFAULT_MAX_PAUSE = 1.0  # seconds a scanner may stall inside a placard
DEFAULT_MIN_LENGTH = 8
DEFAULT_MIN_CODE_LENGTH = 4  # keys of a fast burst over hotkeys that make a scan
DEFAULT_REPEAT_WINDOW = 2.0  # seconds: a scanner's second read, not a person's re-scan
MAX_BURST = 512  # a burst longer than any placard is not one
MAX_REPEATED_LEAD = 3  # a code's leading letter repeated (XX-999); more is a held key
MAX_STALLS = 3  # pauses inside a placard that still make it a scanner's
_HEADER_CHARS = len("FA999:")  # the most a stall can have given back of a placard's start

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
    min_code_length: int = DEFAULT_MIN_CODE_LENGTH
    max_pause: float = DEFAULT_MAX_PAUSE
    clock: Clock = time.monotonic
    looks_like: Callable[[str], bool] = looks_like_payload
    could_be: Callable[[str], bool] = could_be_payload
    _chars: list[str] = field(default_factory=list, init=False, repr=False)
    _holding: bool = field(default=False, init=False, repr=False)
    # Keys since the last pause longer than max_pause, delivered or held: (character,
    # came within max_gap of the key before).
    _recent: list[tuple[str, bool]] = field(default_factory=list, init=False, repr=False)
    _last: float | None = field(default=None, init=False, repr=False)

    @property
    def holding(self) -> bool:
        return self._holding

    def press(
        self, key: str, character: str | None, at: float | None = None, *, hotkeys: bool = False
    ) -> Step:
        """Decide on one key event (Textual's `key` name and `character`), which came `at`
        (on `clock`'s time line; now when not given); `hotkeys`: no text field has focus,
        so printable keys act as hotkeys."""
        now = self.clock() if at is None else at
        gap = None if self._last is None else now - self._last
        self._last = now
        brief = gap is not None and gap <= self.max_pause  # at most a scanner's stall
        quick = gap is not None and gap <= self.max_gap
        fast = quick or (brief and self._stalled())
        if not brief:
            self._recent.clear()
        if key == "enter":
            return self._enter(fast, hotkeys)
        if character is None or len(character) != 1 or not character.isprintable():
            self._recent.clear()
            return Step(PASS, replay=self._end_burst())
        self._recent.append((character, quick))
        del self._recent[:-MAX_BURST]
        if fast and self._chars:
            self._chars.append(character)
            text = "".join(self._chars)
            repeated = len(set(text)) == 1  # a code's doubled first letter, or a held key
            over_hotkeys = hotkeys and not repeated
            if len(self._chars) <= MAX_BURST and (over_hotkeys or self.could_be(text)):
                self._holding = True
                return Step(HOLD)
            if hotkeys and repeated and len(self._chars) <= MAX_REPEATED_LEAD:
                return Step(PASS)  # delivered, but the burst goes on from its first key
        # A new burst: after a pause, or where the fast keys so far are no placard (a
        # scan may follow a key typed a moment before).
        replay = self._end_burst()
        if hotkeys and self._repeats() > MAX_REPEATED_LEAD:
            return Step(PASS, replay=replay)  # a held key's auto-repeat: no burst
        resumed = self._resumable() if brief else ""
        if resumed:  # a stall gave back the keys before this one: hold the rest again
            self._chars.extend(resumed)
            self._holding = True
            return Step(HOLD, replay=replay)
        self._chars.append(character)
        self._holding = character == "F"
        return Step(HOLD if self._holding else PASS, replay=replay, burst_start=True)

    def _enter(self, fast: bool, hotkeys: bool) -> Step:
        text = "".join(self._chars)
        self._recent.clear()
        was_holding = self._end_burst()
        if was_holding and fast and len(text) >= self.min_length and self.looks_like(text):
            return Step(SCAN, text=text)
        if was_holding and fast and hotkeys and len(text) >= self.min_code_length:
            return Step(SCAN, text=text)  # a venue code, or text the app says is no placard
        return Step(PASS, replay=was_holding)

    def _repeats(self) -> int:
        """How many keys, this one included, repeat its character at a scanner's pace."""
        last = self._recent[-1][0]
        count = 0
        for c, quick in reversed(self._recent):
            if c != last:
                break
            count += 1
            if not quick:
                break
        return count

    def _resumable(self) -> str:
        """The start of a placard that the last few keys (this one included) make, where
        a stall gave the first of them back; "" if none."""
        typed = "".join(c for c, _fast in self._recent[-_HEADER_CHARS:])
        for start, c in enumerate(typed[:-1]):
            candidate = typed[start:]
            stalls = self._stalls(len(candidate))
            if c in "Ff" and stalls <= MAX_STALLS and self.could_be(candidate):
                return candidate
        return ""

    def _stalls(self, keys: int) -> int:
        """How many of the last `keys` keys came after a pause (their first one aside)."""
        last = self._recent[-keys:][1:] if keys > 1 else []
        return sum(1 for _c, quick in last if not quick)

    def _stalled(self) -> bool:
        """Is the burst held so far a placard's start, so a pause is a scanner's stall?"""
        return (
            self._holding
            and self._stalls(len(self._chars)) < MAX_STALLS
            and self.looks_like("".join(self._chars))
        )

    def idle_for(self) -> float:
        """Seconds since the last key (0 before any key)."""
        return 0.0 if self._last is None else self.clock() - self._last

    def expire(self, idle: float) -> bool:
        """The burst stopped without an Enter for `idle` seconds: give up holding.

        Returns True when held keys must now be delivered (the caller replays them).
        """
        if self._stalled():
            idle = max(idle, self.max_pause)
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

    def forget(self, text: str) -> None:
        """`text` scanned again is read, not ignored (its scan was not used)."""
        self._seen.pop(text, None)
