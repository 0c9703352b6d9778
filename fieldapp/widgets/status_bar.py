"""One line saying who is working, on what day, and how much waits to be synced."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from fieldapp.i18n import t


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

    def render(self) -> str:
        if not self.person:
            return t("home.loading")
        sync = t("home.unsynced", count=self.unsynced) if self.unsynced else t("home.all_synced")
        return t(
            "status.line",
            name=self.person,
            role=t(f"role.{self.role}"),
            date=self.day,
            sync=sync,
        )

    def watch_unsynced(self, count: int) -> None:
        self.set_class(count > 0, "-unsynced")
