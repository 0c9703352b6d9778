"""Editing today's round from the rounds screen: space puts the venue under the cursor on
the round (or takes it off), delete removes a stop, ctrl+up/ctrl+down (or K/J) move one.

`RoundStops` is the base of `RoundsScreen`, which supplies the tables and the round it
shows. Each edit runs in a thread worker and posts the round read afresh; the writes hold
one lock so two quick keys never race for the same round.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.widgets import DataTable

from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.views.rounds import RoundView, read_round
from fieldapp.tui.widgets.paged_table import selected_key

_WRITES = threading.Lock()


class RoundStops(FieldScreen[None]):
    """Adding, removing and moving the stops of today's round."""

    round_view: RoundView | None

    @dataclass
    class RoundLoaded(Message):
        view: RoundView

    def _focused_table(self) -> DataTable[str] | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def action_toggle_stop(self) -> None:
        table = self._focused_table()
        if table is None or table.id not in ("rounds-due", "round-stops"):
            return
        venue_id = selected_key(table)
        if venue_id is None:
            return
        on_round = self.round_view is not None and any(
            s.venue_id == venue_id for s in self.round_view.stops
        )
        if table.id == "rounds-due" and not on_round:
            self._write("add", venue_id)
            if table.cursor_row < table.row_count - 1:
                table.move_cursor(row=table.cursor_row + 1)  # ready for the next pick
        else:
            self._write("remove", venue_id)

    def action_remove_stop(self) -> None:
        table = self._focused_table()
        if table is not None and table.id == "round-stops":
            venue_id = selected_key(table)
            if venue_id is not None:
                self._write("remove", venue_id)

    def action_move(self, step: int) -> None:
        table = self._focused_table()
        if table is None or table.id != "round-stops" or self.round_view is None:
            return
        venue_id = selected_key(table)
        if venue_id is None:
            return
        target = table.cursor_row + step
        if not 0 <= target < table.row_count:
            self.app.bell()
            return
        self._write("move", venue_id, target)
        table.move_cursor(row=target)

    @work(thread=True, exit_on_error=False, group="rounds-write")
    def _write(self, what: str, venue_id: str, position: int = 0) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.services import rounds
        from fieldapp.store import db

        with _WRITES, db.connection_context():
            day = today()
            round_id = rounds.round_for(day)
            if what == "add":
                rounds.plan_round([venue_id], day)
            elif round_id is not None and what == "remove":
                rounds.remove_stop(round_id, venue_id)
            elif round_id is not None and what == "move":
                rounds.move_stop(round_id, venue_id, position)
            view = read_round(day)
        self.post_message(self.RoundLoaded(view))
