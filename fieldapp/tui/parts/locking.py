"""The device lock's half in the app: the PIN at start-up, the idle lock, ctrl+l.

A device holding personal data shows the lock screen at start-up (or asks for a PIN to be
set, the first time, and after a sync brought the key); every key and click counts as
activity; each unlock starts a sync (a revoked device learns it then, and deletes its
people data); `lock_if_idle` — run by a timer, and by tests with their own clock — locks the app
after the `idle_lock_minutes` setting without activity: the opened key is forgotten,
notifications (a revealed ID number) are cleared and the lock screen covers everything.
What was open below it (a half-typed form) is there again after the PIN.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from fieldapp.services.common.device_lock import LOCKED, NEEDS_PIN, OPEN
from fieldapp.tui.messages import SyncFinished, SyncRequested

IDLE_CHECK_SECONDS = 5.0
ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


@dataclass
class LockRead(Message):
    state: str  # services.common.device_lock: OPEN, NEEDS_PIN, LOCKED
    idle_minutes: float


class LockingApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: it locks over an open dialog too (one walked away from).
        Binding("ctrl+l", "lock", "Lock", id="app.lock", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.idle_clock: Callable[[], float] = time.monotonic
        self.last_activity = self.idle_clock()
        self.idle_lock_minutes = 5.0
        self.lock_state = OPEN
        self._after_unlock: list[Callable[[], None]] = []

    # (lock state, idle minutes) read by the app's start (`startup.run_tui`) before Textual
    startup_lock: tuple[str, float] | None = None

    def on_mount(self) -> None:
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle, name="idle-lock")
        read, self.startup_lock = self.startup_lock, None
        if read is None:
            self.read_lock()
        else:  # the lock screen, if any, is up before home's first frame
            self._lock_read(LockRead(*read))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ACTIVITY):
            self.last_activity = self.idle_clock()
        await super().on_event(event)

    @property
    def is_locked(self) -> bool:
        return bool(getattr(self.screen, "LOCKS_APP", False))

    @work(thread=True, exclusive=True, exit_on_error=False, group="lock-read")
    def read_lock(self) -> None:
        """Whether the device must be unlocked (or a PIN set), and the idle time."""
        from fieldapp.services.common import device_lock
        from fieldapp.store import db

        with db.connection_context():
            self.post_message(LockRead(device_lock.lock_state(), device_lock.idle_lock_minutes()))

    @on(LockRead)
    def _lock_read(self, event: LockRead) -> None:
        self.lock_state = event.state
        self.idle_lock_minutes = event.idle_minutes
        if event.state == OPEN and self.is_locked:
            self.screen.dismiss(False)  # nothing left to protect (a revoked device)
        elif event.state == LOCKED:
            self.show_lock()
        elif event.state == NEEDS_PIN:
            self.show_lock(set_pin=True)

    @on(SyncFinished)
    def _sync_may_bring_a_key(self) -> None:
        self.read_lock()  # the first key arrives with a sync: then a PIN must be set

    def lock_if_idle(self) -> None:
        if self.lock_state != OPEN or self.is_locked:
            return
        if self.idle_clock() - self.last_activity >= self.idle_lock_minutes * 60:
            self.lock_now()

    def action_lock(self) -> None:
        if self.lock_state == OPEN and not self.is_locked:
            self.lock_now()

    def lock_now(self) -> None:
        """Forget the opened key and cover the screen; only a device with a PIN locks."""
        from fieldapp.services.common import device_lock

        if not self._has_pin():
            return
        device_lock.lock()
        self.clear_notifications()
        self.show_lock()

    def _has_pin(self) -> bool:
        from fieldapp.store import keyring

        return keyring.state() in (keyring.LOCKED, keyring.UNLOCKED)

    def show_lock(self, *, set_pin: bool = False) -> None:
        from fieldapp.tui.screens.lock import LockScreen, SetPinScreen

        if self.is_locked:
            return
        self.lock_state = NEEDS_PIN if set_pin else LOCKED
        self.push_screen(SetPinScreen() if set_pin else LockScreen(), self._unlocked)

    def _unlocked(self, opened: bool | None) -> None:
        was_locked = self.lock_state == LOCKED
        self.lock_state = OPEN
        self.last_activity = self.idle_clock()
        if opened and was_locked:
            # Online, the server hears from a device at each unlock: a revoked one learns
            # it at once and deletes its people data (sync.client).
            self.post_message(SyncRequested())
        pending, self._after_unlock = self._after_unlock, []
        for step in pending:
            step()

    def when_unlocked(self, step: Callable[[], None]) -> None:
        """Run `step` now, or once the PIN has opened the device (e.g. the offer to
        resume a draft, which must not stand above the lock screen)."""
        if self.is_locked or self.lock_state != OPEN:
            self._after_unlock.append(step)
        else:
            step()
