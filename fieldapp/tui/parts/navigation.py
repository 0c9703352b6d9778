"""Where a key takes a person: the app's one navigation model. FieldApp derives from it.

The screen stack is a short path of places, each at most once: Home at the bottom, then
the inspection (and where it was opened from), then one section, then a dialog or two.

- A section (find venue, rounds, daily report, review, dashboard, sync, export: screens
  with `SECTION = True`) is *switched to*, never pushed twice: the one on top is focused
  (`focus_section`), one further down is returned to (the places above it close; what
  they held is saved), else it replaces the section on top (sections do not pile up) —
  so Esc from a section goes back to Home or to the open inspection.
- An inspection is a place too, at most one: opening the one that is open returns to it;
  opening another leaves the open one as a draft (and says so). The find-venue screen an
  inspection was opened from gives its place to the inspection, so `/` during an
  inspection opens a search above it and Esc comes back to the inspection.
- Esc goes back one level, and its label in the footer names the place it goes back to
  (`PLACE` of the screen below: a catalogue key).
- A place that shows one record (a venue's history) is at most once too: showing the
  same record returns to it, another record replaces it (`show_place`).
- A dialog is not opened again while it is open (`open_dialog`).
- A section that holds what was typed and not saved (its `holds_typed()`: the daily
  report's remarks), or a dialog (its `typed()`), is asked about ("放弃已填写的内容？")
  before a key that goes elsewhere closes it, as Esc asks.
- The app's own keys that go somewhere (F2 scan, the F-keys and ctrl-keys of sections,
  `/`) do nothing while a dialog is open (`check_action`, which the role checks of F5
  and F6 defer to once the role allows them): what is on the dialog would be left half
  done under a new place. Textual already skips the app's plain bindings under a dialog;
  this rule holds for its priority ones (F2, and F1, F9, ctrl+l, which act there) and the
  palette too. Quit, the keys panel (F1), the language (F9), locking and the palette
  itself still act.
- A dialog opens clear of toasts: those already shown (a bad scan's notice on Home) would
  stand over its buttons, so they go when it opens. A toast said in the same step as the
  dialog opens (still queued) or by the dialog itself is shown, and a dialog returned to
  from one above it keeps the toasts of that one (its outcome). A dialog that shows an
  action's outcome (`KEEPS_TOASTS`: the refusals of a bulk action) keeps its summary.

Screens that were closed are removed before a new one takes their id (`call_next`), so a
screen's id is never on two screens at once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from textual.app import App
from textual.screen import ModalScreen, Screen, ScreenResultCallbackType, SystemModalScreen

from fieldapp.i18n import t

S = TypeVar("S", bound=Screen[Any])
R = TypeVar("R")

HOME_PLACE = "nav.place.home"

# The app's actions that still act while a dialog is open: they leave nothing behind it.
ACTIONS_IN_DIALOGS = frozenset(
    {"quit", "help_quit", "switch_language", "toggle_keys", "close_keys", "lock", "command_palette"}
)


class Navigation(App[None]):
    def on_mount(self) -> None:
        self._dialogs_opened: weakref.WeakSet[ModalScreen[Any]] = weakref.WeakSet()
        self.screen_change_signal.subscribe(self, self._screen_changed)

    # -- dialogs keep the app's keys that go somewhere ------------------------------------

    _app_actions: frozenset[str] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in ACTIONS_IN_DIALOGS and action in self.app_actions() and self.dialog_open():
            return False
        return super().check_action(action, parameters)

    def app_actions(self) -> frozenset[str]:
        """The actions the app's own keys are bound to (`scan`, `people`, ...)."""
        if self._app_actions is None:
            self._app_actions = frozenset(b.action.split("(")[0] for _key, b in self._bindings)
        return self._app_actions

    def dialog_open(self) -> bool:
        """Is a dialog on top (the command palette aside: it runs on what is under it)?"""
        return self.dialog_on_top() is not None

    def dialog_on_top(self) -> ModalScreen[Any] | None:
        """The dialog on top, if one is (the command palette aside)."""
        for screen in reversed(self.screen_stack):
            if not isinstance(screen, SystemModalScreen):
                return screen if isinstance(screen, ModalScreen) else None
        return None

    # -- places ------------------------------------------------------------------------

    def open_place(self, screen_type: type[S]) -> S | None:
        """The screen of `screen_type` on the stack, if there is one."""
        for screen in self.screen_stack:
            if isinstance(screen, screen_type):
                return screen
        return None

    def return_to(self, screen: Screen[Any]) -> None:
        """Close the places and dialogs above `screen`."""
        while len(self.screen_stack) > 1 and self.screen is not screen:
            self.pop_screen()

    def go_to(self, screen_type: type[S], make: Callable[[], S] | None = None) -> None:
        """Show the section of `screen_type`: focus it, return to it, or open it (made by
        `make`, else `screen_type()`)."""
        open_ = self.open_place(screen_type)
        if open_ is self.screen:
            focus = getattr(open_, "focus_section", None)
            if focus is not None:
                focus()
            return
        closing = self._closed_by(open_)
        if any(holds_typed(screen) for screen in closing):
            self._ask_then(lambda: self.go_to(screen_type, make), closing)
        elif open_ is not None:
            self.return_to(open_)
        else:
            for _screen in closing:
                self.pop_screen()
            self.push_screen((make or screen_type)())

    def _closed_by(self, open_: Screen[Any] | None) -> list[Screen[Any]]:
        """The places `go_to` closes: those above `open_`, else the sections on top."""
        if open_ is not None:
            return self.screen_stack[self.screen_stack.index(open_) + 1 :]
        closing = []
        for screen in reversed(self.screen_stack[2:]):
            if not (getattr(screen, "SECTION", False) or isinstance(screen, ModalScreen)):
                break
            closing.append(screen)
        return closing

    def _ask_then(self, go: Callable[[], None], closing: list[Screen[Any]]) -> None:
        """A section closed by going elsewhere holds what was typed (`holds_typed`): asked
        first, as Esc asks; once discarded, it is left without asking again."""
        from fieldapp.tui.dialogs.discarding import discard_question

        def answered(discard: bool | None) -> None:
            if discard:
                for screen in closing:
                    if hasattr(screen, "discard_typed"):
                        screen.discard_typed()
                go()

        self.push_screen(
            discard_question(),
            answered,
        )

    def show_place(self, new: S, same: Callable[[S], bool]) -> None:
        """Show `new`, a place that holds one record: return to the open place of its kind
        when `same` says it shows that record, else put `new` in that place's stead."""
        open_ = self.open_place(type(new))
        if open_ is None:
            self.push_screen(new)
        elif same(open_):
            self.return_to(open_)
        else:
            self.replace_from(open_, new)

    def replace_from(self, screen: Screen[Any] | None, new: Screen[Any]) -> None:
        """Close `screen` and everything above it (if given), then open `new` in its place
        once the closed screens are removed."""
        if screen is None or screen not in self.screen_stack:
            self.push_screen(new)
            return
        self.return_to(screen)
        if len(self.screen_stack) > 1:
            self.pop_screen()
        self.call_next(self.push_screen, new)

    def open_dialog(
        self, dialog: ModalScreen[R], callback: ScreenResultCallbackType[R] | None = None
    ) -> bool:
        """Open `dialog` unless one of its kind is already open (then False)."""
        if any(type(screen) is type(dialog) for screen in self.screen_stack):
            return False
        self.push_screen(dialog, callback)
        return True

    # -- Esc names where it goes -------------------------------------------------------

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if isinstance(screen, ModalScreen) and screen not in self._dialogs_opened:
            self._dialogs_opened.add(screen)  # opened now, not returned to
            if not getattr(screen, "KEEPS_TOASTS", False):
                self.clear_notifications()
        self.label_back()

    def label_back(self) -> None:
        """Label each place's Esc with the place below it ("返回首页", "Back to Home")."""
        below: Screen[Any] | None = None
        for screen in self.screen_stack:
            if isinstance(screen, ModalScreen):
                continue
            if below is not None:
                _label_escape(screen, place_name(below))
            below = screen
        self.screen.refresh_bindings()


def holds_typed(screen: Screen[Any]) -> bool:
    """Would closing `screen` throw away what was typed: a section's `holds_typed()` (the
    daily report's remarks), a dialog's `typed()` (HoldsTyped: the bulk action's note)?"""
    for name in ("holds_typed", "typed"):
        typed = getattr(screen, name, None)
        if callable(typed) and typed():
            return True
    return False


def place_name(screen: Screen[Any]) -> str:
    return t(getattr(screen, "PLACE", "") or HOME_PLACE)


def _label_escape(screen: Screen[Any], place: str) -> None:
    table = screen._bindings.key_to_bindings
    bindings = table.get("escape")
    if bindings:
        description = t("nav.back_to", place=place)
        table["escape"] = [replace(b, description=description) for b in bindings]
