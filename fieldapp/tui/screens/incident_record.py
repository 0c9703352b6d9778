"""One incident, read-only (Enter in the incident queue): category, time, place, reporter,
state, what happened in full, the people involved (numbers in them masked), the evidence
files and whether each is on this device, its history in fold order and its conflicts.

One scrolling text: at 80x24 a long description wraps and the rest is a scroll away. The
record is read in a thread worker; Esc goes back to the queue as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from fieldapp.i18n import t
from fieldapp.services.incidents.record import EvidenceFile, HistoryEvent, IncidentRecord
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


def _grid() -> Table:
    """Two columns, the labels' as wide as the widest (CJK counted as two cells), the
    values' wrapping under themselves."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, overflow="fold")
    return grid


def _size(size: int | None) -> str:
    if size is None:
        return ""
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def evidence_line(file: EvidenceFile) -> str:
    name = file.name or f"{file.sha256[:12]}…"
    where = t("incident.record.on_device" if file.on_device else "incident.record.not_on_device")
    parts = [t(f"incident.record.kind.{file.kind}"), name, _size(file.size), where]
    return " · ".join(p for p in parts if p)


def event_line(event: HistoryEvent) -> str:
    said = [t(f"incident.event.{event.type}")]
    if event.assignee:
        said.append(t("incident.record.to_person", person=event.assignee))
    if event.unit:
        said.append(t(f"incident.unit.{event.unit}"))
        if event.reference:
            said.append(t("incident.record.reference", reference=event.reference))
        if event.date:
            said.append(event.date)
    if event.outcome:
        said.append(t(f"incident.outcome.{event.outcome}"))
    role = t(f"role.{event.role}") if event.role else ""
    said.append(t("incident.record.by", name=event.actor, role=role) if role else event.actor)
    text = " · ".join(s for s in said if s)
    if event.conflict:
        text += f" · ⚠ {t('incident.record.not_applied')}"
    if event.note:
        text += "\n" + event.note
    return text


def place(record: IncidentRecord) -> str:
    return " · ".join(p for p in (record.venue, record.address) if p)


def record_renderable(record: IncidentRecord, error_colour: str = "red") -> RenderableType:
    """The whole record as one renderable: a labelled head, then its sections; an incident
    the server refused to create starts with why (in `error_colour`)."""
    state = t(f"incident.state.{record.state}")
    if record.assigned_to:
        state += " · " + t("incident.record.to_person", person=record.assigned_to)
    head = _grid()
    for label, value in (
        ("category", t(f"incident.category.{record.category}")),
        ("time", record.occurred_at),
        ("place", place(record)),
        ("grid", record.grid),
        ("reporter", t("incident.record.reported_by", name=record.reporter, at=record.reported_at)),
        ("state", state),
    ):
        head.add_row(t(f"incident.record.{label}"), Text(value))
    parts: list[RenderableType] = [head]
    if record.refusal is not None:
        said = t("refused.record", reason=record.refusal.why)
        parts.insert(0, Text(said, style=f"bold {error_colour}"))

    def section(key: str, count: int | None = None) -> None:
        title = t(f"incident.record.{key}")
        if count:
            title = t("incident.record.count", title=title, count=count)
        parts.append(Text(""))
        parts.append(Text(title, style="bold underline"))

    section("description")
    parts.append(Text(record.description or t("incident.record.none")))
    section("people", len(record.people))
    if record.people:
        people = _grid()
        for person in record.people:
            people.add_row(Text(person.name), Text(person.role))
        parts.append(people)
    else:
        parts.append(Text(t("incident.record.none")))
    section("evidence", len(record.evidence))
    parts.append(
        Text("\n".join(evidence_line(f) for f in record.evidence) or t("incident.record.none"))
    )
    section("history", len(record.history))
    history = _grid()
    for event in record.history:
        history.add_row(event.at, Text(event_line(event)))
    parts.append(history)
    if record.conflicts:
        section("conflicts", len(record.conflicts))
        for c in record.conflicts:
            said = t(
                "incident.conflict" if c.other else "incident.conflict_first",
                who=c.actor,
                event=t(f"incident.event.{c.event_type}"),
                state=t(f"incident.state.{c.state}"),
                other=c.other,
            )
            if c.resolved:
                said += f" · {t('review.conflict.resolved')}"
            parts.append(Text(f"⚠ {said}"))
    return Group(*parts)


class IncidentRecordScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    CSS_PATH = "incident_record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="incident_record.back"),
    ]

    @dataclass
    class Loaded(Message):
        record: IncidentRecord

    @dataclass
    class Missing(Message):
        pass

    def __init__(self, incident_id: str) -> None:
        super().__init__(id="incident-record")
        self.incident_id = incident_id
        self.record: IncidentRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="incident-record-scroll"):
            yield Static(t("review_ui.loading"), id="incident-record-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("incident.record.subtitle")
        self.query_one("#incident-record-scroll", VerticalScroll).focus()
        self._load()  # again after a change of language: the words are the screen's

    @work(thread=True, exclusive=True, exit_on_error=False, group="incident-record")
    def _load(self) -> None:
        from fieldapp.services.incidents.record import IncidentNotFound, incident_record
        from fieldapp.store import db

        with db.connection_context():
            try:
                record = incident_record(self.incident_id)
            except IncidentNotFound:
                self.post_message(self.Missing())
                return
        self.post_message(self.Loaded(record))

    @on(Missing)
    def _missing(self) -> None:
        self.app.notify(t("incident.refused.not_found"), severity="warning")
        self.dismiss(None)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.record = message.record
        text = self.query_one("#incident-record-text", Static)
        colour = self.app.get_css_variables().get("text-error", "red")  # as refused_mark's
        text.update(record_renderable(message.record, colour))

    def action_back(self) -> None:
        self.dismiss(None)
