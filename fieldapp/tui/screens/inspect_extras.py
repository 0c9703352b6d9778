"""An item's note and photos during an inspection: the dialogs and what they save."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldapp.domain.checklist import Item
from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.inspection_view import InspectionView


class ItemExtrasPart:
    """Mixed into InspectScreen (which gives `item`, `view`, `reload`, `show_item`, `app`…)."""

    view: InspectionView
    inspection_id: str
    app: Any

    if TYPE_CHECKING:  # InspectScreen's

        @property
        def item(self) -> Item: ...

        def reload(self) -> None: ...

        def show_item(self) -> None: ...

    def action_note(self) -> None:
        from fieldapp.tui.dialogs.note import NoteDialog

        item = self.item
        answer = self.view.answers.get(item.code)

        def closed(note: str | None) -> None:
            if note is None:
                return
            inspections.set_note(self.inspection_id, item.code, note)
            self.reload()
            self.show_item()
            self.app.notify(t("inspect.note_saved"))

        self.app.push_screen(NoteDialog(item.code, answer.note if answer else ""), closed)

    def action_photo(self) -> None:
        from fieldapp.tui.dialogs.photo import PhotoDialog

        item = self.item

        def closed(sha256: str | None) -> None:
            if not sha256:
                return
            inspections.add_answer_photo(self.inspection_id, item.code, sha256)
            self.reload()
            self.show_item()
            self.app.notify(t("inspect.photo_added", code=item.code))

        self.app.push_screen(PhotoDialog(item.code), closed)
