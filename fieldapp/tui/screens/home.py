"""Home: who I am, venues due (overdue / today / this week), scheduled activities due
(ctrl+y lists them), my inspections a supervisor returned (b lists them), drafts, my open
hazards.

Data comes from `services.inspection.home.load_home` in a thread worker; the worker turns the rows
into plain `HomeView` values (`fieldapp.tui.views.home`: no lazy queries on the UI thread) and posts
`Loaded`. The due list pages from the store (PageDown/PageUp or n/p), so 100,000 venues
cost one page. Worker errors are reported by the app's one `Worker.StateChanged` handler.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from fieldapp.i18n import listed, t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.screens import HistoryWanted, VenueChosen
from fieldapp.tui.screens.home_due import add_due_columns, fill_due, fit_due_columns
from fieldapp.tui.screens.home_returned import ReturnedLine
from fieldapp.tui.views.due_list import DueRow, due_rows, venue_label
from fieldapp.tui.views.home import (
    PAGE,
    DraftRow,
    FindingRow,
    HomeView,
    build_home_view,
    campaign_label,
    take_early_home_view,
)
from fieldapp.tui.widgets import PagedTable, StatusBar
from fieldapp.tui.widgets.bucket_tile import BucketTile
from fieldapp.tui.widgets.drafts_table import DraftsTable
from fieldapp.tui.widgets.findings_table import FindingsTable
from fieldapp.tui.widgets.home_lower import DraftsTitle, HomeLower
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import CutLabel, WordCutLabel

if TYPE_CHECKING:  # the follow-ups (and their checklist rules) load in their worker
    from fieldapp.services.followups.plans import DueReading

# How long the first frame waits for the home data read at start-up (it is usually read
# by the time the screen mounts: the read began before Textual was imported).
EARLY_WAIT_S = 1.5


class HomeScreen(ReturnedLine):
    """The start screen. Enter acts on the row under the cursor of the focused list."""

    PLACE = "nav.place.home"
    FOOTER_PINNED = ("app.scan", "app.find_venue")  # shown in the footer whatever the width

    RETURN_AFTER_SUBMIT = True
    # No auto focus: on_mount focuses the due list as it shows the data, so the footer
    # chooses its keys once for both (the due list focused as home was composed, the
    # footer chose them first for home without its data, ~1.5 ms of CPU at each start).
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_selected", "Open", id="home.open", priority=True),
        Binding("i", "history", "Inspections", id="home.history"),
        # Paging before Refresh: at 80 columns r gives way to them (it is under F1).
        Binding("n", "due_page(1)", "Next", id="home.next_page"),
        Binding("p", "due_page(-1)", "Prev", id="home.prev_page"),
        Binding("b", "returned", "Returned", id="home.returned"),
        Binding("r", "refresh", "Refresh", id="home.refresh"),
    ]

    @dataclass
    class Loaded(Message):
        """Home data is ready (bubbles to the app, which offers to resume a draft)."""

        view: HomeView

    @dataclass
    class DuePageLoaded(Message):
        rows: tuple[DueRow, ...]
        offset: int

    @dataclass
    class FollowupsDue(Message):
        due: tuple[DueReading, ...]

    @dataclass
    class DraftChosen(Message):
        inspection_id: str

    @dataclass
    class FindingChosen(Message):
        finding_id: str

    def __init__(self) -> None:
        super().__init__(id="home")
        self.home_view: HomeView | None = None
        self.due_offset = 0
        self.due_shown: tuple[DueRow, ...] = ()  # the due list's page on screen
        self._shown_at_mount = False
        # The view made while the app started (begun before Textual was imported), waited
        # for here, briefly: the app reads the person's role from it before the screen is
        # composed (the role decides which keys the footer offers), and it goes into the
        # first frame instead of a loading frame and a second layout when it arrives.
        # Without it the first resume loads as usual.
        self.early_view = take_early_home_view(wait=EARLY_WAIT_S)

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="me-panel"):
            yield Label(t("home.loading"), id="me-name")
            yield CutLabel("", id="me-grids")  # cut with "…" where "today" begins
            yield Label("", id="me-today")
        yield WordCutLabel("", id="home-campaigns")  # "…" between words
        yield Label("", id="home-patrols")
        yield Label("", id="home-followups")
        yield Label("", id="home-returned")
        with Horizontal(id="buckets"):
            for bucket in ("overdue", "today", "week", "activities"):
                yield BucketTile(id=f"bucket-{bucket}", classes=f"bucket -{bucket}")
        with Vertical(id="home-main"):
            yield Label("", id="due-title", classes="pane-title")
            yield self._focused_due()
            with HomeLower(id="home-lower", classes=self._lower_classes()):
                with Vertical(id="drafts-pane"):
                    yield DraftsTitle(id="drafts-title", classes="pane-title")
                    yield DraftsTable(id="drafts")
                with Vertical(id="findings-pane"):
                    yield Label("", id="findings-title", classes="pane-title")
                    yield FindingsTable(id="findings")
        view = self.early_view  # its warning colour set as it is composed
        yield StatusBar(id="status", unsynced=view.unsynced if view is not None else 0)
        yield KeyFooter()

    @staticmethod
    def _focused_due() -> PagedTable:
        """The due list, which takes the focus as home is shown, styled focused as it
        mounts: given the focus once styled, it and its scrollbars were styled again
        before the first frame (~1.5 ms of CPU at every start)."""
        due = PagedTable(id="due")
        due.set_reactive(PagedTable.has_focus, True)
        return due

    def _lower_classes(self) -> str:
        """The lower row's class for the drafts the start-up read found, if it is here:
        `HomeLower.fit_panes` sets it once the drafts are shown, and set on the mounted row
        it restyled the row, both panes and both tables again before the first frame
        (~2.5 ms of CPU at each start without drafts)."""
        view = self.early_view
        return "-no-drafts" if view is not None and not view.drafts else ""

    def on_mount(self) -> None:
        self.sub_title = t("home.subtitle")
        self._add_due_columns()
        self.query_one("#drafts", DraftsTable).fit(self.app.size.width)
        self.set_focus(self.query_one("#due", PagedTable))  # now, not after this handler
        view, self.early_view = self.early_view, None
        if view is not None and self.home_view is None:
            self.show(view)
            self._shown_at_mount = True
            self.post_message(self.Loaded(view))
        self.call_after_refresh(self._load_returned)  # after the first frame

    def _add_due_columns(self) -> None:
        add_due_columns(self.query_one("#due", PagedTable), self.app.size.width)

    def _fit_due(self) -> bool:
        return fit_due_columns(self.query_one("#due", PagedTable), self.app.size.width)

    def on_resize(self) -> None:
        """Across the width where the due list's code column comes or goes. Also on coming
        back: a resize while another screen was on top reached this one only then."""
        due = self.query_one("#due", PagedTable)
        row = due.cursor_row
        if self._fit_due():
            self._show_due(self.due_shown, self.due_offset)
            due.move_cursor(row=row)
        self.query_one("#drafts", DraftsTable).fit(self.app.size.width)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume follows the mount: not styled again (FieldScreen, StyledWhenMounted).
        self.on_resize()  # the width may have changed while another screen was on top
        if self._shown_at_mount:  # the first resume, right after the data was shown
            self._shown_at_mount = False
            return
        # Back from an inspection or a dialog: the due list and drafts may have changed.
        self.reload()

    async def relabel(self) -> None:
        """The language changed: rebuild the widgets in it and show the data again."""
        localize_bindings(self)
        await self.recompose()
        self.on_mount()
        if self.home_view is not None:
            self.show(self.home_view)

    # -- data --------------------------------------------------------------------------

    def reload(self) -> None:
        self._load()
        self._load_followups()
        self._load_returned()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-followups")
    def _load_followups(self) -> None:
        """The follow-up readings due to me today (temperatures of returnees…)."""
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.followups import plans
        from fieldapp.store import db

        with db.connection_context():
            try:
                due = tuple(plans.due_readings())
            except PersonalDataLocked:  # the names are sealed: the line waits for the PIN
                due = ()
        self.post_message(self.FollowupsDue(due))

    @on(FollowupsDue)
    def _followups_due(self, event: FollowupsDue) -> None:
        line = self.query_one("#home-followups", Label)
        line.display = bool(event.due)
        if event.due:
            names = list(dict.fromkeys(d.name for d in event.due))
            shown = listed(names[:3]) + ("…" if len(names) > 3 else "")
            missed = sum(d.missed for d in event.due)
            key = "home.followups.missed" if missed else "home.followups"
            line.update(t(key, count=len(event.due), missed=missed, names=shown))

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def _load(self) -> None:
        from fieldapp.store import db

        with db.connection_context():
            view = build_home_view()
        self.post_message(self.Loaded(view))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if event.view is self.home_view:  # shown already, with the first frame
            return
        self.due_offset = 0
        self.show(event.view)

    def show(self, view: HomeView) -> None:
        self.home_view = view
        self.query_one("#me-name", Label).update(
            t("home.me", name=view.name, role=t(f"role.{view.role}"))
        )
        names = listed(view.grids)  # short of room for "My grids: " and a name's start: names
        mine = t("home.my_grids", grids=names) if names else t("home.no_grids")
        self.query_one("#me-grids", CutLabel).say(mine, names)
        self.query_one("#me-today", Label).update(t("home.today", date=view.today.isoformat()))
        campaigns = self.query_one("#home-campaigns", Label)
        if view.campaigns or campaigns.display:  # untouched while none is on
            labels = [campaign_label(campaign, phase) for campaign, phase in view.campaigns]
            campaigns.update(t("campaign.home.active", campaigns=listed(labels)))
            campaigns.display = bool(view.campaigns)
        patrols = self.query_one("#home-patrols", Label)
        if view.patrols or patrols.display:
            patrols.update(t("home.patrols_due", patrols="；".join(view.patrols)))
            patrols.display = bool(view.patrols)
        for bucket in ("overdue", "today", "week", "activities"):
            count = view.activities_due if bucket == "activities" else view.counts.get(bucket, 0)
            tile = self.query_one(f"#bucket-{bucket}", BucketTile)
            tile.show(t(f"bucket.{bucket}"), count, t(f"bucket.short.{bucket}"))
        self._show_due(view.due, self.due_offset)
        self._show_drafts(view.drafts)
        self._show_findings(view.findings, view.overdue_findings)
        status = self.query_one(StatusBar)
        status.person, status.role = view.name, view.role
        status.day, status.unsynced = view.today.isoformat(), view.unsynced
        status.refresh()
        self.refresh_bindings()  # the paging keys follow the number of venues due

    def _show_due(self, rows: tuple[DueRow, ...], offset: int) -> None:
        self.due_shown = rows
        table = self.query_one("#due", PagedTable)
        self._fit_due()  # the width may have changed since the columns were made
        fill_due(table, rows)
        total = self.home_view.due_total if self.home_view else 0
        title = self.query_one("#due-title", Label)
        if rows:
            title.update(
                t("home.due.title", total=total, first=offset + 1, last=offset + len(rows))
            )
        elif self.home_view is not None and self.home_view.never_synced:
            title.update(t("home.due.not_downloaded"))  # not "none due": none held yet
        else:
            title.update(t("home.due.title_empty"))

    def _show_drafts(self, rows: tuple[DraftRow, ...]) -> None:
        drafts = self.query_one("#drafts", DraftsTable)
        drafts.show(rows)
        if drafts.lost_its_rows:  # the last draft finished from it: back on the due list
            self.query_one("#due", PagedTable).focus()
        title = self.query_one("#drafts-title", DraftsTitle)
        if rows:
            n = len(rows)
            title.say(t("home.drafts.title", count=n), t("home.drafts.title_short", count=n))
        else:
            title.say(t("home.drafts.empty"))
        self.query_one(HomeLower).fit_panes()  # a line above the hazards while none

    def _show_findings(self, rows: tuple[FindingRow, ...], overdue: int) -> None:
        # Its columns are those the pane has room for (see FindingsTable).
        self.query_one("#findings", FindingsTable).show(rows)
        self.query_one(HomeLower).fit_panes()  # twins among them want their item's room
        self.query_one("#findings-title", Label).update(
            t("home.findings.title", count=len(rows), overdue=overdue)
            if rows
            else t("home.findings.empty")
        )

    # -- due list paging ---------------------------------------------------------------

    @on(PagedTable.PageRequested, "#due")
    def _page_requested(self, event: PagedTable.PageRequested) -> None:
        event.stop()
        self.action_due_page(event.step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "due_page":  # offered only when the due list has more than one page
            return self.home_view is not None and self.home_view.due_total > PAGE
        return super().check_action(action, parameters)

    def action_due_page(self, step: int) -> None:
        if self.home_view is None:
            return
        offset = self.due_offset + step * PAGE
        if offset < 0 or offset >= self.home_view.due_total:
            self.app.bell()
            return
        self._load_due_page(self.home_view.grid_codes, self.home_view.today, offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-due")
    def _load_due_page(self, grids: tuple[str, ...], day: dt.date, offset: int) -> None:
        from fieldapp.services.inspection.home import due_venues
        from fieldapp.store import db

        with db.connection_context():
            rows = due_rows(due_venues(list(grids), day, limit=PAGE, offset=offset), day)
        self.post_message(self.DuePageLoaded(rows, offset))

    @on(DuePageLoaded)
    def _due_page_loaded(self, event: DuePageLoaded) -> None:
        self.due_offset = event.offset
        self._show_due(event.rows, event.offset)

    # -- actions -----------------------------------------------------------------------

    def action_refresh(self) -> None:
        self.reload()

    def action_open_selected(self) -> None:
        focused = self.focused
        if not isinstance(focused, DataTable):
            return
        key = selected_key(focused)
        if key is not None:
            if focused.id == "due":
                self.post_message(VenueChosen(key, self._venue_label(key)))
            elif focused.id == "drafts":
                self.post_message(self.DraftChosen(key))
            elif focused.id == "findings":
                self.post_message(self.FindingChosen(key))

    def action_history(self) -> None:
        """The submitted inspections of the venue under the cursor of the focused list:
        a due venue's, a draft's venue's or an open hazard's venue's."""
        focused, view = self.focused, self.home_view
        if not isinstance(focused, DataTable) or view is None:
            return
        key = selected_key(focused)
        venues = {
            "due": ((r.venue_id, r.venue_id, r.name, r.code) for r in self.due_shown),
            "drafts": ((r.inspection_id, r.venue_id, r.venue, r.code) for r in view.drafts),
            "findings": ((r.finding_id, r.venue_id, r.venue, r.code) for r in view.findings),
        }.get(focused.id or "", ())
        row = next((venue for row_key, *venue in venues if row_key == key), None)
        if row is not None:
            self.post_message(HistoryWanted(*row))

    def _venue_label(self, venue_id: str) -> str:
        return venue_label(venue_id, self.home_view.due if self.home_view else ())

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        # Mouse clicks on a row arrive here (Enter is the screen's priority binding).
        event.stop()
        self.action_open_selected()
