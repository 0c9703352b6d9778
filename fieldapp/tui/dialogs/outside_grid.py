"""A venue chosen by hand (Home, Find venue, rounds, a returned inspection, a typed code)
that lies outside my grids: the server refuses an inspection of it at sync
(``outside_grid``), so it is said before the inspection starts, in the words a scanned
placard of such a venue uses (`ScannedVenueDialog`). Starting is chosen, not a reflex
Enter: the focus starts on Cancel."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog


class OutsideGridDialog(ConfirmDialog):
    """Dismisses True to go on to start (or resume) the venue's inspection anyway."""

    def __init__(self, venue_label: str, *, outside: str, resume: bool) -> None:
        super().__init__(
            venue_label,
            t("scan.venue.outside_grid", grid=outside),
            yes=t("scan.venue.resume_anyway" if resume else "scan.venue.start_anyway"),
            no=t("scan.venue.cancel"),
            id="outside-grid-dialog",
            safe_default=True,
        )
        self.outside = outside


def warn_outside_grid(
    open_dialog: Callable[[ConfirmDialog, Callable[[bool | None], None]], object],
    venue_label: str,
    *,
    outside: str,
    resume: bool,
    then: Callable[[], None],
) -> None:
    """`then()` at once for a venue in my grids (`outside` empty); else after the person
    chose to start anyway in an `OutsideGridDialog` (opened with the app's `open_dialog`)."""
    if not outside:
        then()
        return

    def answered(anyway: bool | None) -> None:
        if anyway:
            then()

    open_dialog(OutsideGridDialog(venue_label, outside=outside, resume=resume), answered)
