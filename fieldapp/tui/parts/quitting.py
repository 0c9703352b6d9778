"""Ctrl+Q (and the palette's Quit): at once, unless a screen that is open holds work not
finished, an inspection not submitted or a form typed into and not saved. Then the app
asks first, saying what is kept and what is not; Esc or n stays, y quits, and ctrl+q
pressed again while asked quits.

A screen says what quitting would leave behind with `quit_warning()` ("" for nothing).
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


class QuittingApp(App[None]):
    async def action_quit(self) -> None:
        screen = self.screen
        if getattr(screen, "LOCKS_APP", False) or screen.id == QUIT_DIALOG_ID:
            self.exit()
            return
        warnings = dict.fromkeys(w for s in reversed(self.screen_stack) if (w := quit_warning(s)))
        if not warnings:
            self.exit()
            return
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

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
