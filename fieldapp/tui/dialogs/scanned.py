"""A placard was scanned: offer to start the venue's inspection, or resume its draft."""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog


class ScannedVenueDialog(ConfirmDialog):
    """Dismisses True to start (or resume) the inspection of the scanned venue."""

    def __init__(self, venue_id: str, *, venue: str, code: str, resume: bool) -> None:
        super().__init__(
            t("scan.venue.title"),
            t(
                "scan.venue.resume_body" if resume else "scan.venue.start_body",
                venue=venue,
                code=code,
            ),
            yes=t("scan.venue.resume" if resume else "scan.venue.start"),
            no=t("scan.venue.cancel"),
            id="scanned-dialog",
        )
        self.venue_id = venue_id
        self.resume = resume
