"""An activity held, read only (ctrl+y, Enter on a row of the activities held): the day
(and how late), the grid, the place, how many attended and who, the minutes or written
report, the photos by name, and who recorded it when. `o` opens a photo in this device's
viewer (the next one at each press); Esc closes. Nothing here changes the record: what
was sent is on record at the office."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from fieldapp.i18n import t
from fieldapp.services.activities.detail import ActivityDetail
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.screens.viewer import open_and_say
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.phrase_static import PhraseStatic

NONE = "—"


@dataclass(frozen=True)
class HeldActivity:
    """The row it was opened on, as the list says it, and the record behind it."""

    name: str  # the activity type, in the current language
    grid: str
    held_on: str  # the day, and how late when it was
    record: str  # minutes | report: what its text is
    detail: ActivityDetail


def record_text(held: HeldActivity) -> str:
    """The record's lines, each field named; an empty field reads —."""
    d = held.detail
    photos = (
        t("activity.detail.photos", count=len(d.photos), names="、".join(d.photo_labels))
        if d.photos
        else t("activity.detail.no_photos")
    )
    lines = [
        t("activity.detail.held_on", value=held.held_on),
        *([t("activity.detail.late_reason", value=d.late_reason)] if d.late_reason else []),
        t("activity.detail.grid", value=held.grid),
        t("activity.detail.place", value=d.place or NONE),
        t("activity.detail.attendees", value=d.attendees or NONE),
        t("activity.detail.attendee_names", value=d.attendee_names or NONE),
        t(f"activity.detail.{held.record}", value=d.minutes or NONE),
        photos,
        t("activity.detail.recorded", person=d.recorded_by, at=local_stamp(d.recorded_at)),
    ]
    return "\n".join(lines)


class ActivityRecordDialog(ModalScreen[None]):
    CSS_PATH = "../dialogs/compact_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_photo", "Open photo", id="activity_record.open_photo"),
        Binding("escape", "close", "Close", id="activity_record.close"),
    ]

    def __init__(self, held: HeldActivity) -> None:
        super().__init__(id="activity-record", classes="dialog compact-form")
        self.held = held
        self.photo_index = 0
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            title = t("activity.detail.title", name=self.held.name)
            yield Label(title, classes="dialog-title")
            with VerticalScroll(id="activity-record-body", classes="compact-fields"):
                yield PhraseStatic(record_text(self.held), id="activity-record-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#activity-record-body", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_photo":
            return bool(self.held.detail.photos)
        return True

    def action_open_photo(self) -> None:
        photos = self.held.detail.photos
        if not photos:
            return
        index = self.photo_index % len(photos)
        open_and_say(self, str(photos[index]), self.held.detail.photo_labels[index])
        self.photo_index = index + 1

    def action_close(self) -> None:
        self.dismiss(None)
