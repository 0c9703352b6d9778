"""The patrols screen's close (c): a supervisor closes a run of their grids left open on
another device, lost or broken (`services.patrols.close`). On a window of the attendance
list whose run is open on another device, c asks why (`PatrolCloseDialog`, saying what
closing does); the close is queued for the next sync, and the row says it waits. The
pull after it reads the run as closed by the supervisor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message

from fieldapp.i18n import listed, t
from fieldapp.services.patrols.close import OP_PATROL_RUN_CLOSE
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen

if TYPE_CHECKING:
    from fieldapp.services.patrols.attendance import AttendanceRow


@dataclass
class CloseQueued(Message):
    route: str
    window: str


@dataclass
class CloseRefused(Message):
    text: str


class PatrolClosing(RefusedRecordsScreen):
    """`PatrolsScreen`'s base: what it reads and the row it highlights are its own."""

    # PatrolsScreen's own, which it defines (patrols imports this module, not the other way)
    data: Any  # `PatrolsData | None`
    _highlighted_row: Callable[[], AttendanceRow | None]
    action_refresh: Callable[[], None]

    def closable_row(self) -> AttendanceRow | None:
        """The highlighted attendance row, when a supervisor may close its run here."""
        row = self._highlighted_row()
        if row is None or row.open_elsewhere is None:
            return None
        return row if self.data is not None and self.data.supervisor else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_run":  # a supervisor's, on a run open on another device
            return self.closable_row() is not None
        return super().check_action(action, parameters)

    def key_c(self) -> None:
        """c where close is not offered (a run finished, closed, or walked here): a
        supervisor is told why nothing is closed instead of nothing happening."""
        supervisor = self.data is not None and self.data.supervisor
        if supervisor and self._highlighted_row() is not None and self.closable_row() is None:
            self.explain(t("patrol.close_run.refused.not_open"))

    def action_close_run(self) -> None:
        from fieldapp.tui.dialogs.patrol_close import PatrolCloseDialog

        row = self.closable_row()
        if row is None or row.open_elsewhere is None:
            return
        run_id = row.open_elsewhere

        def answered(reason: str | None) -> None:
            if reason:
                self._close_run(run_id, reason, row.route_name, row.window)

        title = t("patrol.close_run.title", route=row.route_name, day=row.day.isoformat(),
                  window=row.window, walker=listed_walkers(row))  # fmt: skip
        self.app.push_screen(PatrolCloseDialog(title), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrols-close")
    def _close_run(self, run_id: str, reason: str, route: str, window: str) -> None:
        from fieldapp.services.patrols import close
        from fieldapp.store import db

        with db.connection_context():
            try:
                close.close_run(run_id, reason)
            except close.CloseRefused as refused:
                self.post_message(CloseRefused(str(refused)))
                return
        self.post_message(CloseQueued(route, window))

    def on_close_queued(self, event: CloseQueued) -> None:
        from fieldapp.tui.messages import SyncRequested

        self.notify(t("patrol.close_run.queued", route=event.route, window=event.window))
        self.app.post_message(SyncRequested(OP_PATROL_RUN_CLOSE))  # sent when it can be
        self.action_refresh()

    def on_close_refused(self, event: CloseRefused) -> None:
        self.notify(event.text, severity="warning")


def listed_walkers(row: AttendanceRow) -> str:
    return listed(row.walkers) if row.walkers else row.assignee
