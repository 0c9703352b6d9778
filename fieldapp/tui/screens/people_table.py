"""The people list's table and the box under it: its columns for the terminal's width, a
row per person (a household the server refused marked, people moved out dimmed and listed
last), and the household of the person under the cursor, or what an empty list means.

`PeopleTable` is a base of `PeopleScreen` (after `PeopleActions`: a number shown in clear
is masked again when the rows are drawn again or the cursor leaves its row).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.widgets import DataTable, Input, Label, Static

from fieldapp.i18n import listed, t
from fieldapp.services.people.registry import HouseholdView, MemberView
from fieldapp.tui.screens.people_actions import PeopleActions
from fieldapp.tui.screens.refused_records import refused_mark
from fieldapp.tui.views.cells import ending
from fieldapp.tui.views.people import moved_out
from fieldapp.tui.widgets.paged_table import selected_key

# Fixed widths: CJK names and masks fit, and a group whole in either language ("Elderly
# living alone", or two groups in Chinese).
COLUMNS = (("name", 8), ("tags", 20), ("household", 12), ("id_number", 18), ("phone", 11),
           ("arrived", 10))  # fmt: skip
# Under this many terminal columns the household column goes (the box below the list says
# the household of the person under the cursor): with it, 80 columns cut the groups to
# "Elderly living" and the arrival date to "2026-0".
HOUSEHOLD_COLUMN_FROM = 100
# From there the household column takes the room the others leave, up to this many cells:
# at 12 "2号楼 T01-DM-1-01" read "2号楼 T01-DM" and three households looked the same. A
# label still too long keeps its end, the household's number.
HOUSEHOLD_CELLS = 30
# A search of digits alone: part of an ID number or phone, which are sealed and cannot be
# searched (names, household numbers and addresses can).
NUMBER = re.compile(r"[\d\sXx*+-]*\d[\d\sXx*+-]*")


class PeopleTable(PeopleActions):
    locked: bool  # the last load met the device locked (PeopleScreen's)

    def _columns(self) -> tuple[tuple[str, int], ...]:
        width = self.app.size.width
        if width < HOUSEHOLD_COLUMN_FROM:
            return tuple(column for column in COLUMNS if column[0] != "household")
        others = sum(cells + 2 for key, cells in COLUMNS if key != "household")
        room = width - others - 2 - 2  # its own padding, the vertical scrollbar
        household = max(dict(COLUMNS)["household"], min(HOUSEHOLD_CELLS, room))
        return tuple((key, household if key == "household" else cells) for key, cells in COLUMNS)

    def _add_columns(self) -> None:
        table = self.query_one("#people-table", DataTable)
        for key, width in self._columns():
            table.add_column(t(f"people.col.{key}"), key=key, width=width)

    def on_resize(self) -> None:
        """Across the width where the household column comes, goes or widens: the list
        again."""
        table = self.query_one("#people-table", DataTable)
        shown = [(str(column.key.value), column.width) for column in table.ordered_columns]
        if shown and shown != list(self._columns()):
            table.clear(columns=True)
            self._add_columns()
            if not self.locked:
                self._fill_rows()

    def _fill_rows(self) -> None:
        self.mask_again()  # the rows are read again, masked
        table = self.query_one("#people-table", DataTable)
        keep = selected_key(table)
        table.clear()
        self.members = {}
        columns = dict(self._columns())
        keys = list(columns)
        gone: list[tuple[list[Text], str]] = []
        for household in self.data.households:
            label = " ".join(x for x in (household.building, household.code) if x) or "-"
            label = ending(label, columns.get("household", len(label)))
            refused = household.id in self.data.refused
            if refused:  # the mark first: a long label is cut from the left
                mark = t("refused.mark_col")
                cut = ending(label, max(1, columns.get("household", 0) - cell_len(mark) - 1))
                marked: str | Text = Text.assemble(refused_mark(self, mark), " ", cut)
            for member in household.members:
                self.members[member.id] = (household, member)
                cells: dict[str, str | Text] = {
                    "name": refused_mark(self, member.name) if refused else member.name,
                    # A category is for the people followed up; the others say so.
                    "tags": listed(t(f"tag.{tag}") for tag in member.tags) or t("people.no_tags"),
                    "household": marked if refused else label,
                    "id_number": member.id_number,
                    "phone": member.phone,
                    "arrived": member.arrived_on.isoformat() if member.arrived_on else "",
                }
                if moved_out(member):  # marked, dimmed and listed after everyone here
                    cells["tags"] = t("people.moved_out")
                    row = [Text.assemble(cells[key], style="dim") for key in keys]
                    gone.append((row, member.id))
                    continue
                table.add_row(*(cells[key] for key in keys), key=member.id)
        for row, member_id in gone:
            table.add_row(*row, key=member_id)
        if keep in self.members:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_household()

    @on(DataTable.RowHighlighted, "#people-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.revealed is not None and self.revealed[0] != event.row_key.value:
            self.mask_again()  # a number shown in clear only on the row it was asked for
        self._show_household()

    def _current(self) -> tuple[HouseholdView, MemberView] | None:
        key = selected_key(self.query_one("#people-table", DataTable))
        return self.members.get(key) if key else None

    def _show_household(self) -> None:
        self.show_refusal(self.query_one("#people-refusal", Label))  # r / x with it
        current = self._current()
        box = self.query_one("#people-household", Static)
        if current is None:
            box.update(self._nobody() if not self.members else "")
            return
        household, _member = current
        revealed = f"{self.revealed_line()}\n" if self.revealed else ""  # first: never cut
        plates = listed(plate for _id, plate, _kind in household.vehicles) or "-"
        box.update(
            revealed
            + t(
                "people.household",
                code=household.code or "-",
                building=household.building or "-",
                address=household.address or "-",
                grid=household.grid_code,
                count=sum(not moved_out(m) for m in household.members),
                plates=plates,
            )
            + (
                t("people.household.cadres", names=listed(household.cadres))
                if household.cadres
                else ""
            )
        )

    def _nobody(self) -> str:
        """What an empty list means: no match for the search typed, or nobody yet."""
        query = self.query_one("#people-search", Input).value.strip()
        if NUMBER.fullmatch(query):  # the end of an ID number or a phone, as the list shows
            return t("people.no_match_number", query=query)
        return t("people.no_match", query=query) if query else t("people.empty")
