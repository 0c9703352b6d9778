"""The wait after wrong device PINs (`fieldapp.domain.device_pin.wait_after`), kept beside
the store in `.pin-attempts`: the wrong PINs in a row and the wait still to serve.

The wait is counted down on the process's monotonic clock, never the wall clock, which a
person at the keyboard can set forward. The file's time left is brought down as it runs
(`wait_left`, every `SAVE_EVERY_SECONDS`), so the wait goes by only while the app (or a
command) runs: a restart resumes it with at most those seconds added, and whatever the
laptop's clock says meanwhile shortens nothing. An older file (the wall-clock time of the
last wrong PIN) or a damaged one means the whole wait again, never none.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain import device_pin
from fieldapp.store.db import db
from fieldapp.store.owner_files import write_owner_only

SAVE_EVERY_SECONDS = 5.0


@dataclass
class _Countdown:
    """The wait being served in this process: `left` seconds at monotonic time `since`."""

    failures: int
    since: float
    left: float
    saved: float  # the time left the file holds


# The attempts file's wait as counted down in this process, by file.
_countdowns: dict[str, _Countdown] = {}
# The lock screen counts down while its worker may count a wrong PIN.
_lock = threading.Lock()


def attempts_path() -> Path:
    return Path(str(db.database) + ".pin-attempts")


def failures() -> tuple[int, float]:
    """Wrong PINs in a row, and the seconds of waiting the file says are left."""
    path = attempts_path()
    if not path.is_file():
        return 0, 0.0
    try:
        held = json.loads(path.read_text(encoding="ascii"))
        count = int(held["failures"])
        left = float(held["left"]) if "left" in held else device_pin.wait_after(count)
    except (ValueError, KeyError, TypeError):  # a damaged count is not a reset
        count = device_pin.FREE_ATTEMPTS
        left = device_pin.wait_after(count)
    return count, min(max(left, 0.0), device_pin.LONGEST_WAIT_SECONDS)


def _save(count: int, left: float) -> None:
    write_owner_only(attempts_path(), json.dumps({"failures": count, "left": round(left, 3)}))


def wait_left(now: float) -> float:
    """Seconds before the next PIN may be tried; `now` is monotonic (time.monotonic). The
    first call in a process starts counting down what the file holds."""
    with _lock:
        return _wait_left(now)


def _wait_left(now: float) -> float:
    path = str(attempts_path())
    countdown = _countdowns.get(path)
    if countdown is None:
        count, left = failures()
        if left <= 0:
            return 0.0
        countdown = _countdowns[path] = _Countdown(count, now, left, left)
    left = max(0.0, countdown.left - max(0.0, now - countdown.since))
    if countdown.saved - left >= SAVE_EVERY_SECONDS or (left == 0 < countdown.saved):
        if failures()[0] != countdown.failures:  # another process counted (or opened) meanwhile
            del _countdowns[path]
            return _wait_left(now)
        _save(countdown.failures, left)
        countdown.saved = left
    return left


def count_wrong_pin(now: float) -> None:
    """One more wrong PIN: its wait starts now (monotonic)."""
    with _lock:
        count = failures()[0] + 1
        wait = device_pin.wait_after(count)
        _save(count, wait)
        _countdowns[str(attempts_path())] = _Countdown(count, now, wait, wait)


def clear() -> None:
    """The PIN opened the key (or a new one was set, or the device forgot it): no wait."""
    with _lock:
        _countdowns.pop(str(attempts_path()), None)
        attempts_path().unlink(missing_ok=True)
