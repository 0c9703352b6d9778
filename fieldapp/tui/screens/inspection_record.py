"""One submitted inspection, read-only: its answers in checklist order, each item's note,
photos (a count on the item; the highlighted item's photo as text art, `o` opens it in
the system viewer, `[` `]` switch) and the hazard it opened, with its state now.

Reached from a venue's list of inspections (Home or Find venue: `i`) and from the
supervisor's inspection review (Enter). The record is read in a thread worker; photos are
scaled in another, so a large photo never holds up the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import RenderableType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from fieldapp.i18n import pick, t
from fieldapp.services.inspection.history import InspectionRecord, RecordedItem
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.screens.viewer import open_with_viewer
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import widest
from fieldapp.tui.widgets.photo_preview import PhotoPreview, text_art
from fieldapp.tui.widgets.separated_text import SEPARATOR, SeparatedText

OUTCOMES = ("pass", "fail", "na", "value", "note")
CODE = 7  # the cells of an item's code column (COM-01; an instance's RNT-04#3 widens it)
ITEM_TEXT = 28  # the cells an item's text keeps beside a long answer
MIN_ITEM_TEXT = 12  # and on a screen too narrow for that


def answer_text(item: RecordedItem) -> str:
    if not item.outcome or item.outcome == "note":
        return t("record.unanswered")
    text = t(f"inspect.outcome.{item.outcome}")
    value = pick(item.value, item.value_en)
    if value:
        return value if item.outcome == "value" else f"{text} ({value})"
    return text


def column_widths(record: InspectionRecord | None, width: int) -> dict[str, int]:
    """The table's columns on a screen `width` wide: code, answer, photos and hazard as
    wide as what they show (an answer at most what leaves the item's text its 28 cells),
    the item's text the rest."""
    items = record.items if record is not None else ()
    answers = [t(f"inspect.outcome.{o}") for o in OUTCOMES] + [t("record.unanswered")]
    severities = [t(f"severity.{s}") for s in ("general", "major")]
    widths = {
        "code": max(CODE, widest(*(item.code for item in items))),
        "item": ITEM_TEXT,
        "answer": widest(*answers),
        "photos": widest(t("record.col.photos")),
        "finding": widest(*severities, t("record.col.finding")),
    }
    # the room for the text and the answer: less the screen's padding, a scroll bar and
    # each column's padding either side
    fixed = widths["code"] + widths["photos"] + widths["finding"]
    room = width - 2 - 2 - 2 * len(widths) - fixed
    text = widest(*(pick(item.zh, item.en) for item in items), t("record.col.item"))
    answer = widest(*(answer_text(item) for item in items), *answers)
    widths["answer"] = max(widths["answer"], min(answer, room - min(text, ITEM_TEXT)))
    widths["item"] = max(room - widths["answer"], MIN_ITEM_TEXT)
    return widths


def meta_lines(record: InspectionRecord) -> list[str]:
    lines = [
        t(
            "record.venue",
            venue=record.venue_name,
            code=record.venue_code,
            kind=t(f"kind.{record.venue_kind}"),
            checklist=pick(record.checklist_zh, record.checklist_en),
            version=record.checklist_version,
        ),
        t(
            "record.who",
            inspector=record.inspector_name,
            started=local_stamp(record.started_at),
            submitted=local_stamp(record.submitted_at),
        ),
    ]
    if record.presence_check == "unverified":  # the server's verdict, learnt with a sync
        reason = record.presence_check_reason
        presence = t("record.presence.unverified", reason=t(f"proof.reason.{reason}"))
    elif record.presence == "scanned":
        verified = record.presence_check == "verified"
        presence = t("record.presence.verified" if verified else "record.presence.scanned")
    else:
        said = record.presence_reason
        if said == "other" and record.presence_note:  # the note says it: "other" alone
            said = "other_short"
        reason = t(f"presence_reason.{said}") if said else ""
        if record.presence_note:
            note = record.presence_note
            reason = t("record.presence.reason_note", reason=reason, note=note) if reason else note
        presence = t("record.presence.manual", reason=reason)
    extra = [presence]
    if record.representative:
        extra.append(t("record.representative", name=record.representative))
    state = t(f"review_ui.inspection_state.{record.review_state or 'pending'}")
    extra.append(
        t("record.review_comment", state=state, comment=record.review_comment)
        if record.review_comment
        else t("record.review", state=state)
    )
    lines.append(SEPARATOR.join(extra))
    return lines


def item_lines(item: RecordedItem) -> list[str]:
    lines = [
        f"{item.code} {pick(item.zh, item.en)}",
        t("record.section", section=pick(item.section_zh, item.section_en)),
        answer_text(item),
    ]
    if item.note:
        lines.append(t("record.note", note=item.note))
    if item.finding is not None:
        found = item.finding
        lines.append(
            t(
                "record.finding",
                severity=t(f"severity.{found.severity}"),
                state=t(f"finding_state.{found.state}"),
                deadline=found.deadline,
            )
        )
        if found.description:
            lines.append(t("record.finding_description", description=found.description))
    return lines


class InspectionRecordScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="record.back"),
        Binding("o", "open_photo", "Open photo", id="record.open_photo"),
        Binding("left_square_bracket", "photo(-1)", "Prev photo", id="record.prev_photo"),
        Binding("right_square_bracket", "photo(1)", "Next photo", id="record.next_photo"),
    ]

    @dataclass
    class Loaded(Message):
        record: InspectionRecord

    @dataclass
    class Refused(Message):
        text: str

    @dataclass
    class PhotoReady(Message):
        path: Path
        art: RenderableType

    def __init__(self, inspection_id: str) -> None:
        super().__init__(id="inspection-record")
        self.inspection_id = inspection_id
        self.record: InspectionRecord | None = None
        self.photo_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield SeparatedText(t("review_ui.loading"), id="record-meta")
        with Vertical(id="record-main"):
            yield PagedTable(id="record-items")
            with Horizontal(id="record-lower"):
                yield SeparatedText(id="record-item")
                with Vertical(id="record-photo-pane"):
                    yield Static("", id="record-photo-title", markup=False)
                    yield PhotoPreview("", id="record-photo")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("record.subtitle")
        table = self.query_one("#record-items", PagedTable)
        self._add_columns(table, None)
        table.focus()
        if self.record is None:
            self._load()
        else:
            self._show(self.record)

    def on_resize(self) -> None:
        """A wider or narrower terminal: the item's text takes the width there is."""
        if self.record is not None:
            self._show(self.record)

    def _add_columns(self, table: PagedTable, record: InspectionRecord | None) -> None:
        for key, width in column_widths(record, self.size.width).items():
            table.add_column(t(f"record.col.{key}"), key=key, width=width)

    @work(thread=True, exclusive=True, exit_on_error=False, group="record")
    def _load(self) -> None:
        from fieldapp.services.inspection.history import NotSubmitted, inspection_record
        from fieldapp.store import db

        with db.connection_context():
            try:
                record = inspection_record(self.inspection_id)
            except NotSubmitted:
                self.post_message(self.Refused(t("record.not_submitted")))
                return
        self.post_message(self.Loaded(record))

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.app.notify(event.text, severity="warning")
        self.dismiss(None)

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.record = event.record
        self._show(event.record)

    def _show(self, record: InspectionRecord) -> None:
        self.query_one("#record-meta", SeparatedText).show("\n".join(meta_lines(record)))
        table = self.query_one("#record-items", PagedTable)
        selected = table.selected_key
        table.clear(columns=True)
        self._add_columns(table, record)
        for item in record.items:
            table.add_row(
                item.code,
                pick(item.zh, item.en),
                answer_text(item),
                str(len(item.photos)) if item.photos else "",
                t(f"severity.{item.finding.severity}") if item.finding else "",
                key=item.code,
            )
        codes = [item.code for item in record.items]
        if selected in codes:  # shown again at another width: on the same item
            table.move_cursor(row=codes.index(selected))
        self._show_item()

    @property
    def item(self) -> RecordedItem | None:
        if self.record is None:
            return None
        key = self.query_one("#record-items", PagedTable).selected_key
        return next((i for i in self.record.items if i.code == key), None)

    @on(DataTable.RowHighlighted, "#record-items")
    def _highlighted(self) -> None:
        self.photo_index = 0
        self._show_item()

    def _show_item(self) -> None:
        item = self.item
        self.query_one("#record-item", SeparatedText).show(
            "\n".join(item_lines(item)) if item else ""
        )
        title = self.query_one("#record-photo-title", Static)
        preview = self.query_one("#record-photo", PhotoPreview)
        if item is None or not item.photos:
            title.update(t("record.no_photos"))
            preview.update("")
            return
        self.photo_index %= len(item.photos)
        title.update(t("record.photos", index=self.photo_index + 1, count=len(item.photos)))
        size = preview.content_size
        self._render_photo(item.photos[self.photo_index], size.width, size.height)

    @work(thread=True, exclusive=True, exit_on_error=False, group="record-photo")
    def _render_photo(self, path: Path, width: int, height: int) -> None:
        self.post_message(self.PhotoReady(path, text_art(path, width, height)))

    @on(PhotoReady)
    def _photo_ready(self, event: PhotoReady) -> None:
        item = self.item
        if item is not None and item.photos and item.photos[self.photo_index] == event.path:
            self.query_one("#record-photo", PhotoPreview).update(event.art)

    # -- actions -----------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_photo(self, step: int) -> None:
        item = self.item
        if item is None or len(item.photos) < 2:
            self.app.bell()
            return
        self.photo_index = (self.photo_index + step) % len(item.photos)
        self._show_item()

    def action_open_photo(self) -> None:
        item = self.item
        if item is None or not item.photos:
            self.notify(t("record.no_photos"), severity="warning")
            return
        self.notify(open_with_viewer(str(item.photos[self.photo_index])))
