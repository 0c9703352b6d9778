"""The first screen of a device that is not enrolled: what enrolment is, the server address
and one-time code to type in, and the enrolment itself — then the first sync and home.

Enrolment and the first sync run in a thread worker; every outcome is a sentence in the
status line (server down, code unknown, used or expired, plain http refused), and the
fields keep what was typed so a wrong code is fixed, not typed again. App keys that need
an enrolled device (find venue, scan, review, sync, rounds…) are off here
(`ALLOWED_APP_ACTIONS`, honoured by the app's `check_action`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Header, Input, Label, Static

from fieldapp.i18n import sentences, t
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


@dataclass
class EnrolStep(Message):
    """A step of the enrolment worker: a sentence, and whether it failed or finished."""

    text: str
    failed: bool = False
    finished: bool = False


class NotEnrolledScreen(FieldScreen[None]):
    """The welcome screen (its id stays `not-enrolled`: the app switches to it whenever a
    worker finds the device is not enrolled)."""

    ALLOWED_APP_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"quit", "switch_language", "toggle_keys", "command_palette"}
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # F10 does a form's action everywhere (F4 is the app's incident key elsewhere).
        Binding("f10", "enrol", "Enrol", id="welcome.enrol"),
    ]

    def __init__(self) -> None:
        super().__init__(id="not-enrolled")
        self.busy = False
        self._typed = ("", "")

    def compose(self) -> ComposeResult:
        url, code = self._typed
        yield Header()
        with VerticalScroll(id="enroll-box"):
            yield Label(t("enroll.title"), classes="dialog-title")
            yield Static(t("welcome.body") + "\n" + t("welcome.demo"), id="enroll-body")
            yield Label(t("welcome.url"), classes="field-label")
            yield Input(value=url, placeholder=t("welcome.url.placeholder"), id="enroll-url")
            yield Label(t("welcome.code"), classes="field-label")
            yield Input(value=code, placeholder=t("welcome.code.placeholder"), id="enroll-code")
            yield Button(t("welcome.button"), id="enroll-go", variant="primary")
            yield Static("", id="enroll-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#enroll-url", Input).focus()

    async def relabel(self) -> None:
        """The language changed: keep what was typed through the rebuild."""
        self._typed = (
            self.query_one("#enroll-url", Input).value,
            self.query_one("#enroll-code", Input).value,
        )
        await super().relabel()
        self.query_one("#enroll-url", Input).focus()

    @on(Input.Submitted, "#enroll-url")
    def _url_entered(self) -> None:
        self.query_one("#enroll-code", Input).focus()

    @on(Input.Submitted, "#enroll-code")
    @on(Button.Pressed, "#enroll-go")
    def _go(self) -> None:
        self.action_enrol()

    def action_enrol(self) -> None:
        if self.busy:
            return
        url = self.query_one("#enroll-url", Input).value
        code = self.query_one("#enroll-code", Input).value
        self.busy = True
        self._say(t("welcome.working", url=url.strip()))
        self._enrol(url, code)

    @work(thread=True, exclusive=True, exit_on_error=False, group="enrol")
    def _enrol(self, url: str, code: str) -> None:
        from fieldapp.services.syncing import enrolment
        from fieldapp.store import db

        with db.connection_context():
            enrolled = enrolment.enrol(url, code)
            if not enrolled.ok:
                self.post_message(EnrolStep(enrolled.message, failed=True))
                return
            self.post_message(EnrolStep(sentences((enrolled.message, t("welcome.syncing")))))
            complete, said = enrolment.first_sync()
        self.post_message(EnrolStep(said, failed=not complete, finished=True))

    @on(EnrolStep)
    def _step(self, step: EnrolStep) -> None:
        self._say(step.text, failed=step.failed)
        if step.finished:
            from fieldapp.tui.screens.home import HomeScreen

            # Enrolled: home, with the sentence (what did not come yet comes with a sync).
            self.app.notify(step.text, severity="warning" if step.failed else "information")
            self.app.switch_screen(HomeScreen())
        elif step.failed:
            self.busy = False
            self.query_one("#enroll-code", Input).focus()

    def _say(self, text: str, *, failed: bool = False) -> None:
        status = self.query_one("#enroll-status", Static)
        status.update(text)
        status.set_class(failed, "error")
        self.call_after_refresh(status.scroll_visible)
