"""The photo pane of one submitted inspection's record: the highlighted item's photo as
text art (scaled in a thread worker, so a large photo never holds up the keys), `[` `]`
to switch between an item's photos and `o` to open one in the system viewer.

`RecordPhotos` is the base of `InspectionRecordScreen`, which gives `item`, `photo_index`
and `_show_item` and keeps the keys' bindings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual import on, work
from textual.message import Message
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.services.inspection.history import RecordedItem
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.screens.viewer import open_and_say
from fieldapp.tui.widgets.photo_preview import PhotoPreview, text_art


class RecordPhotos(FieldScreen[None]):
    photo_index: int

    @dataclass
    class PhotoReady(Message):
        path: Path
        art: RenderableType

    if TYPE_CHECKING:  # the record screen's: its highlighted item, and showing it

        @property
        def item(self) -> RecordedItem | None: ...

        def _show_item(self) -> None: ...

    def show_photo(self, item: RecordedItem | None) -> None:
        """The pane's title (which photo of how many, or none) and the photo itself."""
        title = self.query_one("#record-photo-title", Static)
        preview = self.query_one("#record-photo", PhotoPreview)
        if item is None or not item.photos:
            title.update(t("record.no_photos"))
            preview.update("")
            return
        self.photo_index %= len(item.photos)
        key = "record.photos" if len(item.photos) > 1 else "record.photo_one"  # no [ ]
        title.update(t(key, index=self.photo_index + 1, count=len(item.photos)))
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

    def action_photo(self, step: int) -> None:  # offered for an item with 2+ photos
        if (item := self.item) is not None and len(item.photos) > 1:
            self.photo_index = (self.photo_index + step) % len(item.photos)
            self._show_item()

    def action_open_photo(self) -> None:  # offered for an item with a photo
        if (item := self.item) is not None and item.photos:
            label = t("photo_view.numbered", number=self.photo_index + 1)
            open_and_say(self, str(item.photos[self.photo_index]), label)
