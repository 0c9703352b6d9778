"""The daily report's "Reports by grid" tab (supervisors): a list to read, where z and F10
are not offered, since they act on the grid chosen on the other tab and a zero report for
a grid other than the one the cursor is on is a false statement. Enter on a grid's row
takes it to the filing tab, chosen, its counts in sight, where z and F10 act on it.

The keys 1 and 2 switch the tabs from either list (`tab_keys`)."""

from __future__ import annotations

from textual import on
from textual.widgets import DataTable, OptionList, TabbedContent

from fieldapp.tui.screens.tab_keys import TabKeys

STATUS_TAB = "tab-status"
FILING = ("zero_report", "file_report")  # act on the filing tab's grid: not offered here


class StatusTab(TabKeys):
    TABBED = "report-tabs"
    TAB_FOCUS = (("tab-file", "report-grids"), (STATUS_TAB, "report-status"))  # keys 1 and 2
    supervisor: bool

    def _on_status_tab(self) -> bool:
        return self.query_one("#report-tabs", TabbedContent).active == STATUS_TAB

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in FILING:
            return not self._on_status_tab()
        if action == "tab":
            return self.supervisor  # the status tab is a supervisor's; alone, no tabs
        if action == "file_for_row":
            return self._on_status_tab() and self._row_code() is not None
        return super().check_action(action, parameters)

    @on(TabbedContent.TabActivated, "#report-tabs")
    def _tab_activated(self) -> None:
        self.refresh_bindings()

    def _row_code(self) -> str | None:
        table = self.query_one("#report-status", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_file_for_row(self) -> None:
        """The highlighted grid, chosen on the filing tab (asking first about remarks
        typed for another grid, as moving in the grid list does)."""
        code = self._row_code()
        options = self.query_one("#report-grids", OptionList)
        index = next((i for i in range(options.option_count)
                      if options.get_option_at_index(i).id == code), None)  # fmt: skip
        if index is None:
            self.app.bell()
            return
        self.query_one("#report-tabs", TabbedContent).active = "tab-file"
        options.highlighted = index
        options.focus()
