"""Ctrl+Q (and the palette's Quit): at once, unless a screen that is open holds work not
finished, an inspection not submitted or a form typed into and not saved. Then the app
asks first, saying what is kept and what is not; Esc or n stays, y quits, and ctrl+q
pressed again while asked quits.

A screen says what quitting would leave behind with `quit_warning()` ("" for nothing),
and saves what it can with `keep_before_quit()` (a value typed into an inspection's
answer field) before the app quits. A form saving in a worker is waited for: it says so
in the question, and quits the app once saved (`SavingDialog.quit_when_saved`).
On the lock screen ctrl+q quits at once: nothing below it is shown there, so there is
nothing to ask about.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from fieldapp.i18n import t

QUIT_DIALOG_ID = "quit-confirm"


def quit_warning(screen: Screen[Any]) -> str:
    """What `screen` would leave unfinished if the app quit now ("" for nothing)."""
    warning = getattr(screen, "quit_warning", None)
    return str(warning()) if callable(warning) else ""


def _still_saving(screen: Screen[Any]) -> bool:
    """A form saving in a worker (`SavingDialog`) whose save has not ended."""
    still = getattr(screen, "still_saving", None)
    return bool(still()) if callable(still) else False


class QuittingApp(App[None]):
    async def action_quit(self) -> None:
        screen = self.screen
        if getattr(screen, "LOCKS_APP", False):
            self.exit()  # nothing below is the locked device's to save
            return
        if screen.id == QUIT_DIALOG_ID:
            self.quit_now()
            return
        warnings = dict.fromkeys(w for s in reversed(self.screen_stack) if (w := quit_warning(s)))
        if not warnings:
            self.quit_now()
            return
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.quit_now()

        self.push_screen(
            ConfirmDialog(
                t("quit.title"),
                "\n".join(warnings),
                yes=t("quit.yes"),
                no=t("quit.no"),
                id=QUIT_DIALOG_ID,
            ),
            answered,
        )

    def quit_now(self) -> None:
        """Each open screen saves what it can, then the app exits; a form still saving
        is waited for (it quits the app once saved, or asks again if not)."""
        saving = [s for s in self.screen_stack if _still_saving(s)]
        if saving:
            for screen in saving:
                screen.quit_when_saved()  # type: ignore[attr-defined]
            return
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_before_quit", None)
            if callable(keep):
                keep()
        self.exit()
