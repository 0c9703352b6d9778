"""Photos added to an incident after its report (f in the incident's view): the photo
dialog (a path typed, or files picked in the tree, several separated by ；), titled by the
incident, whose files are checked, stored and sent as one `evidence_added` event in a
thread worker (`services.incidents.added_photos`). Dismisses with how many photos were
added, or None when cancelled; a file that cannot be added says why, as a photo does
everywhere, and keeps the paths to fix."""

from __future__ import annotations

from typing import ClassVar

from textual import work

from fieldapp.domain.findings import TransitionRefused
from fieldapp.domain.typed import typed_entries
from fieldapp.services.common.photos import PhotoError
from fieldapp.services.incidents.evidence import EvidenceError
from fieldapp.store.db import db
from fieldapp.tui.dialogs.photo import PhotoDialog


class IncidentPhotosDialog(PhotoDialog):
    REFUSALS: ClassVar[tuple[type[Exception], ...]] = (
        PhotoError,
        EvidenceError,
        TransitionRefused,
    )
    TITLE = "incident.photos.title"
    PATH_LABEL = "incident.photos.path"
    SEVERAL = True

    def __init__(self, incident_id: str, line: str) -> None:
        super().__init__(line)  # the title names the incident, as the note's line does
        self.incident_id = incident_id

    @work(thread=True, exclusive=True, exit_on_error=False, group="photo")
    def import_file(self, path: str) -> str:
        from fieldapp.services.incidents.added_photos import add_photos

        with db.connection_context():
            return str(len(add_photos(self.incident_id, typed_entries(path)).photos))
