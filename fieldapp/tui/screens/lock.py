"""The lock screen: the device PIN, set once and asked at start-up and after idle time.

It covers every screen below it (nothing of the registry shows through), and only the
app's quit, language and key-list actions work while it is up (`ALLOWED_APP_ACTIONS`).
`SetPinScreen` asks a new PIN twice (a device that has just received personal data);
`LockScreen` asks the PIN and says how long to wait after too many wrong ones. The
Argon2id work runs in a thread worker; Esc does not unlock anything.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.screens import unworded_dialog_in
from fieldapp.tui.widgets.key_footer import KeyFooter


@dataclass
class PinAnswer(Message):
    """The worker's verdict: opened, or what to say (a catalogue key) and the seconds to
    wait before the next PIN, if any."""

    opened: bool
    key: str = ""
    seconds: int = 0


class PinInput(Input):
    """A PIN field (hidden): only digits go in, as typed. Anything else is refused with the
    bell and a `NotADigit`, where a letter or a Chinese character went in as a dot and was
    only refused on Enter, and a `Typed` when a key typed changes the PIN."""

    class NotADigit(Message):
        pass

    class Typed(Message):
        pass

    def __init__(self, placeholder: str, id: str) -> None:
        super().__init__(
            password=True, max_length=12, restrict=r"[0-9]*", placeholder=placeholder, id=id
        )

    def restricted(self) -> None:
        super().restricted()
        self.post_message(self.NotADigit())

    def replace(self, text: str, start: int, end: int) -> None:
        before = self.value
        super().replace(text, start, end)
        if self.value != before:
            self.post_message(self.Typed())


class _PinScreen(ModalScreen[bool]):
    ALLOWED_APP_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"quit", "switch_language", "toggle_keys"}
    )
    LOCKS_APP: ClassVar[bool] = True  # the app's idle lock and scanner leave it alone
    # A modal screen hides the app's keys: the ones that work here are its own.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f9", "language", "English", id="lock.language"),
        Binding("ctrl+q", "app.quit", "Quit", id="lock.quit"),
        Binding("escape", "nothing", "", id="lock.escape", show=False),
    ]
    TITLE_KEY = ""
    BODY_KEY = ""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(id="lock", classes="lock")
        self.busy = False
        self.clock = clock  # monotonic: setting the wall clock forward shortens no wait
        self.said_with: dict[str, object] = {}  # the values of what `said_key` says
        self.ticking: Timer | None = None  # the wait said, counted down on its line
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="lock-box"):
            yield Label(t(self.TITLE_KEY), classes="dialog-title")
            yield Static(t(self.BODY_KEY), id="lock-body")
            yield from self.fields()
            yield Static("", id="lock-status")
        yield KeyFooter()

    def fields(self) -> ComposeResult:
        yield PinInput(t("lock.pin"), id="lock-pin")

    def on_mount(self) -> None:
        self.query_one("#lock-pin", Input).focus()

    async def relabel(self) -> None:
        """F9: the screen in the other language, the digits typed, the field the cursor
        is in and what was said under them kept (said again in that language)."""
        from fieldapp.tui.screens import rebuild_in_language

        typing_in = self.focused.id if self.focused is not None else None
        shown = self.query_one("#lock-status", Static).content
        said = self.said_key
        await rebuild_in_language(self)
        if said is not None:
            self.say_key(said, **self.said_with)
        else:
            self.say(str(shown))
        fields = self.query(f"#{typing_in}").results(Input) if typing_in else iter(())
        field = next(fields, None) or self.query_one("#lock-pin", Input)
        # Its digits not selected, as focusing would: the next digit goes after them.
        field.select_on_focus = False
        field.cursor_position = len(field.value)
        field.focus()
        self.app.call_later(field.call_later, setattr, field, "select_on_focus", True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F9 is not offered (footer, F1) over a dialog locked with ctrl+l: it is refused
        there. Pressed, the app's F9 still says to finish or close the dialog first."""
        if action == "language":
            return not unworded_dialog_in(self.app.screen_stack)
        return super().check_action(action, parameters)

    async def action_language(self) -> None:
        await self.app.run_action("app.switch_language")

    def action_nothing(self) -> None:
        self.app.bell()  # Esc: the lock stays until the PIN is given

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            from fieldapp.tui.screens import WorkerFailed

            self.busy = False
            self.say("")
            self.app.post_message(WorkerFailed(event.worker, event.worker.error))

    said_key: str | None = None  # the catalogue key of what is said, to say it again

    def say(self, text: str) -> None:
        self.said_key = None
        self.query_one("#lock-status", Static).update(text)

    def say_key(self, key: str, **values: object) -> None:
        """Say the catalogue's `key` with `values`, again in the other language after F9."""
        self.say(t(key, **values))
        self.said_key, self.said_with = key, values

    @on(PinInput.NotADigit)
    def _not_a_digit(self) -> None:
        self.say_key("lock.digits_only")

    @on(PinInput.Typed)
    def _typed(self) -> None:
        """The refused key was not kept: a digit typed (or one rubbed out) after it, the
        fields hold the PIN as typed and "digits only" has been heard."""
        if self.said_key == "lock.digits_only":
            self.say("")

    def waiting(self, seconds: int) -> None:
        """Count the wait said down on its line each second (it stood at "26 秒" until
        the next PIN); at 0, say that the PIN can be entered again."""
        if self.ticking is not None:
            self.ticking.stop()
        self.ticking = self.set_interval(1.0, self.tick) if seconds else None

    def tick(self) -> None:
        """The wait said, a second less; at 0 the timer stops and the line says that the
        PIN can be entered again. Whatever else came to be said meanwhile stays."""
        from fieldapp.services.common import device_lock

        if self.said_key not in ("lock.wait", "lock.wrong_wait"):
            return
        left = math.ceil(device_lock.wait_left(clock=self.clock))
        if left > 0:
            self.say_key(self.said_key, seconds=left)
            return
        self.say_key("lock.wait_over")
        self.waiting(0)

    @on(PinAnswer)
    def _answered(self, event: PinAnswer) -> None:
        self.busy = False
        if event.opened:
            self.dismiss(True)
            return
        self.say_key(event.key, seconds=event.seconds)
        self.waiting(event.seconds)
        pin = self.query_one("#lock-pin", Input)
        pin.value = ""
        pin.focus()


class LockScreen(_PinScreen):
    """Asks the PIN; dismissed with True once it opened the personal-data key."""

    TITLE_KEY = "lock.title"
    BODY_KEY = "lock.body"

    def on_mount(self) -> None:  # Textual calls _PinScreen's (the focus) as well
        self._count_down()
        self.set_interval(5.0, self._count_down)

    def _count_down(self) -> None:
        """Serve the wrong-PIN wait while the app runs (its time left is saved as it goes,
        so a restart resumes it instead of starting it again)."""
        from fieldapp.services.common import device_lock

        device_lock.wait_left(clock=self.clock)

    @on(Input.Submitted, "#lock-pin")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy:
            return
        if not event.value:
            self.say_key("lock.empty")
            return
        self.busy = True
        self.say_key("lock.checking")
        self._unlock(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="lock")
    def _unlock(self, pin: str) -> None:
        from fieldapp.services.common import device_lock

        try:
            device_lock.unlock(pin, clock=self.clock)
        except device_lock.PinWait as wait:
            self.post_message(PinAnswer(False, "lock.wait", math.ceil(wait.seconds)))
            return
        except device_lock.WrongPin:
            left = math.ceil(device_lock.wait_left(clock=self.clock))
            self.post_message(PinAnswer(False, "lock.wrong_wait" if left else "lock.wrong", left))
            return
        self.post_message(PinAnswer(True))


class SetPinScreen(_PinScreen):
    """Asks a new PIN twice; dismissed with True once the key is wrapped under it."""

    TITLE_KEY = "lock.set.title"
    BODY_KEY = "lock.set.body"

    def fields(self) -> ComposeResult:
        yield from super().fields()
        yield PinInput(t("lock.pin_again"), id="lock-pin-again")

    @on(Input.Submitted, "#lock-pin")
    def _first(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#lock-pin-again", Input).focus()

    @on(Input.Submitted, "#lock-pin-again")
    def _second(self, event: Input.Submitted) -> None:
        from fieldapp.services.common import device_lock

        event.stop()
        if self.busy:
            return
        pin = self.query_one("#lock-pin", Input).value
        if device_lock.pin_problem(pin):
            self._again("lock.set.bad")
            return
        if event.value != pin:
            self._again("lock.set.differ")
            return
        self.busy = True
        self.say_key("lock.checking")
        self._set(pin)

    def _again(self, key: str) -> None:
        self.say_key(key)
        for field in self.query(Input):
            field.value = ""
        self.query_one("#lock-pin", Input).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="lock")
    def _set(self, pin: str) -> None:
        from fieldapp.services.common import device_lock

        device_lock.set_pin(pin)
        self.post_message(PinAnswer(True))
