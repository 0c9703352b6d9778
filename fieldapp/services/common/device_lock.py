"""The device lock: the PIN that releases the personal-data key, and the idle time after
which the app locks itself (the `idle_lock_minutes` setting).

A device holding personal data asks for a PIN to be set (`NEEDS_PIN`), then for the PIN at
start-up and after being idle (`LOCKED`); wrong PINs wait longer and longer
(`fieldapp.domain.device_pin.wait_after`, counted in `fieldapp.store.keyring`). Unlocking
runs Argon2id (~0.3 s): callers run it in a worker.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from fieldapp.domain import device_pin
from fieldapp.services.common import settings
from fieldapp.store import keyring

IDLE_LOCK_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5.0
SHORTEST_IDLE_LOCK_MINUTES = 1.0
LONGEST_IDLE_LOCK_MINUTES = 60.0

OPEN = "open"  # nothing to protect (no personal data) or the PIN opened it
NEEDS_PIN = "needs_pin"  # personal data, and no PIN set yet
LOCKED = "locked"

PinWait = keyring.PinWait
WrongPin = device_pin.WrongPin


# Set by `fieldapp web` for each browser session's app. That store lives on the office
# server, is opened by the user's sign-in (Argon2 password, expiring sessions) and deleted
# at sign-out, so it asks no device PIN of its own — a new one at every sign-in.
WEB_SESSION_ENV = "FIELDAPP_WEB_SESSION"


def lock_state() -> str:
    if os.environ.get(WEB_SESSION_ENV) == "1":
        return OPEN
    held = keyring.state()
    if held == keyring.CLEAR:
        return NEEDS_PIN
    if held == keyring.LOCKED:
        return LOCKED
    return OPEN


def pin_problem(pin: str) -> str | None:
    return device_pin.pin_problem(pin)


def set_pin(pin: str) -> None:
    """Wrap the keys under `pin`; what was stored before (clear) is sealed now."""
    from fieldapp.store.personal_data import seal_plain_rows  # not needed at start-up

    keyring.set_pin(pin)
    seal_plain_rows()


def unlock(pin: str, *, clock: Callable[[], float] = time.monotonic) -> None:
    """Open the personal-data key; PinWait or WrongPin (counted) when it does not. A store
    from before sealing at rest gets its people sealed at this first unlock."""
    from fieldapp.store.personal_data import seal_plain_rows  # not needed at start-up

    keyring.unlock(pin, clock=clock)
    seal_plain_rows()


def wait_left(*, clock: Callable[[], float] = time.monotonic) -> float:
    """Seconds before the next PIN may be tried (counting down while this process runs)."""
    return keyring.wait_left(clock())


def lock() -> None:
    keyring.lock()


def idle_lock_minutes() -> float:
    """Minutes without a key or a click before the app locks (1 to 60; 5 by default)."""
    try:
        value = float(settings.get(IDLE_LOCK_SETTING, DEFAULT_IDLE_LOCK_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES
    return min(max(value, SHORTEST_IDLE_LOCK_MINUTES), LONGEST_IDLE_LOCK_MINUTES)


def set_idle_lock_minutes(minutes: float) -> None:
    if not SHORTEST_IDLE_LOCK_MINUTES <= minutes <= LONGEST_IDLE_LOCK_MINUTES:
        raise ValueError(
            f"the idle lock is {SHORTEST_IDLE_LOCK_MINUTES:g} to "
            f"{LONGEST_IDLE_LOCK_MINUTES:g} minutes"
        )
    settings.put(IDLE_LOCK_SETTING, minutes)
