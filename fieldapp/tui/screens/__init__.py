"""Screens: each shows one place in the program and calls services in thread workers.

Screens post intent messages (a venue chosen, a draft chosen); the app decides what
happens next (ask the presence reason, start or resume an inspection). `FieldScreen`
gives every screen the same four habits: styled once as it opens (`StyledWhenMounted`),
key labels from the catalogue, worker errors forwarded to the app, which reports them in
one place, and `explain` for a toast about the screen's own keys (a refusal, why a key
did nothing), taken down when the screen is left. A toast reporting what a job the
person waits for came to (sync done, export saved) is an ordinary `notify` and stays its
time wherever the person goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual._context import active_app
from textual.message import Message
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.worker import Worker, WorkerState

from fieldapp.tui.commands import localize_bindings

ResultType = TypeVar("ResultType")


@dataclass
class VenueChosen(Message):
    """A venue was chosen by hand (not scanned): the app asks why, then opens it."""

    venue_id: str
    label: str  # name and code, for the presence dialog's title


@dataclass
class HistoryWanted(Message):
    """A venue's submitted inspections were asked for (`i` on Home or Find venue)."""

    venue_id: str
    name: str
    code: str


@dataclass
class InspectionReady(Message):
    """An inspection was started or its draft found; the app shows it."""

    inspection_id: str
    resumed: bool


@dataclass
class WorkerFailed(Message):
    """A screen's worker raised; the app's handler tells the person (or shows enrolment)."""

    worker: Worker[object]
    error: BaseException


class StyledWhenMounted:
    """A screen styled once as it is mounted: Textual styles each widget as it mounts it,
    then styles the whole screen again when the screen is first shown (its first resume,
    right after the mount), though nothing has changed in between. A later resume (back
    from a screen above, after a change of theme or language) styles it as Textual does."""

    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls each class's handler in MRO order: a screen's own on_screen_resume,
        # then this, then Screen's, which styles the screen unless told not to.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


class BaseScreen(StyledWhenMounted, Screen[None]):
    """The screen under home, Textual's default screen (`App.get_default_screen`): never
    shown, yet styled a second time at every start when it was first resumed."""


class FieldScreen(StyledWhenMounted, Screen[ResultType]):
    """A screen whose key labels follow the language and whose worker errors are reported,
    styled once as it opens (`StyledWhenMounted`)."""

    # An inspection submitted from a screen above this one comes back here (Home, Rounds).
    RETURN_AFTER_SUBMIT: ClassVar[bool] = False
    # The catalogue key naming this place: Esc on the screen above says it goes back here.
    PLACE: ClassVar[str] = ""
    # A top-level section, switched to by its key (see fieldapp.tui.parts.navigation).
    SECTION: ClassVar[bool] = False
    # After a change of language, run on_mount again on the rebuilt widgets: the titles,
    # a table's columns, the data it loads (a screen whose on_mount may run twice).
    REMOUNT_ON_RELABEL: ClassVar[bool] = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=_width_class(type(self)))
        self._explanations: list[Notification] = []
        localize_bindings(self)

    def explain(
        self,
        message: str,
        *,
        severity: SeverityLevel = "warning",
        title: str = "",
        timeout: float | None = None,
    ) -> None:
        """Say why a key pressed here did nothing or was refused (or a reminder seen here).
        The toast is about this screen, so it goes when the screen is left (another
        section, a dialog over it) instead of standing over the next one."""
        notification = Notification(
            message, title, severity, timeout or self.app.NOTIFICATION_TIMEOUT
        )
        self._explanations.append(notification)
        self.app.post_message(Notify(notification))

    @on(events.ScreenSuspend)
    @on(events.Unmount)
    def _take_down_explanations(self) -> None:
        shown, self._explanations = self._explanations, []
        for notification in shown:
            self.app._unnotify(notification)  # one no longer shown is no matter

    def synced(self) -> None:
        """A sync finished while this screen was shown (a screen showing what the server
        answers reads the store again)."""

    @on(Worker.StateChanged)
    def _forward_worker_error(self, event: Worker.StateChanged) -> None:
        # StateChanged does not bubble; send failures on to the app's one handler.
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.app.post_message(WorkerFailed(event.worker, event.worker.error))

    async def relabel(self) -> None:
        """The language changed: rebuild the widgets in the new language (and, where
        REMOUNT_ON_RELABEL says so, fill in again what mounting fills in)."""
        await rebuild_in_language(self)
        if self.REMOUNT_ON_RELABEL:
            self.on_mount()  # type: ignore[attr-defined]


def _width_class(screen_type: type[Screen[Any]]) -> str:
    """The class `HORIZONTAL_BREAKPOINTS` give a screen at the app's width (-narrow...),
    given as it is composed: Textual adds it at the screen's first resize, just after it
    is shown, which styled the whole screen a second time as it opened (Rounds, the
    dashboard). Later widths set it as Textual does."""
    breakpoints = screen_type.HORIZONTAL_BREAKPOINTS
    try:
        width = active_app.get().size.width
    except LookupError:  # made outside an app (a test of the screen alone)
        return ""
    for at, name in sorted(breakpoints or [], reverse=True):
        if width >= at:
            return name
    return ""


async def rebuild_in_language(screen: Screen[Any]) -> None:
    """The language changed: `screen`'s keys and widgets in it, what was typed into its
    fields kept."""
    from textual.widgets import Input

    typed = {field.id: field.value for field in screen.query(Input) if field.id}
    localize_bindings(screen)
    await screen.recompose()
    for field in screen.query(Input):
        if field.id in typed:
            field.value = typed[field.id]


__all__ = [
    "FieldScreen",
    "HistoryWanted",
    "InspectionReady",
    "VenueChosen",
    "WorkerFailed",
    "rebuild_in_language",
]


def unworded_dialog_in(stack: Iterable[Screen[object]]) -> bool:
    """Is one of `stack` a dialog that cannot be worded again (one without `relabel`)?
    F9 is refused while one is open, also under the PIN screen (ctrl+l over a dialog)."""
    return any(
        isinstance(screen, ModalScreen)
        and not isinstance(screen, SystemModalScreen)
        and getattr(screen, "relabel", None) is None
        for screen in stack
    )
