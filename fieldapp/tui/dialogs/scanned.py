"""A placard was scanned: offer to start the venue's inspection, or resume its draft."""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog


class ScannedVenueDialog(ConfirmDialog):
    """Dismisses True to start (or resume) the inspection of the scanned venue. A venue
    outside my grids (`outside`: its grid's name) says the server will not take the
    inspection, and starts on Cancel: starting is a choice, not a reflex Enter."""

    def __init__(
        self, venue_id: str, *, venue: str, code: str, resume: bool, outside: str = ""
    ) -> None:
        body = t(
            "scan.venue.resume_body" if resume else "scan.venue.start_body",
            venue=venue,
            code=code,
        )
        yes = "scan.venue.resume" if resume else "scan.venue.start"
        if outside:
            body += "\n" + t("scan.venue.outside_grid", grid=outside)
            yes = "scan.venue.resume_anyway" if resume else "scan.venue.start_anyway"
        super().__init__(
            t("scan.venue.title"),
            body,
            yes=t(yes),
            no=t("scan.venue.cancel"),
            id="scanned-dialog",
            safe_default=bool(outside),
        )
        self.venue_id = venue_id
        self.resume = resume
        self.outside = outside
