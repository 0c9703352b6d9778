"""Record a scheduled activity held (a publicity day, a drill, a meeting, a facility
check): date, place, attendees, minutes or written report, photos — the type's required
fields marked. Save (F10 / ctrl+s) checks and stores it in a thread worker and dismisses
with the activity id; a refusal is said in the form and nothing typed is lost. Esc
cancels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label

from fieldapp.domain.typed import typed_entries
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.dialogs.saving import SAVES_WITH_CTRL_S, SavingDialog
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

FIELDS = ("held_on", "late_reason", "place", "attendees", "attendee_names", "minutes", "photos")


@dataclass(frozen=True)
class ActivityAsk:
    """What the form is for, as plain values."""

    type_code: str
    name: str  # in the current language
    grid_code: str
    grid_name: str
    required: tuple[str, ...]
    record: str  # minutes | report
    today: str  # YYYY-MM-DD
    due_by: str = ""  # YYYY-MM-DD: the last on-time day; held after it, it is late


class ActivityDialog(AsksBeforeDiscarding, SavingDialog):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    ERROR_ID = "activity-error"
    CSS_PATH = "compact_form.tcss"
    REFUSED_APP_ACTIONS = SAVES_WITH_CTRL_S
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+s", "save", "Save", id="activity.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="activity.cancel"),
    ]

    @dataclass
    class Saved(Message):
        activity_id: str
        text: str

    def __init__(self, ask: ActivityAsk) -> None:
        super().__init__(id="activity-dialog", classes="dialog compact-form")
        self.ask = ask
        localize_bindings(self)

    def _late(self, held_on: str) -> bool:
        """Held on `held_on` (as typed; empty: today), the activity is late."""
        from fieldapp.domain.typed import typed_date

        try:
            day = typed_date(held_on).isoformat() if held_on.strip() else self.ask.today
        except ValueError:
            return False  # not a day yet: the save says so
        return bool(self.ask.due_by) and day > self.ask.due_by

    def _label(self, name: str, held_on: str = "") -> str:
        if name == "late_reason" and self._late(held_on):
            return t("activity.field.late_reason.overdue")  # plainly required now
        key = self.ask.record if name == "minutes" else name
        text = t(f"activity.field.{key}")
        return text + t("activity.form.required") if name in self.ask.required else text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(
                t("activity.form.title", name=self.ask.name, grid=self.ask.grid_name),
                classes="dialog-title",
            )
            with VerticalScroll(id="activity-fields", classes="compact-fields"):
                for name in FIELDS:
                    yield Label(self._label(name), id=f"activity-{name}-label")
                    value = self.ask.today if name == "held_on" else ""
                    placeholder = t("activity.form.photos.placeholder") if name == "photos" else ""
                    yield Input(value, id=f"activity-{name}", placeholder=placeholder, compact=True)
            yield from dialog_foot(
                FormMessage(id="activity-error", classes="dialog-error"),
                (t("activity.form.save"), "activity-ok"),
                (t("activity.form.cancel"), "activity-cancel"),
                compact=True,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        # The first field to fill: the reason when held today would be late (above place).
        first = "late_reason" if self._late(self.ask.today) else "place"
        self.query_one(f"#activity-{first}", Input).focus(scroll_visible=False)

    @on(Input.Changed, "#activity-held_on")
    def _held_on_changed(self, event: Input.Changed) -> None:
        """Another day typed: whether a reason for lateness is needed, said again."""
        label = self.query_one("#activity-late_reason-label", Label)
        label.update(self._label("late_reason", event.value))

    def field_named(self, name: str) -> Input | None:
        """A refusal's field: the person types the mend where the message points."""
        return self.query_one(f"#activity-{name}", Input) if name in FIELDS else None

    def value(self, name: str) -> str:
        return self.query_one(f"#activity-{name}", Input).value

    @on(Button.Pressed, "#activity-ok")
    @on(Input.Submitted)
    def action_save(self) -> None:
        if not self.start_saving():
            return
        from fieldapp.services.activities.records import ActivityForm

        form = ActivityForm(
            type_code=self.ask.type_code,
            grid_code=self.ask.grid_code,
            held_on=self.value("held_on"),
            place=self.value("place"),
            attendees=self.value("attendees"),
            attendee_names=self.value("attendee_names"),
            minutes=self.value("minutes"),
            photo_files=typed_entries(self.value("photos")),
            late_reason=self.value("late_reason"),
            for_day=self.ask.today,
        )
        self._store(form)

    @work(thread=True, exclusive=True, exit_on_error=False, group="activity")
    def _store(self, form: object) -> None:
        from fieldapp.services.activities.records import (
            ActivityForm,
            ActivityRefused,
            record_activity,
        )
        from fieldapp.services.common.photos import PhotoError
        from fieldapp.store import db

        assert isinstance(form, ActivityForm)
        with db.connection_context():
            try:
                row = record_activity(form)
            except ActivityRefused as refusal:
                self.post_message(self.Refused(str(refusal), refusal.field))
                return
            except PhotoError as refusal:
                self.post_message(self.Refused(str(refusal), "photos"))
                return
        text = t(
            "activity.recorded",
            name=self.ask.name,
            grid=self.ask.grid_name,
            date=row.held_on.isoformat(),
        )
        self.post_message(self.Saved(row.id, text))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        self.app.notify(message.text)
        self.close_saved(message.activity_id)

    @on(Button.Pressed, "#activity-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
