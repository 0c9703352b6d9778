"""One incident in full (Enter in an incident list): category, time, place, reporter,
state, what happened in full, the people involved (numbers in them masked), the evidence
files (a photo by its number, as the record view names photos) and whether each is on
this device only or sent, its history in fold order and its conflicts. p opens a photo
on this device in the system viewer (`viewer.open_and_say`, as the inspection record's
o), the next one on each press.

From the supervisor's queue it offers the queue's actions on this incident, the same
definition (`incident_actions`); it is read again once one is applied, and the queue
when Esc goes back to it. Anyone may add a note (n), the inspector who reported it too
(F3): a `note` event, kept offline and synced like the others; and photos taken after
the report (f): an `evidence_added` event, listed in its evidence at once. One scrolling
text: at 80x24 a long description wraps and the rest is a scroll away. The record is
read in a thread worker.
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
from fieldapp.services.incidents.evidence import human_size
from fieldapp.services.incidents.record import EvidenceFile, HistoryEvent, IncidentRecord
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.screens.incident_actions import ACTION_BINDINGS, Acted, IncidentActing
from fieldapp.tui.screens.viewer import open_and_say
from fieldapp.tui.sync_pulled import INCIDENT_FEEDS, pulled
from fieldapp.tui.widgets.key_footer import KeyFooter


def _grid() -> Table:
    """Two columns, the labels' as wide as the widest (CJK counted as two cells), the
    values' wrapping under themselves."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, overflow="fold")
    return grid


def _size(size: int | None) -> str:
    return "" if size is None else human_size(size)


def evidence_line(file: EvidenceFile) -> str:
    """'照片 1 · 120 KB · 仅在本机，同步时上传'; another file by its kind and name."""
    if file.on_device:
        where = t("incident.record.sent" if file.on_server else "incident.record.on_device")
    else:
        where = t("incident.record.not_on_device")
    kind = t(f"incident.record.kind.{file.kind}")
    named = file.kind == "photo" and file.name.startswith(kind)  # 照片 1: said once
    parts = [file.name] if named else [kind, file.name]
    return " · ".join(p for p in [*parts, _size(file.size), where] if p)


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


class IncidentRecordScreen(IncidentActing, FieldScreen[bool | None]):
    """Dismissed with True when an action was applied here (the list reads itself again)."""

    REMOUNT_ON_RELABEL = True
    ACTS_ON_ONE = True  # its confirmations say the action, not "1 selected"
    CSS_PATH = "incident_record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="incident_record.back"),
        # the view's own keys first: at 80 columns the footer shows what fits
        Binding("f", "add_photos", "Add photos", id="incident_record.add_photos"),
        Binding("p", "open_photo", "Open photo", id="incident_record.open_photo"),
        *ACTION_BINDINGS,  # from the supervisor's queue (`acting`)
    ]

    @dataclass
    class Loaded(Message):
        record: IncidentRecord
        people: list[tuple[str, str]]

    @dataclass
    class Missing(Message):
        pass

    def __init__(self, incident_id: str, *, acting: bool = False) -> None:
        super().__init__(id="incident-record")
        self.incident_id = incident_id
        self.acting = acting  # the queue's actions offered on it
        self.record: IncidentRecord | None = None
        self.people: list[tuple[str, str]] = []
        self.changed = False  # an action was applied here
        self.photo_shown = -1  # the last photo p opened, among those on this device

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="incident-record-scroll"):
            yield Static(t("review_ui.loading"), id="incident-record-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("incident.record.subtitle")
        self.query_one("#incident-record-scroll", VerticalScroll).focus()
        self._load()  # again after a change of language: the words are the screen's

    @work(thread=True, exclusive=True, exit_on_error=False, group="incident-record")
    def _load(self) -> None:
        from fieldapp.services.incidents.queue import assignable_people
        from fieldapp.services.incidents.record import IncidentNotFound, incident_record
        from fieldapp.store import db

        with db.connection_context():
            try:
                record = incident_record(self.incident_id)
            except IncidentNotFound:
                self.post_message(self.Missing())
                return
            people = assignable_people() if self.acting else []
        self.post_message(self.Loaded(record, people))

    @on(Missing)
    def _missing(self) -> None:
        self.app.notify(t("incident.refused.not_found"), severity="warning")
        self.dismiss(None)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.record, self.people = message.record, message.people
        self.refresh_bindings()  # p: a photo on this device or not
        text = self.query_one("#incident-record-text", Static)
        colour = self.app.get_css_variables().get("text-error", "red")  # as refused_mark's
        text.update(record_renderable(message.record, colour))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "bulk":  # a note anyone may add (its reporter too); the rest: the queue's
            return self.acting or parameters == ("note",)
        if action == "open_photo":
            return bool(self._photos_here())
        if action == "add_photos":  # not to one the server refused: it is not on record
            return self.record is not None and self.record.refusal is None
        return True

    def acted_on(self) -> list[Acted]:
        record = self.record
        if record is None:
            return []
        category = t(f"incident.category.{record.category}")
        line = f"{record.occurred_at} {category} · {place(record)}"
        return [Acted(record.id, record.state, line, record.occurred_at)]

    def incidents_changed(self) -> None:
        self.changed = True
        self._load()

    def synced(self) -> None:
        """A sync that pulled incidents shows this one as it is now, and the list it was
        opened from reads itself again on the way back (`changed`)."""
        if pulled(getattr(self.app, "sync_outcome", None), INCIDENT_FEEDS):
            self.incidents_changed()

    def _photos_here(self) -> list[EvidenceFile]:
        evidence = self.record.evidence if self.record else ()
        return [f for f in evidence if f.kind == "photo" and f.on_device]

    def action_open_photo(self) -> None:
        if photos := self._photos_here():
            self.photo_shown = (self.photo_shown + 1) % len(photos)
            file = photos[self.photo_shown]
            open_and_say(self, file.path, file.name)  # named as the evidence names it

    def action_add_photos(self) -> None:
        from fieldapp.tui.dialogs.incident_photos import IncidentPhotosDialog

        acted = self.acted_on()
        if not acted:
            return

        def added(count: str | None) -> None:
            if count is None:
                return
            self.app.notify(t("incident.photos.added", count=int(count)))
            self.incidents_changed()  # read again: the photos are in its evidence
            self.app.post_message(SyncRequested("incident.event"))

        self.app.push_screen(IncidentPhotosDialog(acted[0].id, acted[0].line), added)

    def action_back(self) -> None:
        self.dismiss(self.changed)
