"""When a grid's daily report was filed today, and what it was, as the daily report screen
knows it: filed from here since its state was last read (`filed_at`, `filed_zero`), else
the state read (its report, its line in the grid list). F10 on a grid that filed asks
about a correction, naming what was filed: a zero report is called one."""

from __future__ import annotations

from fieldapp.tui.views.report_lines import GridLine, GridReport


class FiledToday:
    lines: tuple[GridLine, ...]
    report: GridReport | None
    # The grids filed here since their state was last read (local HH:MM), and whether
    # that was a zero report: a second F10 before the state is read again is asked about.
    filed_at: dict[str, str]
    filed_zero: dict[str, bool]

    def _line(self, code: str) -> GridLine | None:
        return next((line for line in self.lines if line.code == code), None)

    def _contradicted(self, code: str) -> bool:
        """The grid's zero report today, contradicted, and nothing filed here since."""
        report = self.report
        held = report is not None and report.code == code and bool(report.contradicted)
        return held and code not in self.filed_at

    def _zero_filed(self, code: str) -> bool:
        """Is the grid's report filed today (`_filed_today`) a zero report?"""
        if code in self.filed_zero:
            return self.filed_zero[code]
        line = self._line(code)
        return line is not None and line.zero

    def _filed_today(self, code: str) -> str:
        """When the grid's report for today was filed (local HH:MM), or ""."""
        if code in self.filed_at:
            return self.filed_at[code]
        if self.report is not None and self.report.code == code and self.report.submitted:
            return self.report.submitted
        line = self._line(code)
        return line.submitted if line is not None else ""
