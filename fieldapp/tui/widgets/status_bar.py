"""One line saying who is working, on what day, and how much waits to be synced."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.reactive import reactive
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.tui.widgets.table import cut


@dataclass(frozen=True)
class SyncView:
    """What the app knows about sync, for display: set by the app, never fetched here."""

    online: bool | None = None  # None: not known yet, or no server for this device
    last_sync: str = ""  # local time of the last successful sync, for people
    problem: str = ""  # "" | not_enrolled | not_configured | sync_failed
    syncing: bool = False
    refused: int = 0  # refused ops the person has not acknowledged (they are not "synced")
    patrol_open: bool = False  # a patrol in progress: its finish is not sent until it is finished
    never_synced: bool = False  # no sync has gone through on this device yet
    read: bool = True  # False until the store's sync state is read (refusals, patrol, last)

    def describe(self, waiting: str) -> str:
        return " · ".join(part for part in self.parts(waiting) if part)

    def parts(self, waiting: str) -> tuple[str, str, str]:
        """The connection's state, `waiting`, and when it last synced ("" if unsaid)."""
        if self.problem == "not_configured":
            state = ""  # a device without a server: nothing to say about a connection
        elif self.syncing and self.problem in ("", "sync_failed"):
            state = t("sync_ui.status.syncing")  # trying again after a failure
        elif self.problem:
            state = t(f"sync_ui.status.{self.problem}")
        elif self.online is None:
            state = ""  # not probed yet
        else:
            state = t("sync_ui.status.online" if self.online else "sync_ui.status.offline")
        last = t("sync_ui.status.last", at=self.last_sync) if self.last_sync else ""
        return state, waiting, last


class StatusBar(Static):
    """Set its attributes; it renders them. Knows nothing of the store."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    StatusBar.-unsynced {
        color: $warning;
    }
    """

    person: reactive[str] = reactive("")
    role: reactive[str] = reactive("")
    day: reactive[str] = reactive("")
    unsynced: reactive[int] = reactive(0)
    sync: reactive[SyncView | None] = reactive(None)

    def __init__(self, *, unsynced: int = 0, id: str | None = None) -> None:
        """`unsynced`: what waits to be sent, if known as the bar is composed (home's
        start-up read): the bar is then styled with its warning colour as it mounts,
        instead of again when the count arrives (a restyle before the first frame)."""
        super().__init__(id=id, classes="-unsynced" if unsynced > 0 else "")
        self.set_reactive(StatusBar.unsynced, unsynced)

    def on_mount(self) -> None:
        # The app hands the sync state down to every status bar, including new ones.
        self.sync = getattr(self.app, "sync_view", None)

    def render(self) -> str:
        if not self.person:
            return t("home.loading")
        refused = self.sync.refused if self.sync is not None else 0
        unsynced = t("home.unsynced", count=self.unsynced) if self.unsynced else ""
        refusals = t("home.refused", count=refused) if refused else ""
        walking = t("sync_ui.status.patrol_open") if self.sync and self.sync.patrol_open else ""
        sync = " · ".join(x for x in (unsynced, refusals, walking) if x)
        if not sync:
            # Nothing waits here; after a failed sync the server's side is not known to be
            # synced either, so nothing is said; a device that never synced holds nothing
            # of the server's yet.
            failed = self.sync is not None and self.sync.problem == "sync_failed"
            never = self.sync is not None and self.sync.never_synced
            sync = "" if failed else t("home.never_synced" if never else "home.all_synced")
            if self.sync is None or not self.sync.read:  # refusals, a patrol: not known yet
                sync = t("sync_ui.status.checking")
        state, last = "", ""
        if self.sync is not None:
            state, sync, last = self.sync.parts(sync)
        role = t(f"role.{self.role}")
        whole = " · ".join(x for x in (state, sync, last) if x)
        line = t("status.line", name=self.person, role=role, date=self.day, sync=whole)
        return self._fitted(line, (self.person, role, self.day, state, sync, last))

    def _fitted(self, line: str, parts: tuple[str, str, str, str, str, str]) -> str:
        """`line` if the bar has room for it, else its parts without the least needed
        first: the role (the person knows it), "online" (offline or failed is said), the
        name; then cut with "…". What waits to be sent and the last sync stay longest."""
        room = self.content_size.width
        name, _role, day, state, sync, last = parts
        state = "" if state == t("sync_ui.status.online") else state
        for kept in ((), (name, day, parts[3], sync, last), (name, day, state, sync, last),
                     (day, state, sync, last)):  # fmt: skip
            line = " · ".join(part for part in kept if part) if kept else line
            if room <= 0 or cell_len(line) <= room:
                return line
        return cut(line, room)

    def watch_unsynced(self, count: int) -> None:
        self.set_class(count > 0 or _waits(self.sync), "-unsynced")

    def watch_sync(self, view: SyncView | None) -> None:
        self.set_class(self.unsynced > 0 or _waits(view), "-unsynced")


def _waits(view: SyncView | None) -> bool:
    """Does something the sync state knows of wait to be sent or seen?"""
    return bool(view and (view.refused or view.patrol_open))
