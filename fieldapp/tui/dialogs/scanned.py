"""A placard was scanned: offer to start the venue's inspection, or resume its draft."""

from __future__ import annotations

from fieldapp.domain.clock import today, wall_moment
from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import CAMERA
from fieldapp.tui.dialogs.confirm import ConfirmDialog


def submitted_today(stamp: str) -> str:
    """The local time (HH:MM) of a UTC `stamp` that is today, "" otherwise."""
    if not stamp:
        return ""
    try:
        moment = wall_moment(stamp)
    except ValueError:
        return ""
    return moment.strftime("%H:%M") if moment.date() == today() else ""


class ScannedVenueDialog(ConfirmDialog):
    """Dismisses True to start (or resume) the inspection of the scanned venue. A venue
    outside my grids (`outside`: its grid's name) says the server will not take the
    inspection, and starts on Cancel: starting is a choice, not a reflex Enter. A code
    read from a photo (`source` CAMERA) says so, and that it is recorded as such: the
    record says 标牌二维码读自照片（非现场扫码）, never a scan on site; unless the draft
    resumed has a scan on site already (`on_site`), which the record keeps, and says.
    An inspection of the venue submitted today (`submitted_at`, UTC) is said with its
    time: a second one is likely a mistake."""

    def __init__(
        self,
        venue_id: str,
        *,
        venue: str,
        code: str,
        resume: bool,
        outside: str = "",
        source: str = "",
        on_site: bool = False,
        submitted_at: str = "",
    ) -> None:
        if source == CAMERA:
            title = "scan.venue.photo_title"
            body_key = "scan.venue.photo_resume_body" if resume else "scan.venue.photo_start_body"
            if resume and on_site:
                body_key = "scan.venue.photo_resume_on_site_body"
        else:
            title = "scan.venue.title"
            body_key = "scan.venue.resume_body" if resume else "scan.venue.start_body"
        body = t(body_key, venue=venue, code=code)
        yes = "scan.venue.resume" if resume else "scan.venue.start"
        if at := submitted_today(submitted_at):  # scanned again just after submitting?
            body += "\n" + t("scan.venue.submitted_today", at=at)
        if outside:
            body += "\n" + t("scan.venue.outside_grid", grid=outside)
            yes = "scan.venue.resume_anyway" if resume else "scan.venue.start_anyway"
        super().__init__(
            t(title),
            body,
            yes=t(yes),
            no=t("scan.venue.cancel"),
            id="scanned-dialog",
            safe_default=bool(outside),
        )
        self.venue_id = venue_id
        self.resume = resume
        self.outside = outside
        self.source = source
