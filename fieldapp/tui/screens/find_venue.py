"""Find venue: search as you type over name, code and address, filter by kind and grid.

Typing restarts a ~100 ms debounce; the query then runs in an exclusive thread worker
(`services.inspection.venues.search`), so a newer query cancels an older one and a stale answer is
never shown. The table holds one page (PAGE rows) from the store; PageDown/PageUp or
n/p fetch the next/previous page by limit/offset, so 100,000 venues cost one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Header, Input, Select, Static
from textual.worker import get_current_worker

from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings, relabel_binding
from fieldapp.tui.screens import FieldScreen, HistoryWanted, VenueChosen
from fieldapp.tui.views.find_venue import PAGE, SearchRequest, VenueRow, grid_choices, run_search
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.table import GRID_CELLS, Cut, GridName
from fieldapp.tui.widgets.venue_names import VenueName

DEBOUNCE_SECONDS = 0.1
# From this many columns a grid's name has room to be whole (老渡口农贸市场第一网格): at 120
# it read 老渡…第一网格 beside a half-empty address column. Narrower, the venue's name
# keeps that room.
GRID_WHOLE_FROM = 100


class QueryInput(Input):
    """The search field: Down goes to the results, as people expect (and the footer says
    so while the field has focus; the results table handles Down itself). Its own editing
    keys stay its own (ctrl+k deletes to the end); the app's other ctrl keys act from it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.focus_results", "Results", id="find.down_to_results"),
    ]

    def __init__(self, value: str, *, placeholder: str, id: str) -> None:
        super().__init__(value, placeholder=placeholder, id=id)
        localize_bindings(self)


class FindVenueScreen(FieldScreen[None]):
    PLACE = "binding.app.find_venue"
    SECTION = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="find.back"),
        Binding("pagedown,n", "page(1)", "Next page", id="find.next_page"),
        Binding("pageup,p", "page(-1)", "Prev page", id="find.prev_page"),
        Binding("i", "history", "Inspections", id="find.history"),
        # Down from the search field goes to the results (`QueryInput`); `/`, the app's
        # find-venue key, goes back to the search field. F3 and F4 stay the app's incident
        # keys here too.
    ]

    @dataclass
    class Results(Message):
        request: SearchRequest
        rows: list[VenueRow]
        more: bool

    @dataclass
    class Grids(Message):
        choices: list[tuple[str, str]]
        kinds: list[str]  # the shipped kinds and those the office added

    def __init__(self, text: str = "") -> None:
        super().__init__(id="find-venue")
        self.query_text = text
        self.kind_filter: str | None = None
        self.grid_filter: str | None = None
        self.grids: list[tuple[str, str]] = []
        self.kinds: list[str] = list(VENUE_KINDS)  # until the store's list is read
        self.page_offset = 0
        self.has_more = False
        self.rows: list[VenueRow] = []
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield QueryInput(self.query_text, placeholder=t("find.placeholder"), id="query")
        with Horizontal(id="filters"):
            yield Select(
                [(t(f"kind.{kind}"), kind) for kind in self.kinds],
                prompt=t("find.kind.prompt"),
                value=self.kind_filter if self.kind_filter else Select.NULL,
                id="kind",
            )
            yield Select(
                self.grids,
                prompt=t("find.grid.prompt"),
                value=self.grid_filter if self.grid_filter else Select.NULL,
                id="grid",
            )
        yield PagedTable(id="results")
        yield Static(t("find.searching"), id="find-status")
        yield Static("", id="find-facts")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("find.subtitle")
        table = self.query_one("#results", PagedTable)
        table.add_column(t("find.col.code"), key="code")
        table.add_column(t("find.col.name"), key="name")
        # a long name gives up width to the kind, the grid and the address's street
        table.squeezed = ("name", "address")
        table.add_column(t("find.col.kind"), key="kind")
        table.add_column(t("find.col.grid"), key="grid")
        table.add_column(t("find.col.address"), key="address")
        self.query_one("#query", Input).focus()
        if not self.grids:
            self._load_grids()
        self.search(offset=self.page_offset)
        self.call_after_refresh(self._label_escape)  # opened with text: Esc clears it

    async def relabel(self) -> None:
        """The language changed: rebuild in it, keeping the query, filters and page."""
        localize_bindings(self)
        await self.recompose()
        self.on_mount()

    # -- searching ---------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self.query_text:
            return
        self.query_text = event.value
        self._label_escape()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._debounced)

    def _debounced(self) -> None:
        self._debounce = None
        self.search(offset=0)

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        event.stop()
        kind = None if event.value is Select.NULL else str(event.value)
        if kind != self.kind_filter:
            self.kind_filter = kind
            self.search(offset=0)

    @on(Select.Changed, "#grid")
    def _grid_changed(self, event: Select.Changed) -> None:
        event.stop()
        grid = None if event.value is Select.NULL else str(event.value)
        if grid != self.grid_filter:
            self.grid_filter = grid
            self.search(offset=0)

    def search(self, *, offset: int) -> None:
        """Start a search for the current query and filters (replaces any running one)."""
        self._search(
            SearchRequest(
                self.query_text.strip(), self.kind_filter, self.grid_filter, max(0, offset)
            )
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="find-venue")
    def _search(self, request: SearchRequest) -> None:
        from fieldapp.store import db

        with db.connection_context():
            rows, more = run_search(request)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Results(request, rows, more))

    @on(Results)
    def _results(self, event: Results) -> None:
        request = event.request
        if (request.text, request.kind, request.grid) != (
            self.query_text.strip(),
            self.kind_filter,
            self.grid_filter,
        ):
            return  # an answer to a query the person has already changed
        self.page_offset, self.has_more, self.rows = request.offset, event.more, event.rows
        table = self.query_one("#results", PagedTable)
        table.clear()
        wide = self.app.size.width >= GRID_WHOLE_FROM
        grid_cells = 2 * GRID_CELLS if wide else GRID_CELLS
        for row in event.rows:
            table.add_row(
                row.code,
                VenueName(row.name),  # type: ignore[arg-type]  # its own part kept when squeezed
                t(f"kind_short.{row.kind}"),
                GridName(row.grid, 0, row.grid_parent, grid_cells, apart=True),  # type: ignore[arg-type]
                Cut(row.street),  # type: ignore[arg-type]  # what tells venues apart
                key=row.venue_id,
            )
        status = self.query_one("#find-status", Static)
        if not event.rows:
            none = "find.status.none_for" if request.text else "find.status.none"
            status.update(t(none, query=request.text))
            # No row is highlighted, so no line about the venue that was.
            self.query_one("#find-facts", Static).update("")
        else:
            status.update(
                t(
                    "find.status",
                    page=request.offset // PAGE + 1,
                    count=len(event.rows),
                    more=t("find.status.more") if event.more else "",
                )
            )

    @work(thread=True, exclusive=True, exit_on_error=False, group="find-venue-grids")
    def _load_grids(self) -> None:
        from fieldapp.services.common.kinds import venue_kinds
        from fieldapp.store import db

        with db.connection_context():
            choices = grid_choices()
            kinds = venue_kinds()
        self.post_message(self.Grids(choices, kinds))

    @on(Grids)
    def _grids(self, event: Grids) -> None:
        self.grids = event.choices
        self.query_one("#grid", Select).set_options(event.choices)
        if event.kinds != self.kinds:
            self.kinds = event.kinds
            kind = self.query_one("#kind", Select)
            kind.set_options([(t(f"kind.{k}"), k) for k in event.kinds])
            if self.kind_filter in event.kinds:
                kind.value = self.kind_filter

    # -- paging and choosing -----------------------------------------------------------

    @on(PagedTable.PageRequested, "#results")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        self.action_page(event.step)

    def action_page(self, step: int) -> None:
        if (step > 0 and not self.has_more) or (step < 0 and self.page_offset == 0):
            self.app.bell()
            return
        self.search(offset=self.page_offset + step * PAGE)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter searches at once (no debounce wait) and moves to the results.
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
            self.search(offset=0)
        self.action_focus_results()

    @on(PagedTable.RowHighlighted, "#results")
    def _highlighted(self, event: PagedTable.RowHighlighted) -> None:
        """What the venue under the cursor has recorded (用燃气, 房间数…): the items its
        checklist asks depend on them."""
        from fieldapp.domain.expr_types import VENUE_ATTRIBUTES
        from fieldapp.tui.views.venue_facts import facts_text

        key = event.row_key.value if event.row_key is not None else None
        row = next((r for r in self.rows if r.venue_id == key), None)
        line = self.query_one("#find-facts", Static)
        if row is None:
            line.update("")
            return
        venue = t("venue.label", name=row.name, code=row.code)
        facts = facts_text(row.attributes, [n for n in VENUE_ATTRIBUTES if n in row.attributes])
        line.update(
            t("find.venue_facts", venue=venue, facts=facts)
            if facts
            else t("find.venue_facts.none", venue=venue)
        )

    @on(PagedTable.RowSelected, "#results")
    def _chosen(self, event: PagedTable.RowSelected) -> None:
        event.stop()
        venue_id = str(event.row_key.value)
        for row in self.rows:
            if row.venue_id == venue_id:
                self.post_message(
                    VenueChosen(venue_id, t("venue.label", name=row.name, code=row.code))
                )
                return

    def _under_cursor(self) -> VenueRow | None:
        key = self.query_one("#results", PagedTable).selected_key
        return next((r for r in self.rows if r.venue_id == key), None)

    def action_history(self) -> None:
        """The submitted inspections of the venue under the results' cursor."""
        if (row := self._under_cursor()) is not None:
            self.post_message(HistoryWanted(row.venue_id, row.name, row.code))

    def incident_venue(self) -> tuple[str, str] | None:
        """An incident reported from here (F4) happened at the venue under the results'
        cursor, as from its inspection; none while the search lists none."""
        row = self._under_cursor()
        return None if row is None else (row.venue_id, f"{row.name} {row.code}")

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def focus_section(self) -> None:
        """`/` again while searching: back to the search field."""
        self.action_focus_search()

    def action_focus_results(self) -> None:
        table = self.query_one("#results", PagedTable)
        if table.row_count:
            table.focus()

    def _label_escape(self) -> None:
        """The footer says what Esc does: clear the text typed, or leave (as People)."""
        if self.query_text:
            relabel_binding(self, "find.back", t("find.clear_search"))
            self.refresh_bindings()
        elif label_back := getattr(self.app, "label_back", None):
            label_back()

    def action_back(self) -> None:
        """Esc: text typed is cleared first (every venue again); with none, back."""
        if self.query_text:
            self.query_one("#query", Input).value = ""  # Input.Changed searches again
            self.action_focus_search()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
