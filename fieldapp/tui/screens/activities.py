"""Scheduled activities (ctrl+y): what is due in my grids, like due venues (overdue first,
then due, then coming within a week), and what was held lately.

Enter (or e) on a due activity opens its short form; saving records it offline and it
leaves the due list. Enter on an activity held shows what was recorded, read only
(`ActivityRecordDialog`). One the server refused to record is marked 服务器拒收 in the held
list, and its duty is due again; while it is highlighted its reason shows below the list,
r sends it again and x discards it, as in F3 (`refused_records`; on any other row r reads
the lists again). Reading and writing run in thread workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from fieldapp.domain.activities import ActivityType
from fieldapp.i18n import t
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.tui.dialogs.activity import ActivityAsk, ActivityDialog
from fieldapp.tui.screens.activity_record import ActivityRecordDialog, HeldActivity
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen, refused_mark
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Cut, Table

# Narrower than this the due list has no window column (`_add_due_columns`) ...
WINDOW_FROM = 70
# ... and the activity's name is at least "11·9 fi…" beside its status and grid.
NAME_MIN = 8


@dataclass(frozen=True)
class DueLine:
    ask: ActivityAsk
    status: str  # overdue | due | upcoming
    due_on: str  # the day, or the days it is on time ("10-01–12-31")
    days_late: int = 0  # overdue: the days since its last on-time day
    days_left: int = 0  # due: the days after today it is still on time (0: today is the last)


@dataclass(frozen=True)
class HeldLine:
    held_on: str
    name: str
    grid: str
    attendees: int
    id: str = ""
    refusal: RecordRefusal | None = None  # the server refused it: it did not do its duty
    days_late: int = 0  # held after its window's last on-time day (迟报), by this many days
    record: str = "minutes"  # minutes | report: what its text is

    @property
    def refused(self) -> bool:
        return self.refusal is not None


@dataclass(frozen=True)
class ActivitiesData:
    due: tuple[DueLine, ...]
    held: tuple[HeldLine, ...]


def window_text(due_on: dt.date, due_by: dt.date) -> str:
    """The day an activity is due, or the days it is on time: a quarterly drill due from
    10-01 shows "10-01–12-31", so it does not read as late on 12-02."""
    if due_on == due_by:
        return due_on.isoformat()
    if due_on.year == due_by.year:
        return f"{due_on:%m-%d}–{due_by:%m-%d}"
    return f"{due_on.isoformat()}–{due_by.isoformat()}"


def status_text(line: DueLine) -> str:
    """逾期 3 天 rather than only 已逾期: how late says how pressing. One due now is open
    and says how long it stays on time (待开展 剩 24 天), not 到期, which reads as expired."""
    if line.status == "overdue" and line.days_late > 0:
        return t("activity.status.overdue_days", count=line.days_late)
    if line.status == "due":
        if line.days_left > 0:
            return t("activity.status.due_days", count=line.days_left)
        return t("activity.status.due_last_day")
    return t(f"activity.status.{line.status}")


def held_on_text(line: HeldLine) -> str:
    """The day held, and 迟报 2 天 when that was after its on-time days."""
    if line.days_late > 0:
        return f"{line.held_on} {t('activity.held.late_days', count=line.days_late)}"
    return line.held_on


def load_activities() -> ActivitiesData:
    """The due and held lists as plain values (call in a worker thread)."""
    from fieldapp.domain.clock import today
    from fieldapp.i18n import pick
    from fieldapp.services.activities import due, records, types
    from fieldapp.services.common.refused_records import refusals
    from fieldapp.store.models import Grid
    from fieldapp.store.refused_records import ACTIVITY_RECORD

    day = today()
    lines = tuple(
        DueLine(
            ActivityAsk(
                type_code=d.kind.code,
                name=pick(d.kind.zh, d.kind.en),
                grid_code=d.grid_code,
                grid_name=d.grid_name,
                required=d.kind.required,
                record=d.kind.record,
                today=day.isoformat(),
                due_by=d.window.due_by.isoformat(),
            ),
            d.status,
            window_text(d.window.due_on, d.window.due_by),
            d.window.days_late(day),
            max(0, (d.window.due_by - day).days),
        )
        for d in due.due_activities(day)
    )
    all_kinds = {k.code: k for k in types.activity_types()}
    kinds = {code: pick(k.zh, k.en) for code, k in all_kinds.items()}
    held = records.held_activities()
    refused = refusals(ACTIVITY_RECORD, [a.id for a in held])
    codes = {a.grid_code for a in held}
    names: dict[str, str] = {g.code: g.name for g in Grid.select().where(Grid.code.in_(codes))}
    return ActivitiesData(
        lines,
        tuple(
            HeldLine(
                a.held_on.isoformat(),
                kinds.get(a.type_code, a.type_code),
                names.get(a.grid_code, a.grid_code),
                a.attendees,
                a.id,
                refused.get(a.id),
                _days_late(all_kinds.get(a.type_code), a.held_on),
                getattr(all_kinds.get(a.type_code), "record", "minutes"),
            )  # fmt: skip
            for a in held
        ),
    )


def _days_late(kind: ActivityType | None, held_on: dt.date) -> int:
    """As the form and the period outcomes judge it: late after the window's due_by."""
    return kind.cadence.window(held_on).days_late(held_on) if kind is not None else 0


def due_title(lines: Iterable[DueLine]) -> str:
    """The title's "N due" counts what Home's tile counts (due and overdue); those coming up are
    listed too, and said apart (the title said 8 where Home said 6)."""
    statuses = [line.status for line in lines]
    upcoming = statuses.count("upcoming")
    due = len(statuses) - upcoming
    title = t("activities.due.title", count=due) if due else t("activities.due.empty")
    return t("activities.due.and_upcoming", title=title, count=upcoming) if upcoming else title


class ActivitiesScreen(RefusedRecordsScreen):
    REMOUNT_ON_RELABEL = True
    PLACE = "nav.place.activities"
    SECTION = True
    CSS_PATH = "activities.tcss"
    REFUSED_KIND = "activity"
    BINDINGS: ClassVar[list[BindingType]] = [
        # r sends a highlighted refused activity again (as in F3); on any other row, Refresh
        *RefusedRecordsScreen.BINDINGS,
        Binding("e", "record", "Record", id="activities.record"),
        # in the held list (the due list's Enter records, as its rows' selection does)
        Binding("enter", "view", "View", id="activities.view", priority=True),
        Binding("tab", "switch_table", "Due / held", id="activities.switch"),
        Binding("r", "refresh", "Refresh", id="activities.refresh"),
        Binding("escape", "back", "Back", id="activities.back"),
    ]

    @dataclass
    class Loaded(Message):
        data: ActivitiesData

    @dataclass
    class Opened(Message):
        held: HeldActivity | None  # None: no longer on this device

    def __init__(self) -> None:
        super().__init__(id="activities")
        self.data = ActivitiesData((), ())
        self._narrow = False  # the due list without its window column (`_add_due_columns`)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("activities.due.empty"), id="activities-due-title", classes="pane-title")
        yield Table(id="activities-due", cursor_type="row", zebra_stripes=True)
        yield Label(t("activities.done.title"), id="activities-held-title", classes="pane-title")
        yield Table(id="activities-held", cursor_type="row", zebra_stripes=True)
        yield Label("", id="activities-refusal")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("activities.subtitle")
        self._add_due_columns()
        held = self.query_one("#activities-held", DataTable)
        for key in ("held_on", "name", "grid", "attendees"):
            held.add_column(t(f"activities.col.{key}"), key=key)
        self.query_one("#activities-due", Table).focus()
        self._load()

    def _add_due_columns(self) -> None:
        """The due list's columns for the screen's width: narrower than `WINDOW_FROM`, no
        window (the status says how due it is). The activity's name gives up width so that
        the grid is seen (at 60 columns English pushed it past the edge, and at 80 an
        English status such as 'Open, 24 days left' did)."""
        due = self.query_one("#activities-due", Table)
        self._narrow = self.size.width < WINDOW_FROM
        due.squeezed, due.squeezed_min = ("name", "grid"), NAME_MIN
        for key in ("status", "due", "name", "grid"):
            if not (self._narrow and key == "due"):
                due.add_column(t(f"activities.col.{key}"), key=key)

    def on_resize(self) -> None:
        due = self.query_one("#activities-due", Table)
        if self._narrow != (self.size.width < WINDOW_FROM):
            due.clear(columns=True)
            self._add_due_columns()
            self._fill_due()

    def action_refresh(self) -> None:
        self._load()

    def action_switch_table(self) -> None:
        due = self.query_one("#activities-due", DataTable)
        other = self.query_one("#activities-held", DataTable)
        (other if due.has_focus else due).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="activities-load")
    def _load(self) -> None:
        from fieldapp.store import db

        with db.connection_context():
            data = load_activities()
        self.post_message(self.Loaded(data))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.data = event.data
        self._fill_due()
        self.query_one("#activities-due-title", Label).update(due_title(event.data.due))
        held = self.query_one("#activities-held", DataTable)
        held.clear()
        for past in event.data.held:
            name = Text.assemble(past.name, " ", refused_mark(self)) if past.refused else past.name
            held.add_row(
                held_on_text(past), name, past.grid, str(past.attendees or ""), key=past.id
            )
        self.query_one("#activities-held-title", Label).update(
            t("activities.done.title") if event.data.held else t("activities.done.empty")
        )
        self._say_refusal()

    def _fill_due(self) -> None:
        """The due rows, in the columns the list has (`_add_due_columns`)."""
        due = self.query_one("#activities-due", Table)
        due.clear()
        keys = [str(column.key.value) for column in due.ordered_columns]
        for index, line in enumerate(self.data.due):
            cells = {"status": status_text(line), "due": line.due_on,
                     "name": Cut(line.ask.name), "grid": Cut(line.ask.grid_name)}  # fmt: skip
            due.add_row(*(cells[key] for key in keys), key=str(index))  # type: ignore[arg-type]

    @on(DataTable.RowHighlighted, "#activities-held")
    def _say_refusal(self) -> None:
        self.show_refusal(self.query_one("#activities-refusal", Label))

    def on_descendant_focus(self) -> None:
        """The held list's reason and keys are for it alone (not while in the due list)."""
        self._say_refusal()

    def _highlighted_held(self) -> HeldLine | None:
        held = self.query_one("#activities-held", DataTable)
        if not held.has_focus:
            return None
        key = selected_key(held)
        return next((line for line in self.data.held if line.id == key), None)

    def highlighted_refusal(self) -> RecordRefusal | None:
        line = self._highlighted_held()
        return line.refusal if line is not None else None

    def refused_subject(self) -> str:
        line = self._highlighted_held()
        if line is None:
            return ""
        return t("refused.subject.activity", held_on=line.held_on, name=line.name, grid=line.grid)

    def refusal_acted(self) -> None:
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "view":  # Enter in the held list; in the due list the table's own
            return self._highlighted_held() is not None
        return super().check_action(action, parameters)

    def action_view(self) -> None:
        line = self._highlighted_held()
        if line is not None:
            self._open_held(line)

    @work(thread=True, exclusive=True, exit_on_error=False, group="activities-open")
    def _open_held(self, line: HeldLine) -> None:
        from fieldapp.services.activities.detail import activity_detail
        from fieldapp.store import db

        with db.connection_context():
            detail = activity_detail(line.id)
        held = held_on_text(line)
        found = HeldActivity(line.name, line.grid, held, line.record, detail) if detail else None
        self.post_message(self.Opened(found))

    @on(Opened)
    def _opened(self, event: Opened) -> None:
        if event.held is None:
            self.notify(t("activity.detail.gone"), severity="warning")
            self._load()
        elif not isinstance(self.app.screen, ActivityRecordDialog):  # not opened twice
            self.app.push_screen(ActivityRecordDialog(event.held))

    @on(DataTable.RowSelected, "#activities-due")
    def action_record(self) -> None:
        key = selected_key(self.query_one("#activities-due", DataTable))
        if key is None or int(key) >= len(self.data.due):
            self.app.bell()
            return

        def saved(activity_id: str | None) -> None:
            if activity_id is not None:
                self._load()

        self.app.push_screen(ActivityDialog(self.data.due[int(key)].ask), saved)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
