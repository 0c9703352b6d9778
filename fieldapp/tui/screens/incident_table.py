"""A screen listing incidents in a table: the supervisor's queue and a reporter's own list.

The columns (when, what, its state, where; at 100 columns and wider also the evidence and,
for the queue, the reporter), the line below the table (the highlighted incident's place
whole, its evidence and hand-over when narrow) and Enter showing the highlighted incident
in full, read-only (`IncidentRecordScreen`); Esc goes back. An incident the server refused
to create is marked (服务器拒收) with its reason below the table while highlighted, and R
sends it again, X discards it (`refused_records`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.incidents.queue import IncidentRow
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen, refused_mark
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.paged_table import widest
from fieldapp.tui.widgets.table import Cut

MARK = "●"
# Under this many terminal columns a list shows when, what, its state and where, each
# short (80 columns cut English at "Reported by", the place gone); the highlighted
# incident's reporter, evidence and hand-over go in the line below the table.
ALL_COLUMNS_FROM = 100
NARROW_COLUMNS = ("time", "category", "state", "place")
PLACE_MIN = 8  # the place's cells at least, however narrow the screen


def category_col(code: str) -> str:
    """A category as the narrow queue's column says it (the full name for a category the
    office added, which has no short one)."""
    short = t(f"incident.category_col.{code}")
    return t(f"incident.category.{code}") if short.startswith("incident.") else short


def narrow_widths() -> dict[str, int]:
    from fieldapp.domain.incidents import DEFAULT_CATEGORIES, STATES

    return {
        "time": widest("2026-12-31 23:59"),
        "category": widest(*(category_col(c) for c in DEFAULT_CATEGORIES)),
        "state": widest(
            *(f"{t(f'incident.state_col.{s}')} ⚠" for s in STATES), t("refused.mark_col")
        ),
    }


def handling(row: IncidentRow) -> list[str]:
    """Whom a row was handed over to and what they did, as far as known."""
    said = [t(f"incident.unit.{row.handed_over_to}")] if row.handed_over_to else []
    return said + ([t(f"incident.outcome.{row.outcome}")] if row.outcome else [])


class IncidentTableScreen(RefusedRecordsScreen):
    """The table of incidents (`#incident-table`) and the line below it (`#incident-status`);
    a subclass composes them and fills `rows`."""

    CSS_PATH = "review.tcss"
    # The columns at 100 terminal columns and wider (the place last: a narrow one may cut it)
    WIDE_COLUMNS: ClassVar[tuple[str, ...]] = ("time", "category", "state", "evidence", "place")
    MARKS: ClassVar[bool] = False  # a first column marking rows for a bulk action
    EMPTY: ClassVar[str] = "incident.queue.empty"
    REFUSED_KIND = "incident"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[IncidentRow] = []

    def compose_table(self) -> ComposeResult:
        yield PagedTable(id="incident-table")
        yield Static("", id="incident-status")  # wraps: a refusal is read whole

    @property
    def narrow(self) -> bool:
        return self.app.size.width < ALL_COLUMNS_FROM

    @property
    def columns(self) -> tuple[str, ...]:
        return NARROW_COLUMNS if self.narrow else self.WIDE_COLUMNS

    def _add_columns(self) -> None:
        table = self.query_one(PagedTable)
        if self.MARKS:
            table.add_column(" ", key="mark", width=2)
        widths = narrow_widths() if self.narrow else {}
        # Narrow, a long place gives up width (cut with "…"; the line below says it whole):
        # wider than the screen, the table's scrollbar showed as a lone ▊ under its rows.
        table.squeezed = ("place", "place") if self.narrow else None
        table.squeezed_min = PLACE_MIN
        for column in self.columns:
            table.add_column(t(f"incident.col.{column}"), key=column, width=widths.get(column))

    def _fit_columns(self) -> bool:
        """The columns for the width now; True if they had to change. A resize while
        another screen was on top reaches this one only when it is back, and a load can
        land before that: its rows go in the columns for the width they are shown at."""
        table = self.query_one(PagedTable)
        shown = [str(column.key.value) for column in table.ordered_columns]
        if not shown or tuple(c for c in shown if c != "mark") == self.columns:
            return False
        table.clear(columns=True)
        self._add_columns()
        return True

    def on_resize(self) -> None:
        """Across the width where the reporter and evidence columns come or go."""
        if self._fit_columns():
            self._fill_rows()

    def mark_of(self, row: IncidentRow) -> str:
        return ""

    def _fill_rows(self) -> None:
        table = self.query_one(PagedTable)
        self._fit_columns()
        table.clear()
        for row in self.rows:
            if self.narrow:
                state = t(f"incident.state_col.{row.state}")
                category = category_col(row.category)
            else:
                state = t(f"incident.state.{row.state}") + "".join(f" · {h}" for h in handling(row))
                category = t(f"incident.category.{row.category}")
            cells = {
                "time": row.occurred_at,
                "category": category,
                "state": refused_mark(self, t("refused.mark_col") if self.narrow else None)
                if row.refusal
                else (f"{state} ⚠" if row.conflict else state),
                "evidence": t("incident.evidence", photos=row.photos, media=row.media),
                "reporter": row.reporter,
                "place": Cut(row.place) if self.narrow else row.place,
            }
            marks = [self.mark_of(row)] if self.MARKS else []
            # a refused one's state is Rich Text (DataTable draws any renderable)
            table.add_row(*marks, *(cells[c] for c in self.columns), key=row.id)  # type: ignore[arg-type]
        self._say_highlighted()

    def empty_line(self) -> str:
        """Below the table when it lists nothing."""
        return t(self.EMPTY)

    def detail(self, row: IncidentRow) -> str:
        """The highlighted incident below a narrow table: what its columns leave out."""
        evidence = t("incident.evidence", photos=row.photos, media=row.media)
        return t("incident.detail", place=row.place, reporter=row.reporter, evidence=evidence)

    @on(PagedTable.RowHighlighted, "#incident-table")
    def _say_highlighted(self) -> None:
        """Below the table: that nothing is listed; or, when narrow, the highlighted
        incident's place whole, its reporter, evidence and hand-over."""
        row = self.highlighted
        said: str | Text = self.empty_line() if not self.rows else ""
        if row is not None and self.narrow:
            said = self.detail(row) + "".join(f" · {h}" for h in handling(row))
        if row is not None and row.refusal is not None:  # why, before all else
            said = refused_mark(self, t("refused.why", reason=row.refusal.why))
        self.query_one("#incident-status", Static).update(said)
        self.refresh_bindings()

    def highlighted_refusal(self) -> RecordRefusal | None:
        row = self.highlighted
        return row.refusal if row is not None else None

    def refused_subject(self) -> str:
        row = self.highlighted
        if row is None:
            return ""
        category = t(f"incident.category.{row.category}")
        return t("refused.subject.incident", at=row.occurred_at, category=category)

    def refusal_acted(self) -> None:
        self.synced()  # reads the list again, as after a sync

    @property
    def highlighted(self) -> IncidentRow | None:
        key = self.query_one(PagedTable).selected_key
        return next((r for r in self.rows if r.id == key), None)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_view(self) -> None:
        from fieldapp.tui.screens.incident_record import IncidentRecordScreen

        def back(changed: bool | None) -> None:
            if changed:  # a note or photos added there: the list as it is now
                self.synced()

        row = self.highlighted
        if row is not None:
            self.app.push_screen(IncidentRecordScreen(row.id), back)

    @on(PagedTable.RowSelected, "#incident-table")
    def _row_selected(self, event: PagedTable.RowSelected) -> None:
        event.stop()  # a click on a row (Enter is the screen's priority binding)
        self.action_view()
