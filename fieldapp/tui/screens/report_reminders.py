"""The daily report's deadline reminder: the app's minute timer.

In a worker it asks `reminder_due` for my grids and notifies once per grid and day, before
the deadline ("日报将于 17:00 截止") and, if the app only starts later, once when it has
passed. A reminder never gets in the way: a device not enrolled yet, or any error, is
logged and left for the next minute; while a dialog is open (the PIN asked at start-up, a
form) it waits for the next minute too, so its toast never covers the dialog's buttons.
Its toast belongs to the screen shown then: it goes when that screen is left, and the
daily report (F8) shows none.

The same check tells the person who filed a zero report for today, once per grid and what
contradicts it, that the store now contradicts it (an incident reported, a hazard found,
here or synced from a colleague) and that a proper daily report is due. It runs at once
after a sync and after an incident is reported on this device (`check`), not only each
minute.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen

from fieldapp.domain.clock import wall_clock
from fieldapp.i18n import listed, t

REMINDER_SECONDS = 60

Note = tuple[tuple[str, dt.date, str], str, str, str]  # marker, grid name, kind, deadline
Contradicted = tuple[tuple[str, dt.date, str], str, str, str]  # marker, grid name, date, what


class ReportReminders:
    """Checks my grids' report deadlines every minute; notifies once per grid and day."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.shown: set[tuple[str, dt.date, str]] = set()

    def start(self) -> None:
        self.check()
        self.app.set_interval(REMINDER_SECONDS, self.check, name="report-reminders")

    def check(self) -> None:
        self.app.run_worker(
            self._check,
            thread=True,
            exclusive=True,
            exit_on_error=False,
            group="report-reminders",
            name="report-reminders",
        )

    def _check(self) -> None:
        from fieldapp.domain.clock import now
        from fieldapp.services.common.identity import NotEnrolled, me
        from fieldapp.services.daily_report import reports as daily_reports
        from fieldapp.store import db

        try:
            with db.connection_context():
                moment = wall_clock(now())
                notes: list[Note] = []
                for code, name in me().grids:
                    if not daily_reports.reminder_due(code, moment):
                        continue
                    deadline = daily_reports.deadline_at(code, moment.date())
                    kind = "soon" if moment < deadline else "late"
                    marker = (code, moment.date(), kind)
                    if marker in self.shown or (
                        kind == "late" and (code, moment.date(), "soon") in self.shown
                    ):
                        continue
                    self.shown.add(marker)
                    notes.append((marker, name, kind, deadline.strftime("%H:%M")))
                contradicted = self._contradicted_unless_locked(moment.date())
        except NotEnrolled:
            return  # the home screen shows how to enrol
        except Exception as error:  # a reminder must never get in the way
            self.app.log.error(f"report reminder: {error!r}")
            return
        if notes:
            self.app.call_from_thread(self._show, notes)
        if contradicted:
            self.app.call_from_thread(self._show_contradicted, contradicted)

    def _contradicted_unless_locked(self, day: dt.date) -> list[Contradicted]:
        """`_contradicted`, or nothing while the personal data is locked (the day's people
        figures are sealed; the screen is locked too): asked again the next minute, and
        the reminders found meanwhile are shown all the same."""
        from fieldapp.domain.personal import PersonalDataLocked

        try:
            return self._contradicted(day)
        except PersonalDataLocked:
            return []

    def _contradicted(self, day: dt.date) -> list[Contradicted]:
        """My zero reports of today that the store contradicts now, each not told yet."""
        from fieldapp.services.daily_report.day_reports import (
            contradicted_text,
            my_contradicted_zero_reports,
        )

        found = []
        for c in my_contradicted_zero_reports(day):
            marker = (c.grid, c.day, f"contradicted:{sorted(c.what.items())}")
            if marker not in self.shown:
                self.shown.add(marker)
                found.append((marker, c.name, c.day.isoformat(), contradicted_text(c.what)))
        return found

    def _show_contradicted(self, found: list[Contradicted]) -> None:
        """Told to the person who filed the zero report: it stays on record, but no longer
        holds, and a proper daily report is due."""
        if isinstance(self.app.screen, ModalScreen):  # a dialog is open: the next minute
            self.shown.difference_update(marker for marker, *_ in found)
            return
        for _, grid, date, what in found:
            self._tell(
                t("report.zero_contradicted.notice", grid=grid, date=date, what=what),
                t("report.zero_contradicted.title"),
                "error",
            )

    def _show(self, notes: list[Note]) -> None:
        if isinstance(self.app.screen, ModalScreen):  # a dialog is open: the next minute
            self.shown.difference_update(marker for marker, *_ in notes)
            return
        # One notice for the grids that share a state and a deadline: a person with several
        # grids got a stack of them, covering the screen for half a minute.
        grouped: dict[tuple[str, str], list[str]] = {}
        for _, name, kind, deadline in notes:
            grouped.setdefault((kind, deadline), []).append(name)
        for (kind, deadline), names in grouped.items():
            self._tell(
                t(f"report.reminder.{kind}", grid=listed(names), deadline=deadline),
                t("report.reminder.title"),
                "warning" if kind == "soon" else "error",
            )

    def _tell(self, text: str, title: str, severity: SeverityLevel) -> None:
        """Once, on the screen shown now, and gone when it is left: a toast of the app's
        stood over every screen opened in its half minute. On the daily report (F8) it
        is not shown: the person is there already, and it covered the table."""
        from fieldapp.tui.screens import FieldScreen
        from fieldapp.tui.screens.daily_report import DailyReportScreen

        screen = self.app.screen
        if isinstance(screen, DailyReportScreen):
            return
        if isinstance(screen, FieldScreen):
            screen.explain(text, severity=severity, title=title, timeout=30)
        else:
            self.app.notify(text, title=title, severity=severity, timeout=30)
