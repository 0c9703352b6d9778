"""Home's line about my inspections a supervisor returned, not yet done again, and `b`,
which lists them (`ReturnedScreen`).

Read in a thread worker after home's own data, whenever home reloads (back on Home, after
a sync that pulled something): nothing of it is on home's start path but this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widgets import Label

from fieldapp.i18n import listed, t
from fieldapp.tui.screens import FieldScreen

if TYPE_CHECKING:
    from fieldapp.domain.returns import ReturnedInspection

SHOWN = 2  # venues named on the line; the list has them all


class ReturnedLine(FieldScreen[None]):
    """The part of HomeScreen that shows the line (a Label with id `home-returned`)."""

    returned: tuple[ReturnedInspection, ...] = ()

    @dataclass
    class ReturnedRead(Message):
        returned: tuple[ReturnedInspection, ...]

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-returned")
    def _load_returned(self) -> None:
        from fieldapp.services.common.identity import NotEnrolled
        from fieldapp.services.inspection.returned import returned_inspections
        from fieldapp.store import db

        with db.connection_context():
            try:
                found = tuple(returned_inspections())
            except NotEnrolled:
                found = ()
        self.post_message(self.ReturnedRead(found))

    @on(ReturnedRead)
    def _returned_read(self, event: ReturnedRead) -> None:
        self.returned = event.returned
        line = self.query_one("#home-returned", Label)
        if line.display != bool(event.returned):  # set even unchanged, home is laid out again
            line.display = bool(event.returned)
        if event.returned:
            names = list(dict.fromkeys(f"{r.code} {r.venue}" for r in event.returned))
            shown = listed(names[:SHOWN]) + ("…" if len(names) > SHOWN else "")
            line.update(t("returned.home", count=len(event.returned), venues=shown))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "returned":
            return bool(self.returned)  # the key is offered only while there is one
        return super().check_action(action, parameters)

    def action_returned(self) -> None:
        from fieldapp.tui.screens.returned import ReturnedScreen

        if self.returned:
            self.app.push_screen(ReturnedScreen(self.returned))  # Home reloads on its return
