"""Rounds, daily reports, the dashboard and the export: the app's half. FieldApp derives
from RoundsApp, which brings the keys (F6 dashboard, F7 rounds, F8 daily report, ctrl+e
export) and the minute timer that reminds of the daily report's deadline.

The screens are imported when first opened, so start-up does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from fieldapp.tui.parts.navigation import Navigation

if TYPE_CHECKING:
    from fieldapp.tui.screens.report_reminders import ReportReminders


class RoundsApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f6", "dashboard", "Dashboard", id="app.dashboard"),
        # Pressed by someone whose role hides the key above: said, not silently nothing.
        Binding("f6", "supervisors_only('dashboard')", show=False, id="app.dashboard_refused"),
        Binding("f7", "rounds", "Rounds", id="app.rounds"),
        Binding("f8", "daily_report", "Daily report", id="app.daily_report"),
        Binding("ctrl+e", "export", "Export", id="app.export"),
    ]

    report_reminders: ReportReminders | None = None
    FIRST_REMINDER_LATEST = 3.0  # seconds after mount, if the home screen did not start them

    def on_mount(self) -> None:
        # The first check reads my grids' reports in a thread: like the first sync probe,
        # it waits until the home screen has shown its data (`start_report_reminders`).
        self.set_timer(self.FIRST_REMINDER_LATEST, self.start_report_reminders)

    def start_report_reminders(self) -> None:
        """Check the daily report's deadline now and every minute (once started, a no-op)."""
        from fieldapp.tui.screens.report_reminders import ReportReminders

        if self.report_reminders is None:
            self.report_reminders = ReportReminders(self)
            self.report_reminders.start()

    def check_reports_now(self) -> None:
        """Check the daily reports at once (after a sync or a report made here): a zero
        report of mine that a new record contradicts is said now, not at the next minute."""
        if self.report_reminders is not None:
            self.report_reminders.check()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dashboard":  # supervisors; hidden once the home screen knows the role
            role = getattr(self, "person_role", None)
            if role not in (None, "supervisor", "admin"):
                return False
        return super().check_action(action, parameters)  # and not over a dialog

    def _open(self, screen_type: type[Screen[None]]) -> None:
        self.go_to(screen_type)

    def action_rounds(self) -> None:
        from fieldapp.tui.screens.rounds import RoundsScreen

        self._open(RoundsScreen)

    def action_daily_report(self) -> None:
        from fieldapp.tui.screens.daily_report import DailyReportScreen

        self._open(DailyReportScreen)

    def action_dashboard(self) -> None:
        from fieldapp.tui.screens.dashboard import DashboardScreen

        self._open(DashboardScreen)

    def action_export(self) -> None:
        from fieldapp.tui.screens.export import ExportScreen

        self._open(ExportScreen)
