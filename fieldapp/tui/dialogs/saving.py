"""A form dialog that saves in a thread worker: while it saves, a second save is ignored;
a refusal (something to fill in) or a failure is said in the form, the cursor goes to the
field a refusal names, and nothing typed is lost. The message goes once the field it is
about is changed (any field, for a message about none), so it never outlives its cause.
While it saves, the form cannot be left (`saving_now`: Esc says it is saving); once saved
it closes with what was saved (`close_saved`), and only from the top of the screens, so
it is never left open with its result given (a second Esc, a duplicate F10).
Ctrl+Q while it saves asks as ever, but says it is saving (not "not saved"); quitting
then waits for the save (`quit_when_saved`): saved, the app quits; refused or failed, the
quit question is asked again, now truly of a form not saved.
The incident and activity forms derive from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static
from textual.worker import Worker, WorkerState

from fieldapp.i18n import t
from fieldapp.tui.error_words import error_in_words

# The app actions a form that saves with ctrl+s refuses (its REFUSED_APP_ACTIONS): the
# app's scan is bound to f2 and ctrl+s with priority, so it would take the save key and
# open a venue above what is half typed in the form.
SAVES_WITH_CTRL_S: frozenset[str] = frozenset({"scan"})


class SavingDialog(ModalScreen[str | None]):
    ERROR_ID: ClassVar[str] = ""  # the Static the form says refusals in

    @dataclass
    class Refused(Message):
        text: str
        field: str = ""  # the field the refusal names, focused to be mended ("" for none)

    busy = False
    # The id of the field the message is about ("" for none in particular); None while
    # the form says nothing.
    said_about: str | None = None
    _saved_result: str | None = None  # what was saved, while something opened above the form
    _quit_pending = False  # the app was told to quit while this form saved

    def still_saving(self) -> bool:
        """A save is under way and has not yet ended."""
        return self.busy and self._saved_result is None

    def saving_quit_warning(self) -> str | None:
        """What quitting now would leave (see `HoldsTyped.quit_warning`): "" once saved,
        that it is saving while it saves; None before any save (what was typed counts)."""
        if self._saved_result is not None:
            return ""
        return t("quit.saving") if self.busy else None

    def quit_when_saved(self) -> None:
        """The app quits once this save has ended: at once when it is saved; asked again
        when it is refused or fails (then the form is truly not saved)."""
        self._quit_pending = True
        self.say(t("quit.after_save"))

    def _save_ended_unsaved(self) -> None:
        if self._quit_pending:
            self._quit_pending = False
            self.app.call_later(self.app.action_quit)

    def say(self, text: str, *, about: str = "") -> None:
        self.query_one(f"#{self.ERROR_ID}", Static).update(text)
        self.said_about = about if text else None

    @on(Input.Changed)
    @on(Select.Changed)
    def _mended(self, event: Input.Changed | Select.Changed) -> None:
        if not self.busy and self.said_about in ("", event.control.id):
            self.say("")

    def start_saving(self) -> bool:
        """False while a save is under way; else mark one started and clear the message."""
        if self.busy:
            return False
        self.busy = True
        self.say("")
        return True

    def saving_now(self) -> bool:
        """True while a save runs: the form says so and stays (it closes once saved)."""
        if self.busy:
            self.say(t("form.saving"))
        return self.busy

    def close_saved(self, result: str) -> None:
        """Close with what was saved. A screen opened above the form while it saved (the
        quit question) is answered first: the form closes when it is on top again, since
        dismissing it from under another screen would take that screen away instead."""
        if self.app.screen is self and not self._quit_pending:  # not `is_current`: that
            self.dismiss(result)  # holds under a modal too
        else:
            self._saved_result = result
        if self._quit_pending:  # quitting waited for this save
            quit_now = getattr(self.app, "quit_now", self.app.exit)
            self.app.call_later(quit_now)

    @on(events.ScreenResume)
    def _on_top_again(self) -> None:
        if self._saved_result is not None and not self._quit_pending:
            self.dismiss(self._saved_result)

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.busy = False
            self.say(error_in_words(event.worker.error))
            self._save_ended_unsaved()

    def field_named(self, name: str) -> Widget | None:
        """The widget of the form's field `name`, or None: a form whose refusals name
        their field says which widget that is."""
        return None

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        self.busy = False
        self.refuse(message.text, message.field)
        self._save_ended_unsaved()

    def refuse(self, text: str, name: str = "") -> None:
        """Say `text` and put the cursor in the field it names (`field_named`), if any."""
        field = self.field_named(name) if name else None
        self.say(text, about=(field.id or "") if field is not None else "")
        if field is not None:
            field.focus()
