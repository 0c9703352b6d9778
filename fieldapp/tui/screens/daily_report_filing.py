"""Filing the daily report from its screen (F8): F10 (or Enter in the remarks) files the
chosen grid's report, z a zero report once its grid and date are confirmed, having counted
the day afresh (a zero report the day's records contradict is refused at once, not after a
question). F10 on a grid that filed today asks about a correction (`daily_report_filed`),
and nothing more is filed while a report is being filed.

`ReportFiling` is the base of `DailyReportScreen`, which supplies the grid chosen, its
report and `_start()` / `_load_grid()` to read them again. Every store call runs in a
thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from fieldapp.domain.clock import wall_clock
from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report_filed import FiledToday
from fieldapp.tui.screens.daily_report_remarks import RemarksKept
from fieldapp.tui.views.report_lines import zero_report_body


class ReportFiling(FiledToday, RemarksKept):
    grid: str | None  # the grid chosen
    filing: bool  # a report is being filed: F10 and z file nothing more

    @dataclass
    class Filed(Message):
        code: str
        at: str  # local HH:MM
        zero: bool = False

    @dataclass
    class Refused(Message):
        text: str

    @dataclass
    class ZeroChecked(Message):
        code: str
        recorded: dict[str, int]  # see daily_reports.recorded: empty when a zero holds

    if TYPE_CHECKING:
        # Supplied by DailyReportScreen; declared for the type checker only.
        def _start(self) -> object: ...

        def _load_grid(self, code: str) -> object: ...

    def action_zero_report(self) -> None:
        """Ask first, naming the grid and the day: one key must not file a zero report for
        a grid the cursor happened to be on."""
        code = self.grid
        if code is None or self._line(code) is None:
            self.app.bell()
            return
        self._zero_check(code)  # counted afresh: the counts shown may be older than now

    @work(thread=True, exclusive=True, exit_on_error=False, group="report-zero-check")
    def _zero_check(self, code: str) -> None:
        from fieldapp.domain.clock import today
        from fieldapp.services.daily_report import reports as daily_reports
        from fieldapp.store import db

        with db.connection_context():
            found = daily_reports.recorded(daily_reports.report_counts(code, today()))
        self.post_message(self.ZeroChecked(code, found))

    @on(ZeroChecked)
    def _zero_checked(self, event: ZeroChecked) -> None:
        """Refused as it would be once confirmed: said at once, not after a question."""
        from fieldapp.domain.clock import today
        from fieldapp.services.daily_report import reports as daily_reports

        code = event.code
        line = self._line(code)
        if code != self.grid or line is None:  # the cursor moved on meanwhile
            return
        if event.recorded:
            self.explain(daily_reports.ZeroReportRefused(event.recorded).text())
            self._load_grid(code)  # the counts shown catch up with what refused it
            return
        grid = t("app.aside", text=line.name, aside=code)
        day = today().isoformat()
        body = zero_report_body(line, self.report)

        def answered(yes: bool | None) -> None:
            if yes and self.grid == code:
                self._file(zero=True)

        self.app.push_screen(
            ConfirmDialog(
                t("report.zero.confirm.title", grid=grid, date=day),
                body,
                yes=t("report.zero.confirm.yes"),
            ),
            answered,
        )

    def action_file_report(self) -> None:
        self._file(zero=False)

    @on(Input.Submitted, "#report-remarks")
    def _remarks_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._file(zero=False)

    def _file(self, *, zero: bool) -> None:
        code = self.grid
        if code is None:
            self.app.bell()
            return
        if self.filing:
            self.explain(t("report.filing"))
            return
        filed = self._filed_today(code)
        # z has asked already, naming the report filed; a zero report a later record
        # contradicts asks for this report (its state line says F10), not a correction
        if zero or not filed or self._contradicted(code):
            self._file_now(code, zero)
            return

        def answered(yes: bool | None) -> None:
            if yes and self.grid == code and not self.filing:
                self._file_now(code, zero=False)

        line = self._line(code)
        grid = t("app.aside", text=line.name, aside=code) if line else code
        title = "report.again.title_zero" if self._zero_filed(code) else "report.again.title"
        self.app.push_screen(
            ConfirmDialog(
                t(title, grid=grid, time=filed),
                t("report.again.body"),
                yes=t("report.again.yes"),
            ),
            answered,
        )

    def _file_now(self, code: str, zero: bool) -> None:
        self.filing = True
        remarks = self.query_one("#report-remarks", Input).value
        self._file_worker(code, zero, remarks)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report-file")
    def _file_worker(self, code: str, zero: bool, remarks: str) -> None:
        from fieldapp.services.common.periods import parse_utc
        from fieldapp.services.daily_report import reports as daily_reports
        from fieldapp.store import db

        with db.connection_context():
            try:
                filed = daily_reports.file_report(code, remarks=remarks, zero_report=zero)
            except (daily_reports.ZeroReportRefused, daily_reports.RemarksRefused) as refused:
                self.post_message(self.Refused(refused.text()))
                return
            except daily_reports.NotMyGrid:
                self.post_message(self.Refused(t("report.not_my_grid", grid=code)))
                return
        time = wall_clock(parse_utc(filed.submitted_at)).strftime("%H:%M")
        self.post_message(self.Filed(code, time, zero))

    @on(Filed)
    def _filed(self, event: Filed) -> None:
        self.filing = False
        self.filed_at[event.code] = event.at
        self.filed_zero[event.code] = event.zero
        if event.code == self.grid:  # filed with them: nothing typed is left to lose
            self.remarks_filed = self.query_one("#report-remarks", Input).value
        self._take_down_explanations()  # a refusal before this filing no longer holds
        self._start()
        self._load_grid(event.code)  # its state line says it was filed, and when

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.filing = False
        self.explain(event.text)  # about this screen: it goes when the screen is left

    @on(Worker.StateChanged)
    def _filing_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "report-file" and event.state in (
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self.filing = False  # said by the app's handler; F10 may try again
