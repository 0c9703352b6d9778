"""Re-inspect an open hazard in the field: fixed or not, a note, optionally a photo.

Fixed appends `rectification_reported`, not fixed a `note`, or `reopened` when the hazard
stands reported fixed (a "fixed" taken back: the toast says it is open again;
services.inspection.findings.report_rectification); all are queued for the server. A
transition the finding's state does not allow (it was closed or handed over meanwhile)
shows the reason and records nothing. Dismisses True when recorded."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from fieldapp.domain.findings import TransitionRefused
from fieldapp.domain.lifecycle import HAZARD
from fieldapp.i18n import pick, t
from fieldapp.services.inspection import descriptions, findings
from fieldapp.store.models import Finding
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.dialogs.photo import ImportsPhoto
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.views.review_outcome import review_outcome
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.separated_text import SEPARATOR
from fieldapp.tui.widgets.stopping_lists import StoppingRadioSet


def item_text(finding: Finding) -> str:
    """The checklist text of the finding's item, when its checklist is in the store."""
    wording = descriptions.item_wording(finding)
    return pick(*wording) if wording else ""


class ReinspectDialog(AsksBeforeDiscarding, ImportsPhoto[bool]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = ["../screens/inspect.tcss", "compact_form.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "save", "Record", id="reinspect.save"),
        Binding("escape", "cancel", "Cancel", id="reinspect.cancel"),
    ]
    PATH_FIELD = "#reinspect-photo"
    MESSAGE = "#reinspect-message"

    def __init__(self, finding_id: str) -> None:
        super().__init__(id="reinspect-dialog", classes="inspect-dialog compact-form")
        self.finding_id = finding_id
        # Reading one row to show it; every change goes through services.inspection.findings.
        self.finding = Finding.get_by_id(finding_id)
        self.state = findings.fold_of(finding_id)
        localize_bindings(self)

    @property
    def may_report_fixed(self) -> bool:
        """Whether the state allows "fixed": not for a hazard already reported fixed (the
        table refuses a second report), where only "not fixed" (reopened) is offered."""
        _roles, arrives_in, _leads_to = HAZARD.transitions["rectification_reported"]
        return self.state.state in arrives_in

    def compose(self) -> ComposeResult:
        finding = self.finding
        deadline = self.state.deadline or finding.current_deadline or finding.deadline
        with Vertical(classes="dialog-box"):
            yield Label(t("reinspect.title"), classes="dialog-title")
            venue = t("venue.label", name=finding.venue.name, code=finding.venue.code)
            yield Static(t("reinspect.venue", venue=venue), id="reinspect-venue")
            yield Static(
                t("reinspect.item", code=finding.item_code, text=item_text(finding)),
            )
            description = descriptions.shown(finding)
            yield Static(t("reinspect.description", description=description))
            # The deadline and the state on one line, and under them why it stands so
            # (the supervisor's rejection note, extension or hand-over), wrapped: the
            # compact form's title and buttons leave it room at 80×24.
            state = t("reinspect.state", state=t(f"inspect.state.{self.state.state}"))
            deadline_line = t("reinspect.deadline", deadline=deadline.isoformat())
            yield Static(SEPARATOR.join((deadline_line, state)), id="reinspect-state")
            if review := review_outcome(self.state, deadline.isoformat()):
                yield Static(review, id="reinspect-review")
            yield Label(t("reinspect.fixed"))
            with StoppingRadioSet(id="reinspect-fixed"):
                if self.may_report_fixed:
                    yield RadioButton(t("reinspect.yes"), id="reinspect-yes")
                # the one answer left is chosen already
                yield RadioButton(t("reinspect.no"), not self.may_report_fixed, id="reinspect-no")
            # On a line each, as the short forms' fields: boxed, the photo's path was below
            # the buttons at 80×24, its label above them with nothing under it.
            with Vertical(id="reinspect-fields", classes="compact-fields"):
                yield Label(t("reinspect.note"))
                yield Input(id="reinspect-note", compact=True)
                yield Label(t("reinspect.photo_path"))
                yield Input(id="reinspect-photo", compact=True)
            yield from dialog_foot(
                FormMessage(id="reinspect-message"),
                (t("reinspect.save"), "reinspect-save"),
                (t("reinspect.cancel"), "reinspect-cancel"),
            )

        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reinspect-fixed", RadioSet).focus(scroll_visible=False)

    @on(Input.Submitted, "#reinspect-note, #reinspect-photo")
    @on(Button.Pressed, "#reinspect-save")
    def action_save(self) -> None:
        if self.query_one("#reinspect-fixed", RadioSet).pressed_index < 0:
            self.say(t("reinspect.choose"))
            self.query_one("#reinspect-fixed", RadioSet).focus()
            return
        path = self.query_one("#reinspect-photo", Input).value.strip()
        if path:
            self.say(t("photo.working"))
            self.import_file(path)
        else:
            self.record([])

    def photo_imported(self, name: str) -> None:
        self.record([name])

    def record(self, photos: list[str]) -> None:
        pressed = self.query_one("#reinspect-fixed", RadioSet).pressed_button
        fixed = pressed is not None and pressed.id == "reinspect-yes"
        note = self.query_one("#reinspect-note", Input).value.strip()
        try:
            event = findings.report_rectification(
                self.finding_id, fixed=fixed, note=note, photos=photos
            )
        except TransitionRefused as refused:
            self.say(t("reinspect.refused", reason=str(refused)))
            return
        if event.type == "reopened":
            self.notify(t("reinspect.reopened", code=self.finding.item_code))
        else:
            self.notify(t("reinspect.recorded"))
        self.app.post_message(SyncRequested("finding.event"))
        self.dismiss(True)

    @on(Button.Pressed, "#reinspect-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()  # a note or a photo path typed: asks before throwing it away
