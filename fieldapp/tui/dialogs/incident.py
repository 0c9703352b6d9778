"""Report an incident (事件上报) from anywhere: one key opens this form.

Category, place (the venue of the screen it was opened from, or a typed address), time
(now, editable), what happened, people involved and evidence files (photos, video, audio:
paths separated by `;` or `；`). Report (F10 / ctrl+enter) says every problem of the form
at once, in its order, with the cursor in the first; then it stores everything in a
thread worker — a 50 MB video is copied as it is — and dismisses with the incident id;
a refusal is said in the form and nothing typed is lost. Esc cancels (while it
saves, Esc says so and the form closes once saved).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from fieldapp.domain.clock import local_now
from fieldapp.domain.typed import typed_entries
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.dialogs.saving import SavingDialog
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

# The form's widget for each field of an `IncidentReport` a refusal can name.
FIELD_IDS = {
    "category": "incident-category",
    "address": "incident-address",
    "grid_code": "incident-grid",
    "occurred_at": "incident-time",
    "description": "incident-description",
    "people": "incident-people",
    "files": "incident-files",
}


class IncidentDialog(AsksBeforeDiscarding, SavingDialog):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    ERROR_ID = "incident-error"
    CSS_PATH = "compact_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "report", "Report", id="incident.report"),
        Binding("escape", "cancel", "Cancel", id="incident.cancel"),
    ]

    @dataclass
    class Reported(Message):
        incident_id: str
        category: str

    def __init__(
        self,
        categories: list[str],
        *,
        venue: tuple[str, str] | None = None,
        address: str = "",
        grid_code: str = "",
        grids: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(id="incident-dialog", classes="dialog compact-form")
        self.categories = categories
        self.venue = venue  # (venue id, "name code") when opened from a venue
        # A place that is not a venue, filled in (a patrol checkpoint), and its grid.
        self.address = address
        self.grid_code = grid_code
        # No venue and no grid given: the reporter's grids (code, name). One is used as it
        # is; of several, the form asks which (none chosen: the incident is not filed to
        # the first by chance).
        self.grids = grids if venue is None and not grid_code else ()
        # A time long past the form asked about: F10 again with it reports it.
        self.time_asked = ""
        if len(self.grids) == 1:
            self.grid_code = self.grids[0][0]
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("incident.form.title"), classes="dialog-title")
            with VerticalScroll(id="incident-fields", classes="compact-fields"):
                yield Label(t("incident.form.category"))
                yield Select(
                    [(t(f"incident.category.{c}"), c) for c in self.categories],
                    prompt=t("incident.form.category_prompt"),
                    id="incident-category",
                    compact=True,
                )
                if self.venue is not None:
                    yield Label(t("incident.form.venue", venue=self.venue[1]), id="incident-venue")
                yield Label(t("incident.form.address"))
                yield Input(self.address, id="incident-address", compact=True)
                if len(self.grids) > 1:
                    yield Label(t("incident.form.grid"))
                    yield Select(
                        [(name, code) for code, name in self.grids],
                        prompt=t("incident.form.grid_prompt"),
                        id="incident-grid",
                        compact=True,
                    )
                yield Label(t("incident.form.time"))
                yield Input(
                    local_now().strftime("%Y-%m-%d %H:%M"), id="incident-time", compact=True
                )
                yield Label(t("incident.form.description"))
                yield Input(id="incident-description", compact=True)
                yield Label(t("incident.form.people"))
                yield Input(
                    id="incident-people", placeholder=t("incident.form.people_hint"), compact=True
                )
                yield Label(t("incident.form.media"))
                yield Input(
                    id="incident-files", placeholder=t("incident.form.media_hint"), compact=True
                )
            yield from dialog_foot(
                FormMessage(id="incident-error", classes="dialog-error"),
                (t("incident.form.save"), "incident-ok"),
                (t("incident.form.cancel"), "incident-cancel"),
                compact=True,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#incident-category", Select).focus(scroll_visible=False)

    def field_named(self, name: str) -> Widget | None:
        """A refusal's field (`IncidentReport`'s name): the mend is typed where it points."""
        widget_id = FIELD_IDS.get(name)
        return self.query_one(f"#{widget_id}") if widget_id else None

    @on(Button.Pressed, "#incident-ok")
    @on(Input.Submitted)
    def action_report(self) -> None:
        if self.busy:
            return
        from fieldapp.services.incidents.reporting import (
            IncidentReport,
            long_ago,
            parse_people,
            report_problems,
        )

        category = self.query_one("#incident-category", Select).value
        grid_code, grid_chosen = self.grid_code, True
        if len(self.grids) > 1:
            chosen = self.query_one("#incident-grid", Select).value
            grid_chosen = chosen is not Select.NULL
            grid_code = str(chosen) if grid_chosen else ""

        def value(name: str) -> str:
            return self.query_one(f"#incident-{name}", Input).value

        report = IncidentReport(
            category=str(category),
            occurred_at=value("time"),
            description=value("description"),
            venue_id=self.venue[0] if self.venue else None,
            address=value("address"),
            grid_code=grid_code,
            people=parse_people(value("people")),
            files=typed_entries(value("files")),
        )
        # Every problem at once, in the form's order; the cursor goes to the first.
        if problems := report_problems(report, self.categories, grid_chosen=grid_chosen):
            self.refuse("\n".join(str(p) for p in problems), problems[0].field)
            return
        asked = long_ago(report.occurred_at)  # once: F10 again with the same time reports
        if asked is not None and self.time_asked != report.occurred_at:
            self.time_asked = report.occurred_at
            self.refuse(asked, "occurred_at")
            return
        self.start_saving()
        self._store(report)

    @work(thread=True, exclusive=True, exit_on_error=False, group="incident")
    def _store(self, report: object) -> None:
        from fieldapp.services.incidents.evidence import EvidenceError
        from fieldapp.services.incidents.reporting import (
            IncidentReport,
            ReportRefused,
            report_incident,
        )

        assert isinstance(report, IncidentReport)
        try:
            incident = report_incident(report)
        except ReportRefused as refusal:
            self.post_message(self.Refused(str(refusal), refusal.field))
            return
        except EvidenceError as refusal:
            self.post_message(self.Refused(str(refusal), "files"))
            return
        self.post_message(self.Reported(incident.id, incident.category))

    @on(Reported)
    def _reported(self, message: Reported) -> None:
        self.app.notify(t("incident.reported", category=t(f"incident.category.{message.category}")))
        recheck = getattr(self.app, "check_reports_now", None)
        if recheck is not None:  # a zero report filed here today may no longer hold
            recheck()
        self.close_saved(message.incident_id)

    @on(Button.Pressed, "#incident-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
