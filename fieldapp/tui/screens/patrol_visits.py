"""A patrol window's checkpoint visits, read-only (the office's view of a run): in the
order they were made, each with its time, checkpoint, note and photo count; below, the
highlighted visit whole (who, how, the note) and its photo as text art, `o` opening it
in the system viewer and `[` `]` going to another, as in an inspection's record.

Reached from the attendance list of Patrols (Ctrl+G: `v` on a window with runs). The
visits are read in a thread worker, and each photo is scaled in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import RenderableType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from fieldapp.i18n import t
from fieldapp.services.common.presence_words import reason_with_note
from fieldapp.services.patrols.visits import Visit, WindowVisits
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.screens.step_keys import step_bindings
from fieldapp.tui.screens.viewer import open_and_say
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key, widest
from fieldapp.tui.widgets.photo_preview import PhotoPreview, text_art
from fieldapp.tui.widgets.phrase_static import PhraseStatic
from fieldapp.tui.widgets.table import Cut, Table

AT = 5  # 06:40
CHECKPOINT = 22  # "CP-02 鼎美村烟花销售点"


def visit_lines(visit: Visit) -> list[str]:
    """The highlighted visit whole: when, where and who; how; its form; the note."""
    how = t(f"patrol.visits.{visit.how}")
    if visit.how == "manual" and visit.reason:
        # the reason's name ("其他原因"), never the option's prompt; the note is below
        how = t("patrol.visits.manual_why", reason=reason_with_note(visit.reason, ""))
    if visit.replaced_at is not None:  # the checkpoint's scan is what counts
        how = t("patrol.visits.replaced", how=how, at=f"{visit.replaced_at:%H:%M}")
    place = f"{visit.checkpoint_code} {visit.checkpoint_name}".strip()
    lines = [
        t("patrol.visits.head", at=f"{visit.at:%H:%M}", checkpoint=place, walker=visit.walker),
        how,
    ]
    lines += [form_answer(key, value) for key, value in visit.answers]  # the form's (`e`)
    return [*lines, t("patrol.visits.note", note=visit.note) if visit.note else ""]


def form_answer(key: str, value: str) -> str:
    """表单 · 水压（MPa） 0.35, a yes or no said in words."""
    said = t(f"patrol.form.{value}") if value in ("yes", "no") else value
    return t("patrol.visits.answer", item=t(f"patrol.form.{key}"), answer=said)


class PatrolVisitsScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    CSS_PATH = "patrol_visits.tcss"
    # the inspection record's photo keys, by their ids: the same words, remapped together
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="record.back"),
        Binding("o", "open_photo", "Open photo", id="record.open_photo"),
        *step_bindings(
            "photo", ("record.prev_photo", "Prev photo"), ("record.next_photo", "Next photo")
        ),
    ]

    @dataclass
    class Loaded(Message):
        window: WindowVisits

    @dataclass
    class PhotoReady(Message):
        path: Path
        art: RenderableType

    def __init__(self, route_id: str, day: str, window: str) -> None:
        super().__init__(id="patrol-visits")
        self.route_id, self.day, self.window = route_id, day, window
        self.shown: WindowVisits | None = None
        self.photo_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("review_ui.loading"), id="visits-title", classes="pane-title")
        yield Table(id="visits-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="visits-lower"):
            with VerticalScroll(id="visits-detail"):
                # broken where a phrase ends: a walker's name is kept whole (not 李 / 巡查)
                yield PhraseStatic("", id="visits-visit")
            with Vertical(id="visits-photo-pane"):
                yield Static("", id="visits-photo-title")
                yield PhotoPreview("", id="visits-photo")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("patrol.visits.subtitle")
        table = self.query_one("#visits-table", DataTable)
        photos = widest(t("patrol.visits.col.photos"))
        # the note takes what the time, checkpoint and photo count leave: less the
        # screen's padding, a scroll bar and each column's padding either side
        note = max(self.size.width - 2 - 2 - 2 * 4 - AT - CHECKPOINT - photos, 12)
        for key, width in (("at", AT), ("checkpoint", CHECKPOINT), ("note", note),
                           ("photos", photos)):  # fmt: skip
            table.add_column(t(f"patrol.visits.col.{key}"), key=key, width=width)
        table.focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-visits")
    def _load(self) -> None:
        from fieldapp.services.patrols.visits import window_visits
        from fieldapp.store import db

        with db.connection_context():
            shown = window_visits(self.route_id, self.day, self.window)
        self.post_message(self.Loaded(shown))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        shown = self.shown = event.window
        route = t("app.aside", text=shown.route_name, aside=shown.route_code)
        title = f"{route} · {t('patrol.run.window', day=shown.day, window=shown.window)}"
        self.query_one("#visits-title", Label).update(title)
        table = self.query_one("#visits-table", DataTable)
        table.clear()
        for visit in shown.visits:
            place = f"{visit.checkpoint_code} {visit.checkpoint_name}".strip()
            table.add_row(f"{visit.at:%H:%M}", Cut(place), Cut(visit.note),  # type: ignore[arg-type]
                          str(len(visit.photos)) if visit.photos else "",
                          key=visit.scan_id)  # fmt: skip
        if not shown.visits:
            table.add_row("", t("patrol.visits.none"), "", "")
        self._show_visit()

    @property
    def visit(self) -> Visit | None:
        if self.shown is None:
            return None
        key = selected_key(self.query_one("#visits-table", DataTable))
        return next((v for v in self.shown.visits if v.scan_id == key), None)

    @on(DataTable.RowHighlighted, "#visits-table")
    def _highlighted(self) -> None:
        self.photo_index = 0
        self._show_visit()

    def _show_visit(self) -> None:
        visit = self.visit
        self.refresh_bindings()  # o for a visit with photos, [ ] with two or more
        self.query_one("#visits-visit", Static).update(
            "\n".join(visit_lines(visit)) if visit else ""
        )
        title = self.query_one("#visits-photo-title", Static)
        preview = self.query_one("#visits-photo", PhotoPreview)
        if visit is None or not visit.photos:
            title.update(t("patrol.visits.no_photos") if visit else "")
            preview.update("")
            return
        self.photo_index %= len(visit.photos)
        key = "record.photos" if len(visit.photos) > 1 else "record.photo_one"
        title.update(t(key, index=self.photo_index + 1, count=len(visit.photos)))
        size = preview.content_size
        self._render_photo(visit.photos[self.photo_index], size.width, size.height)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-visits-photo")
    def _render_photo(self, path: Path, width: int, height: int) -> None:
        self.post_message(self.PhotoReady(path, text_art(path, width, height)))

    @on(PhotoReady)
    def _photo_ready(self, event: PhotoReady) -> None:
        visit = self.visit
        if visit is not None and visit.photos and visit.photos[self.photo_index] == event.path:
            self.query_one("#visits-photo", PhotoPreview).update(event.art)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_photo", "photo"):  # o for a photo; [ ] for another to go to
            return self.visit is not None and len(self.visit.photos) > (action == "photo")
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_photo(self, step: int) -> None:
        if (visit := self.visit) is not None and len(visit.photos) > 1:
            self.photo_index = (self.photo_index + step) % len(visit.photos)
            self._show_visit()

    def action_open_photo(self) -> None:
        if (visit := self.visit) is not None and visit.photos:
            label = t("photo_view.numbered", number=self.photo_index + 1)
            open_and_say(self, str(visit.photos[self.photo_index]), label)
