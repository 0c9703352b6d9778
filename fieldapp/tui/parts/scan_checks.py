"""What a scan is, read in the scan's thread worker (`check_scan`): the placard's check
(`services.placards.printing.verify_scan`) and what the decision on the app's thread
(`ScanningApp.scan_checked`) needs from the store: the venue's draft, its last
submission, whether it is outside my grids, and the patrol a checkpoint's placard starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import TYPED, WEDGE, ScanMark

if TYPE_CHECKING:
    from fieldapp.services.patrols.placard_start import PlacardPatrol
    from fieldapp.services.placards.printing import ScanResult


@dataclass(frozen=True, slots=True)
class CheckedScan:
    """A scan checked in the worker, with what the decision needs from the store."""

    text: str
    venue_id: str | None
    venue_name: str
    venue_code: str
    signed: bool  # a genuine placard: proves presence
    payload: str
    refusal: str  # the message for a person when the scan opens nothing
    typed_unknown: bool  # looked like a typed venue code, and there is none such
    typed_name: bool  # no QR code of ours: a venue's name typed to find it (宾馆)
    draft_id: str | None  # the venue's unfinished inspection, if any
    draft_on_site: bool = False  # that draft has a placard scanned on site already
    mark: ScanMark | None = None  # where the scan came from and when (kept as proof)
    outside_grid: str = ""  # the venue's grid, where it is outside mine (server refuses)
    submitted_at: str = ""  # the venue's last inspection submitted (UTC), if any
    patrol_run: str | None = None  # a checkpoint's placard: my due patrol run it starts
    # a checkpoint's placard pasted, typed or read off a photo: my due patrol's route,
    # started only once a reason why it was not scanned is given
    patrol_by_hand: PlacardPatrol | None = None


def check_scan(text: str, mark: ScanMark | None, *, over_inspection: bool) -> CheckedScan:
    """`text` checked, as scanned (or typed) with an inspection open or not (`over_inspection`:
    the venue's draft and patrol are not looked up then). Opens its own store connection."""
    from fieldapp.domain.placard import NOT_FIELDAPP, typed_search
    from fieldapp.services.inspection import scan_proof, venue_drafts, venue_scope
    from fieldapp.services.placards import printing as placards
    from fieldapp.store import db

    with db.connection_context():
        result = placards.verify_scan(text)
        draft_id, on_site, outside_grid, submitted_at = None, False, "", ""
        if result.venue_id is not None and not over_inspection:
            draft_id = venue_drafts.draft_for_venue(str(result.venue_id))
            submitted_at = venue_drafts.last_submitted_at(str(result.venue_id))
            on_site = draft_id is not None and scan_proof.draft_scanned_on_site(draft_id)
            outside_grid = venue_scope.grid_outside_mine(str(result.venue_id))
        refusal = _refusal(result)
        # Not over an open inspection: a patrol is not started from inside one.
        patrol = None if over_inspection else _patrol_for(result)
        # Only a scanner's read starts a run on it: text pasted or typed, or a photo's
        # QR, proves no visit, so the run waits for the reason (`patrol_by_hand`).
        scanner = mark is not None and mark.source == WEDGE
        by_hand = patrol if patrol and not patrol.run_id and not scanner else None
        patrol_run = _started(patrol) if patrol and by_hand is None else None
    return CheckedScan(
        text=text,
        venue_id=None if result.venue_id is None else str(result.venue_id),
        venue_name=result.venue_name,
        venue_code=result.check.venue_code,
        signed=result.ok,
        payload=result.payload,
        refusal=refusal,
        # Only a plausible venue code: a URL or other text is no placard at all.
        typed_unknown=(
            result.kind == "unknown_venue"
            and not result.check.key_id
            and result.message() == refusal
        ),
        # Typed into F2 by a person: a scanner's burst of another QR code is no search.
        typed_name=(
            result.kind == NOT_FIELDAPP
            and mark is not None
            and mark.source == TYPED
            and typed_search(text)
        ),
        draft_id=draft_id,
        draft_on_site=on_site,
        mark=mark,
        outside_grid=outside_grid,
        submitted_at=submitted_at,
        patrol_run=patrol_run,
        patrol_by_hand=by_hand,
    )


def _refusal(result: ScanResult) -> str:
    """Why a scan opens nothing; a patrol checkpoint's placard says where it belongs: a
    checkpoint of my run in progress, to check in at there (a typed code by hand, m); with
    no run and none due to start, why none can (a campaign off…), as Enter on ctrl+g's
    list says it: "start the patrol first" sent people where nothing starts."""
    from fieldapp.domain.clock import today
    from fieldapp.services.patrols.placard_start import patrol_of_placard
    from fieldapp.services.patrols.runs import is_checkpoint
    from fieldapp.tui.views.patrol_row import why_none_to_start
    from fieldapp.tui.views.patrols import load_patrols

    code = result.check.venue_code
    if result.kind == "unknown_venue" and is_checkpoint(code):
        if (patrol := patrol_of_placard(code)) is not None and patrol.run_id:
            return t("patrol.scan.typed_in_run", code=code)
        if not (data := load_patrols(today(), today())).due:  # ctrl+g starts nothing
            return t("patrol.scan.none_to_start", code=code, reason=why_none_to_start(data))
        return t("patrol.scan.outside_run", code=code)
    return result.message()


def _patrol_for(result: ScanResult) -> PlacardPatrol | None:
    """The patrol a checkpoint's placard belongs to, if one of mine is due (not started)."""
    from fieldapp.services.patrols.placard_start import patrol_of_placard

    if result.kind != "unknown_venue" or not result.check.key_id:
        return None  # only a signed placard starts a patrol; a typed code proves nothing
    return patrol_of_placard(result.check.venue_code)


def _started(patrol: PlacardPatrol) -> str | None:
    """The patrol's run: resumed, or started here now."""
    from fieldapp.services.patrols import runs

    try:
        return patrol.run_id or runs.start_run(patrol.route_id).id
    except runs.PatrolRefused:
        return None
