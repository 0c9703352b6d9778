"""The one confirmation of a bulk action, with the fields the action needs.

verify / close: a note; reject / extend: the new deadline and a note; hand over: the
receiving unit, the reference number (文号) and date; record outcome: the outcome; assign
(incidents): the person. A note the caller says is needed (`note_needed`: a rejection,
closing a hazard never reported fixed) must be written: its placeholder says so. The
record kind's lifecycle (hazards by default, incidents from the incident queue) gives the
units, outcomes, wording and the check.
Dismisses with a `BulkRequest` (note and event data), or None when cancelled: Esc asks
before throwing away what was typed or chosen, as the incident form does. The data is
checked here with the domain's own rule before the dialog closes, so a missing field is
said at once, in the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from fieldapp.domain import finding_checks, finding_dates
from fieldapp.domain import findings as machine
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.typed import no_such_day, typed_date
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.said_problems import Refused, SaidProblems
from fieldapp.tui.widgets.stopping_lists import StoppingRadioSet

NEEDS_DEADLINE = ("rejected", "deadline_extended")


@dataclass(frozen=True)
class BulkRequest:
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def parse_date(text: str) -> dt.date | None:
    try:
        return typed_date(text)
    except ValueError:
        return None


def not_a_date(text: str) -> str:
    """Why typed `text` is no date: that its day does not exist, or how to write one."""
    return no_such_day(text) or t("review_ui.filter.bad_date", text=text)


class BulkActionDialog(AsksBeforeDiscarding, ModalScreen[BulkRequest | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = ["../screens/review.tcss", "compact_form.tcss"]
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
        current_deadline: dt.date | None = None,
        current_deadline_of: str = "",
        lifecycle: machine.Lifecycle = machine.HAZARD,
        people: list[tuple[str, str]] | None = None,
        note_needed: str | None = None,
        note_rule: Callable[[dict[str, Any]], str | None] | None = None,
        aside: str = "",
        counted: bool = True,
        date_rule: Callable[[dict[str, Any]], str | None] | None = None,
    ) -> None:
        super().__init__(id="bulk-dialog", classes="dialog")
        # Why the note must be written (`review.refused.note_<key>`), or None: it may be empty.
        self.note_needed = note_needed
        # The same, from what is chosen in the dialog (an outcome of 其他处理): the caller's
        # rule, asked again at confirmation; None: `note_needed` alone.
        self.note_rule = note_rule
        # Why the hand-over's date is too early for one of the records (the caller knows
        # when each was found), or None: said here, with what was typed kept.
        self.date_rule = date_rule
        self.lifecycle = lifecycle
        self.people = people or []  # (person id, name) to assign to
        self.event_type = event_type
        self.targets = targets  # one line per finding, for people
        self.aside = aside  # the chosen findings left out, and why (a hand-over's not yet due)
        # The title counts the records (a queue's selection); False: one record's own view,
        # whose title is the action alone (the line below names the record).
        self.counted = counted
        self.today = today
        self.deadline = deadline or today + dt.timedelta(days=7)
        # The latest deadline the chosen records have now: a new one before it is allowed
        # (a reject may shorten it) but said, so it is not done by a default unread.
        self.current_deadline = current_deadline
        self.current_deadline_of = current_deadline_of  # the record it is of ("YM-0001 COM-08")
        self.said = SaidProblems()  # the refusals shown, each naming its field
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
            said = t(title, action=action, count=len(self.targets)) if self.counted else action
            yield Label(said, classes="dialog-title")
            shown = self.targets[:6]
            more = len(self.targets) - len(shown)
            lines = "\n".join(shown) + (f"\n{t('review_ui.bulk.more', count=more)}" if more else "")
            yield Static(lines, id="bulk-targets", classes="dialog-body")
            if self.aside:
                yield Static(self.aside, id="bulk-aside", classes="dialog-body")
            with VerticalScroll(id="bulk-fields", classes="compact-fields"):
                if self.event_type in NEEDS_DEADLINE:
                    yield Label(t("review_ui.field.deadline"))
                    yield Input(self.deadline.isoformat(), id="bulk-deadline", compact=True)
                    said = self._earlier_said(self.deadline.isoformat())
                    earlier = Static(said, id="bulk-deadline-earlier")
                    earlier.display = bool(said)  # no blank line at 80×24
                    yield earlier
                if self.event_type == "assigned":
                    yield Label(t("review_ui.field.person"))
                    with StoppingRadioSet(id="bulk-person"):
                        for person_id, name in self.people:
                            yield RadioButton(name, id=f"person-{person_id}")
                if self.event_type == "handed_over":
                    yield Label(t("review_ui.field.unit"))
                    with StoppingRadioSet(id="bulk-unit"):
                        for unit in self.lifecycle.hand_over_units:
                            yield RadioButton(t(f"{texts}.unit.{unit}"), id=f"unit-{unit}")
                    yield Label(t("review_ui.field.reference"))
                    yield Input(id="bulk-reference", compact=True,
                                placeholder=t("review_ui.field.reference_hint"))  # fmt: skip
                    yield Label(t("review_ui.field.date"))
                    yield Input(self.today.isoformat(), id="bulk-date", compact=True)
                if self.event_type == "outcome_recorded":
                    yield Label(t("review_ui.field.outcome"))
                    with StoppingRadioSet(id="bulk-outcome"):
                        for outcome in self.lifecycle.outcomes:
                            yield RadioButton(
                                t(f"{texts}.outcome.{outcome}"), id=f"outcome-{outcome}"
                            )
                yield Label(t("review_ui.field.note"))
                if self.note_needed:
                    hint = f"note_required.{self.note_needed}"
                else:
                    hint = "note_needed" if self.event_type == "note" else "note_hint"
                yield Input(id="bulk-note", placeholder=t(f"review_ui.field.{hint}"), compact=True)
            yield from dialog_foot(
                FormMessage(id="bulk-error", classes="dialog-error"),
                (t("review_ui.bulk.confirm", action=action), "bulk-ok"),
                (t("confirm.no"), "bulk-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        first = self.query("#bulk-fields Input, #bulk-fields RadioSet").first()
        first.focus(scroll_visible=False)

    def request(self) -> BulkRequest | list[Refused]:
        """What was entered, or every reason it cannot be applied (a sentence for a person
        naming its field, and the field's selector), in the form's order, so the form says
        them all at once as the incident form does."""
        data: dict[str, Any] = {}
        problems: list[Refused] = []
        typed = {name: self.query_one(f"#bulk-{name}", Input).value.strip()
                 for name in ("deadline", "date") if self.query(f"#bulk-{name}")}  # fmt: skip
        if self.event_type in NEEDS_DEADLINE:
            text = typed.get("deadline", "")
            day = parse_date(text)
            current = self.current_deadline
            if text and day is None:  # typed, but not a day there is
                said = t("review_ui.bulk.deadline_said", said=not_a_date(text))
                problems.append(Refused(said, "#bulk-deadline"))
            elif day is None:
                problems.append(Refused(t("review.refused.deadline_missing"), "#bulk-deadline"))
            elif self.event_type == "deadline_extended" and current and day <= current:
                # said here, where it can be mended, not after the dialog is gone
                later = t("review.refused.not_later", deadline=current.isoformat())
                if self.current_deadline_of:  # which of the chosen records has it
                    later = t("review.refused.not_later_of", deadline=current.isoformat(),
                              hazard=self.current_deadline_of)  # fmt: skip
                problems.append(Refused(later, "#bulk-deadline"))
            else:
                data["deadline"] = day.isoformat()
        if self.event_type == "handed_over":
            data["unit"] = self._chosen("#bulk-unit", "unit-")
            data["reference"] = self.query_one("#bulk-reference", Input).value.strip()
            text = typed.get("date", "")
            day = parse_date(text)
            data["date"] = day.isoformat() if day else ""
            if text and day is None:  # said after the unit and the reference, below them
                problems.extend(self._data_problems({**data, "date": self.today.isoformat()}))
                said = t("review_ui.bulk.date_said", said=not_a_date(text))
                problems.append(Refused(said, "#bulk-date"))
        if self.event_type == "outcome_recorded":
            data["outcome"] = self._chosen("#bulk-outcome", "outcome-")
        if self.event_type == "assigned":
            data["person"] = self._chosen("#bulk-person", "person-")
        if not problems:  # the domain's checks of the data as a whole (else said twice)
            if missing := self._data_problems(data):
                problems.extend(missing)
            elif (wrong_day := self._date_problem(data)) is not None:
                dated = "#bulk-date" if self.event_type == "handed_over" else "#bulk-deadline"
                problems.append(Refused(wrong_day, dated))
        note = self.query_one("#bulk-note", Input).value.strip()
        if (note_said := self._note_problem(note, data)) is not None:
            problems.append(Refused(note_said, "#bulk-note"))
        return problems or BulkRequest(note, data)

    def _date_problem(self, data: dict[str, Any]) -> str | None:
        problem = finding_dates.check_event_dates(self.event_type, data, self.today)
        if problem is None and self.date_rule is not None:
            problem = self.date_rule(data)
        return problem

    def _note_problem(self, note: str, data: dict[str, Any]) -> str | None:
        """Why the note cannot be used, or None: one that may be left empty says, when
        typed, something in words as every note (an incident's, a checkpoint's) does, not
        🚓 or z alone, and is not too long (`note_problem`)."""
        if self.event_type == "note" and not note:  # the note is all a note event says
            return t("review_ui.bulk.note_empty")
        from fieldapp.services.review.bulk import note_problem

        needed = self.note_rule(data) if self.note_rule is not None else self.note_needed
        return note_problem(needed, note)

    def _data_problems(self, data: dict[str, Any]) -> list[Refused]:
        """What the domain's check finds wrong with the data: a hand-over's missing unit
        and reference each at its own field, so choosing a unit leaves the 文号's line."""
        if self.event_type == "handed_over":
            missing = finding_checks.hand_over_missing(data, self.lifecycle)
            if missing:
                return [Refused(said, f"#bulk-{name}") for name, said in missing]
        refused = finding_checks.check_event_data(self.event_type, data, self.lifecycle)
        return [] if refused is None else [Refused(refused, self._field_missing(data))]

    def _field_missing(self, data: dict[str, Any]) -> str:
        """The field of what the domain's check finds wrong, a unit and a 文号 there being."""
        if self.event_type == "handed_over":
            reference = str(data.get("reference", ""))
            fine = text_problem("hand_over_reference", reference) is None  # a word, not too long
            return "#bulk-date" if fine else "#bulk-reference"
        fields = {"outcome_recorded": "#bulk-outcome", "assigned": "#bulk-person"}
        return fields.get(self.event_type, "#bulk-deadline")

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
        if isinstance(result, list):
            typed = {f"#{field.id}": field.value for field in self.query(Input)}
            self.query_one("#bulk-error", Static).update(self.said.say(result, typed))
            for field in self.query(result[0].field):  # the field the first names
                field.focus()
            return
        self.dismiss(result)

    @on(Input.Changed)
    @on(RadioSet.Changed)
    def _mended(self, event: Input.Changed | RadioSet.Changed) -> None:
        """A refusal goes once the field it names is changed; the others stay."""
        value = event.value if isinstance(event, Input.Changed) else event.index
        if (left := self.said.mended(f"#{event.control.id}", value)) is not None:
            self.query_one("#bulk-error", Static).update(left)

    @on(Input.Changed, "#bulk-deadline")
    def _deadline_typed(self, event: Input.Changed) -> None:
        said = self._earlier_said(event.value)
        earlier = self.query_one("#bulk-deadline-earlier", Static)
        earlier.update(said)
        earlier.display = bool(said)

    def _earlier_said(self, text: str) -> str:
        """A warning when the typed deadline moves the current one earlier, else ""."""
        day = parse_date(text.strip())
        current = self.current_deadline
        if day is None or current is None or day >= current:
            return ""
        if self.event_type == "deadline_extended":  # not allowed: F10 says so
            return ""
        return t("review_ui.deadline_earlier", current=current.isoformat())

    @on(RadioSet.Changed, "#bulk-outcome")
    def _outcome_chosen(self) -> None:
        """An outcome that needs a note (其他处理) says so in the note's placeholder."""
        if self.note_rule is None:
            return
        needed = self.note_rule({"outcome": self._chosen("#bulk-outcome", "outcome-")})
        hint = f"note_required.{needed}" if needed else "note_hint"
        self.query_one("#bulk-note", Input).placeholder = t(f"review_ui.field.{hint}")

    @on(Button.Pressed, "#bulk-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
