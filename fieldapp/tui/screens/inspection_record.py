"""One submitted inspection, read-only: its answers in checklist order, each item's note,
photos (a count on the item; the highlighted item's photo in the pane RecordPhotos
draws, inspection_record_photos.py) and the hazard it opened, with its state now.

Reached from a venue's list of inspections (Home or Find venue: `i`) and from the
supervisor's inspection review (Enter). The record is read in a thread worker; photos are
scaled in another, so a large photo never holds up the keys.

At 80x24 the header keeps its four rows and the table its place: a long presence note or
review comment is cut to one line there with "…", and `n` shows them whole in the detail
pane below the table, which Tab focuses to scroll through a long note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from fieldapp.i18n import pick, t
from fieldapp.services.common.presence_words import manual_presence, scanned_presence
from fieldapp.services.inspection.history import InspectionRecord, RecordedItem
from fieldapp.tui.commands import relabel_binding
from fieldapp.tui.screens.inspection_record_photos import RecordPhotos
from fieldapp.tui.screens.refused_records import refused_mark
from fieldapp.tui.screens.step_keys import step_bindings
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.views.review_outcome import review_outcome
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import widest
from fieldapp.tui.widgets.photo_preview import PhotoPreview
from fieldapp.tui.widgets.separated_text import SEPARATOR, SeparatedText
from fieldapp.tui.widgets.table import Cut

OUTCOMES = ("pass", "fail", "na", "value", "note")
CODE = 7  # the cells of an item's code column (COM-01; an instance's RNT-04#3 widens it)
ITEM_TEXT = 28  # the cells an item's text keeps beside a long answer
MIN_ITEM_TEXT = 12  # and on a screen too narrow for that


def answer_text(item: RecordedItem) -> str:
    """An answer as the record says it: "合格", "不合格（2）", and a judged value within its
    limits "合格（1）" (a bare "1" beside "不合格（2）" said one count two ways)."""
    if not item.outcome or item.outcome == "note":
        return t("record.unanswered")
    text = t(f"inspect.outcome.{item.outcome}")
    value = pick(item.value, item.value_en)
    if value and item.outcome == "value":  # a choice's option judged is pass or fail
        passed = item.can_fail and item.answer_type != "choice"
        return t("app.aside", text=t("inspect.outcome.pass"), aside=value) if passed else value
    return t("app.aside", text=text, aside=value) if value else text


def column_widths(record: InspectionRecord | None, width: int) -> dict[str, int]:
    """The table's columns on a screen `width` wide: code, answer, photos and severity as
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
        "severity": widest(*severities, t("record.col.severity")),
    }
    # the room for the text and the answer: less the screen's padding, a scroll bar and
    # each column's padding either side
    fixed = widths["code"] + widths["photos"] + widths["severity"]
    room = width - 2 - 2 - 2 * len(widths) - fixed
    text = widest(*(pick(item.zh, item.en) for item in items), t("record.col.item"))
    answer = widest(*(answer_text(item) for item in items), *answers)
    widths["answer"] = max(widths["answer"], min(answer, room - min(text, ITEM_TEXT)))
    widths["item"] = max(room - widths["answer"], MIN_ITEM_TEXT)
    return widths


def cut_to_cells(text: str, cells: int) -> str:
    """The start of `text` that fits in `cells` cells."""
    kept = 0
    for n, char in enumerate(text):
        kept += cell_len(char)
        if kept > cells:
            return text[:n]
    return text


def fitted(says: Callable[[str], str], text: str, room: int | None) -> str:
    """`says(text)`, with `text` cut with "…" as far as it takes to fit in `room` cells
    (`None`: whole)."""
    whole = says(text)
    over = cell_len(whole) - room if room is not None else 0
    if over <= 0:
        return whole
    return says(cut_to_cells(text, max(cell_len(text) - over - 1, 0)).rstrip() + "…")


def meta_lines(record: InspectionRecord, width: int | None = None) -> list[str]:
    """The header's lines; on a screen `width` cells wide, a presence note or review
    comment longer than a line is cut with "…", so the representative and the review
    state stay in sight (`None`: whole, as `n` shows them)."""
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
        presence = scanned_presence(verified=verified, from_photo=record.presence_from_photo)
    else:
        reason = record.presence_reason

        def presence_with(note: str) -> str:
            return t("record.presence.manual", how=manual_presence(reason, note))

        presence = fitted(presence_with, record.presence_note, width)
    extra = [presence]
    if record.representative:
        extra.append(t("record.representative", name=record.representative))
    state = t(f"review_ui.inspection_state.{record.review_state or 'pending'}")
    if record.refusal is None:  # a refused one never reached the office: no review awaits
        extra.append(
            fitted(
                lambda comment: t("record.review_comment", state=state, comment=comment),
                record.review_comment,
                width,
            )
            if record.review_comment
            else t("record.review", state=state)
        )
    lines.append(SEPARATOR.join(extra))
    for key, other in (("superseded_by", record.superseded_by), ("supersedes", record.supersedes)):
        if other is not None:  # a returned inspection and its re-inspection
            at = local_stamp(other.submitted_at)
            lines.append(t(f"returned.{key}", submitted=at, inspector=other.inspector_name))
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
        if review := review_outcome(found, found.deadline):  # a rejection's note, an extension…
            lines.append(review)
        if found.description:
            lines.append(t("record.finding_description", description=found.description))
    return lines


class InspectionRecordScreen(RecordPhotos):
    REMOUNT_ON_RELABEL = True
    FOOTER_PINNED = ("record.detail",)  # how to read a detail longer than its pane
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="record.back"),
        # the screen's own keys first: the footer at 80 columns shows what fits, and the
        # photo pane's title says [ ] and o
        Binding("tab", "detail", "Read the detail", id="record.detail"),
        Binding("n", "notes", "Notes in full", id="record.notes"),
        Binding("o", "open_photo", "Open photo", id="record.open_photo"),
        *step_bindings(
            "photo", ("record.prev_photo", "Prev photo"), ("record.next_photo", "Next photo")
        ),
    ]

    @dataclass
    class Loaded(Message):
        record: InspectionRecord

    @dataclass
    class Refused(Message):
        text: str

    def __init__(self, inspection_id: str) -> None:
        super().__init__(id="inspection-record")
        self.inspection_id = inspection_id
        self.record: InspectionRecord | None = None
        self.photo_index = 0
        self.notes_cut = False  # the header cut a note short: `n` shows it whole
        self.notes_shown = False  # the detail pane shows those notes, not the item

    def compose(self) -> ComposeResult:
        yield Header()
        refusal = Static("", id="record-refusal")
        refusal.display = False  # shown for an inspection the server refused
        yield refusal
        yield SeparatedText(t("review_ui.loading"), id="record-meta")
        with Vertical(id="record-main"):
            yield PagedTable(id="record-items")
            with Horizontal(id="record-lower"):
                with VerticalScroll(id="record-detail"):
                    yield SeparatedText(id="record-item")
                with Vertical(id="record-photo-pane"):
                    yield Static("", id="record-photo-title")
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
        if record.refusal is not None:
            said = t("refused.record", reason=record.refusal.why)
            refusal = self.query_one("#record-refusal", Static)
            refusal.update(refused_mark(self, said))
            refusal.display = True
        meta = self.query_one("#record-meta", SeparatedText)
        shown = meta_lines(record, self.size.width - meta.styles.gutter.width)
        self.notes_cut = shown != meta_lines(record)
        meta.show("\n".join(shown))
        self.refresh_bindings()
        table = self.query_one("#record-items", PagedTable)
        selected = table.selected_key
        table.clear(columns=True)
        self._add_columns(table, record)
        for item in record.items:
            table.add_row(
                item.code,
                Cut(pick(item.zh, item.en)),  # type: ignore[arg-type]  # cut with "…"
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
        self.notes_shown = False
        self._show_item()

    def _show_item(self) -> None:
        item = self.item
        if self.notes_shown and self.record is not None:
            detail = meta_lines(self.record)
        else:
            detail = item_lines(item) if item else []
        self.refresh_bindings()  # o for an item with photos, [ ] with two or more
        self.query_one("#record-item", SeparatedText).show("\n".join(detail))
        self.query_one("#record-detail", VerticalScroll).scroll_home(animate=False)
        self.show_photo(item)

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        """Tab says where it goes; back on the table, the detail is its item's again."""
        in_detail = self.focused is self.query_one("#record-detail")
        key = "binding.record.detail_back" if in_detail else "binding.record.detail"
        relabel_binding(self, "record.detail", t(key))
        self.refresh_bindings()
        if not in_detail and self.notes_shown:
            self.notes_shown = False
            self._show_item()

    # -- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_photo", "photo"):  # o for a photo; [ ] for another to go to
            return self.item is not None and len(self.item.photos) > (action == "photo")
        return self.notes_cut if action == "notes" else True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_detail(self) -> None:
        """Between the table and the detail below it, which scrolls when focused."""
        detail = self.query_one("#record-detail", VerticalScroll)
        if self.focused is detail:
            self.query_one("#record-items", PagedTable).focus()
        else:
            detail.focus()

    def action_notes(self) -> None:
        """The header's notes whole in the detail pane, focused to scroll through them."""
        self.notes_shown = True
        self._show_item()
        self.query_one("#record-detail", VerticalScroll).focus()
