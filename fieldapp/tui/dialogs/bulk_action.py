"""The one confirmation of a bulk action, with the fields the action needs.

verify / close: a note; reject / extend: the new deadline and a note; hand over: the
receiving unit, the reference number (文号) and date; record outcome: the outcome; assign
(incidents): the person. A note the caller says is needed (`note_needed`: a rejection,
closing a hazard never reported fixed) must be written: its placeholder says so. The
record kind's lifecycle (hazards by default, incidents from the incident queue) gives the
units, outcomes, wording and the check.
Dismisses with a `BulkRequest` (note and event data), or None when cancelled. The data is
checked here with the domain's own rule before the dialog closes, so a missing field is
said at once, in the dialog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from fieldapp.domain import findings as machine
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

NEEDS_DEADLINE = ("rejected", "deadline_extended")


@dataclass(frozen=True)
class BulkRequest:
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


class BulkActionDialog(ModalScreen[BulkRequest | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "confirm", "Confirm", id="bulk.confirm"),
        Binding("escape", "cancel", "Cancel", id="bulk.cancel"),
    ]

    def __init__(
        self,
        event_type: str,
        targets: list[str],
        *,
        today: dt.date,
        deadline: dt.date | None = None,
        lifecycle: machine.Lifecycle = machine.HAZARD,
        people: list[tuple[str, str]] | None = None,
        note_needed: str | None = None,
    ) -> None:
        super().__init__(id="bulk-dialog", classes="dialog")
        # Why the note must be written (`review.refused.note_<key>`), or None: it may be empty.
        self.note_needed = note_needed
        self.lifecycle = lifecycle
        self.people = people or []  # (person id, name) to assign to
        self.event_type = event_type
        self.targets = targets  # one line per finding, for people
        self.today = today
        self.deadline = deadline or today + dt.timedelta(days=7)
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        texts = self.lifecycle.catalog
        if self.lifecycle is machine.HAZARD:
            action = t(f"review_ui.action.{self.event_type}")
        else:
            action = t(f"{texts}.event.{self.event_type}")
        with Vertical(classes="dialog-box"):
            title = (
                "review_ui.bulk.title"
                if self.lifecycle is machine.HAZARD
                else f"{texts}.bulk.title"
            )
            yield Label(
                t(title, action=action, count=len(self.targets)),
                classes="dialog-title",
            )
            shown = self.targets[:6]
            more = len(self.targets) - len(shown)
            lines = "\n".join(shown) + (f"\n{t('review_ui.bulk.more', count=more)}" if more else "")
            yield Static(lines, id="bulk-targets", classes="dialog-body", markup=False)
            with VerticalScroll(id="bulk-fields"):
                if self.event_type in NEEDS_DEADLINE:
                    yield Label(t("review_ui.field.deadline"))
                    yield Input(self.deadline.isoformat(), id="bulk-deadline")
                if self.event_type == "assigned":
                    yield Label(t("review_ui.field.person"))
                    with RadioSet(id="bulk-person"):
                        for person_id, name in self.people:
                            yield RadioButton(name, id=f"person-{person_id}")
                if self.event_type == "handed_over":
                    yield Label(t("review_ui.field.unit"))
                    with RadioSet(id="bulk-unit"):
                        for unit in self.lifecycle.hand_over_units:
                            yield RadioButton(t(f"{texts}.unit.{unit}"), id=f"unit-{unit}")
                    yield Label(t("review_ui.field.reference"))
                    yield Input(
                        id="bulk-reference", placeholder=t("review_ui.field.reference_hint")
                    )
                    yield Label(t("review_ui.field.date"))
                    yield Input(self.today.isoformat(), id="bulk-date")
                if self.event_type == "outcome_recorded":
                    yield Label(t("review_ui.field.outcome"))
                    with RadioSet(id="bulk-outcome"):
                        for outcome in self.lifecycle.outcomes:
                            yield RadioButton(
                                t(f"{texts}.outcome.{outcome}"), id=f"outcome-{outcome}"
                            )
                yield Label(t("review_ui.field.note"))
                if self.note_needed:
                    hint = f"note_required.{self.note_needed}"
                else:
                    hint = "note_needed" if self.event_type == "note" else "note_hint"
                yield Input(id="bulk-note", placeholder=t(f"review_ui.field.{hint}"))
            yield from dialog_foot(
                FormMessage(id="bulk-error", classes="dialog-error"),
                (t("review_ui.bulk.confirm", action=action), "bulk-ok"),
                (t("confirm.no"), "bulk-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        first = self.query("#bulk-fields Input, #bulk-fields RadioSet").first()
        first.focus(scroll_visible=False)

    def request(self) -> BulkRequest | str:
        """What was entered, or why it cannot be applied (a sentence for a person)."""
        data: dict[str, Any] = {}
        typed = {name: self.query_one(f"#bulk-{name}", Input).value.strip()
                 for name in ("deadline", "date") if self.query(f"#bulk-{name}")}  # fmt: skip
        if self.event_type in NEEDS_DEADLINE:
            text = typed.get("deadline", "")
            day = parse_date(text)
            if text and day is None:  # typed, but not a day there is
                return t("review_ui.filter.bad_date", text=text)
            if day is None:
                return t("review.refused.deadline_missing")
            data["deadline"] = day.isoformat()
        if self.event_type == "handed_over":
            data["unit"] = self._chosen("#bulk-unit", "unit-")
            data["reference"] = self.query_one("#bulk-reference", Input).value.strip()
            text = typed.get("date", "")
            day = parse_date(text)
            data["date"] = day.isoformat() if day else ""
            if text and day is None:  # said after the unit and the reference, above it
                with_day = {**data, "date": self.today.isoformat()}
                refused = machine.check_event_data(self.event_type, with_day, self.lifecycle)
                return refused or t("review_ui.filter.bad_date", text=text)
        if self.event_type == "outcome_recorded":
            data["outcome"] = self._chosen("#bulk-outcome", "outcome-")
        if self.event_type == "assigned":
            data["person"] = self._chosen("#bulk-person", "person-")
        note = self.query_one("#bulk-note", Input).value.strip()
        if self.event_type == "note" and not note:  # the note is all a note event says
            return t("review_ui.bulk.note_empty")
        if self.note_needed and not note:
            return t(f"review.refused.note_{self.note_needed}")
        problem = machine.check_event_data(self.event_type, data, self.lifecycle)
        if problem is None:
            problem = machine.check_event_dates(self.event_type, data, self.today)
        if problem is not None:
            return problem
        return BulkRequest(note, data)

    def _chosen(self, selector: str, prefix: str) -> str:
        pressed = self.query_one(selector, RadioSet).pressed_button
        return (pressed.id or "").removeprefix(prefix) if pressed is not None else ""

    def choose(self, selector: str, value: str) -> None:
        """Press the radio button for `value` (unit, outcome or person)."""
        prefix = selector.removeprefix("#bulk-") + "-"
        self.query_one(f"#{prefix}{value}", RadioButton).value = True

    @on(Button.Pressed, "#bulk-ok")
    @on(Input.Submitted)
    def action_confirm(self) -> None:
        result = self.request()
        if isinstance(result, str):
            self.query_one("#bulk-error", Static).update(result)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#bulk-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
