"""What a scan does, wherever it comes from: a wedge burst on any screen, or the scan dialog.

`ScanningApp` is the base of FieldApp that routes a scanned or typed text:

- the same placard again within the repeat window (scanners read twice), unless the
  venue's offer was declined since: ignored;
- a signed placard, verified offline, of a venue on this device (one outside my grids,
  which the server refuses an inspection of, says so first):
  - no inspection open: `ScannedVenueDialog` offers to start (or resume) the venue's
    inspection, which then records presence "scanned" with the payload and the time;
  - the inspection of that same venue open: its presence becomes "scanned";
  - the inspection of another venue open: a warning, and nothing changes;
- a plain venue code (typed, no signature): proves nothing, so it is a venue chosen by
  hand — the PresenceDialog asks why; so does a signed placard's text typed or pasted
  into the scan dialog (`TYPED`): a colleague can send it by chat, it proves no visit
  (a scanner's burst there is `WEDGE`, a scan);
- a path to a photo of a placard, typed into the scan dialog: its QR is decoded and
  routed as above, as a scan from the camera (`parts.scan_photos`: only the latest
  scan's read counts);
- while a patrol run is open (its screen anywhere in the stack): the run's, which checks
  in at the checkpoint the placard names (`PatrolRunScreen.scan`); a checkpoint's signed
  placard scanned elsewhere starts (or resumes) my patrol of it that is due, and checks in;
  its text pasted or typed, or a photo's, asks why first and starts it only with a
  reason (`parts.patrol_by_hand`);
- anything else: the refusal's own message (forged, damaged, revoked, unknown key — sync,
  venue not on this device — sync).

A scan typed into the scan dialog: a message is said in the dialog, which stays open for
the next try (`say_about_scan`); a scan that leads somewhere closes it first
(`close_scan_dialog`), as it closes the other dialog that expects a scan (`TAKES_SCANS`:
why a venue or a checkpoint was chosen by hand; the scan is the answer, and its refusals
are said in it too). A note typed there is not lost unasked (`parts.scan_dialogs`).

A scan while any other dialog is on top (a confirmation, a form) does nothing but say to
close the dialog first (`scan_unexpected`), as the app's keys that go somewhere do nothing there
(`Navigation.check_action`): it opened the scanned venue's dialog over a half-answered
one. Its keys are held and dropped, not typed into the dialog's field, nor its Enter
taken by the dialog's button.

The checking runs in a thread worker (`parts.scan_checks`: the placard's check and what the
store says of its venue); the decisions run on the app's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events, on, work

from fieldapp.i18n import t
from fieldapp.services.common.photos import IMAGE_SUFFIXES
from fieldapp.services.common.typed_paths import (
    PLACARD_PHOTO,
    PathRefused,
    looks_like_path,
    typed_path,
)
from fieldapp.services.inspection.scan_proof import CAMERA, TYPED, WEDGE, ScanMark
from fieldapp.tui.parts.patrol_by_hand import PatrolByHand
from fieldapp.tui.parts.scan_dialogs import ScanDialogs
from fieldapp.tui.parts.scan_photos import ScanPhotos
from fieldapp.tui.scanner import RepeatGuard, looks_like_payload
from fieldapp.tui.widgets.wedge import WedgeListener, WedgeScanned

# The dialogs and the placard checks (qrcode, PIL) are imported when a scan comes: the
# home screen shows without them.
if TYPE_CHECKING:
    from fieldapp.tui.dialogs.presence import PresenceChoice
    from fieldapp.tui.parts.scan_checks import CheckedScan

# Settings (services.common.settings) that tune the wedge heuristics; defaults in fieldapp.tui.scanner.
SETTING_KEY_GAP_MS = "scan_key_gap_ms"
SETTING_MIN_LENGTH = "scan_min_length"
SETTING_REPEAT_SECONDS = "scan_repeat_seconds"


@dataclass(frozen=True, slots=True)
class OpenInspection:
    """The draft inspection on screen when a scan came in."""

    inspection_id: str
    venue_id: str
    label: str  # 名称（编号）, as the scanned venue is written beside it


def _typed(scan: CheckedScan) -> bool:
    return scan.mark is None or scan.mark.source == TYPED


def _not_proof(scan: CheckedScan) -> str:
    """Why a scan of a venue proves no visit: a placard's text pasted or typed, an
    unsigned placard read, or a venue code typed by hand."""
    if scan.signed:
        key = "placard.check.typed_placard"
    elif _typed(scan):
        key = "placard.check.plain_code"
    else:
        key = "placard.check.unsigned_placard"
    return t(key, code=scan.venue_code)


class ScanningApp(WedgeListener, ScanPhotos, PatrolByHand, ScanDialogs):
    """Routes scans; FieldApp provides `open_venue` and `offer_draft`."""

    def __init__(self) -> None:
        super().__init__()
        self.scan_repeats = RepeatGuard()

    if TYPE_CHECKING:
        # Supplied by FieldApp: resume or start the venue's inspection. Declared for the
        # type checker only, so mypy checks the calls below against FieldApp's signature.
        def open_venue(
            self,
            venue_id: str,
            *,
            presence: str,
            payload: str = "",
            reason: str = "",
            note: str = "",
            scan: ScanMark | None = None,
        ) -> None: ...

        def offer_draft(self, inspection_id: str) -> None: ...  # continue an unfinished one

        def record_scanned(  # the placard of the venue being inspected: presence scanned
            self, inspection_id: str, payload: str, mark: ScanMark | None
        ) -> None: ...

    @on(events.Mount)
    def _configure_scanning(self) -> None:
        """The wedge heuristics from the settings, where someone tuned them."""
        from fieldapp.services.common import settings

        try:
            gap_ms = settings.get(SETTING_KEY_GAP_MS)
            min_length = settings.get(SETTING_MIN_LENGTH)
            repeat = settings.get(SETTING_REPEAT_SECONDS)
        except Exception:  # a store without settings yet: the defaults
            return
        if gap_ms:
            self.wedge.max_gap = float(gap_ms) / 1000
        if min_length:
            self.wedge.min_length = int(min_length)
        if repeat is not None:
            self.scan_repeats.window = float(repeat)

    def wedge_enabled(self) -> bool:
        # A screen that takes no scans (the welcome screen: nothing to verify a placard
        # with before enrolment) gets every key as typed, so a code pasted into its field
        # stays there.
        if self.dialog_open():  # a burst is held, then dropped unless the dialog takes scans
            return True
        allowed = getattr(self.screen, "ALLOWED_APP_ACTIONS", None)
        return allowed is None or "scan" in allowed

    def wedge_reads_every_burst(self) -> bool:
        # The scan dialog: a scanner's burst into its field is a scanner's scan (kept as
        # such in the visit's proof), whatever it reads; typing there stays typed.
        from fieldapp.tui.dialogs.scan import ScanDialog

        return isinstance(self.screen, ScanDialog)

    @on(WedgeScanned)
    def _wedge_scanned(self, event: WedgeScanned) -> None:
        event.stop()
        if self.scan_unexpected():
            self.notify(t("scan.close_dialog_first"), severity="warning")  # not dropped unsaid
            return
        self.scan_text(event.text, source=WEDGE)

    def scan_unexpected(self) -> bool:
        """Is a dialog on top that takes no scan (see the module docstring)?"""
        dialog = self.dialog_on_top()
        return dialog is not None and not getattr(dialog, "TAKES_SCANS", False)

    def scan_text(self, text: str, source: str = TYPED) -> None:
        """A keyboard-wedge scan (or a typed code): open the venue it names, or say why not.
        `source` (scan_proof.SCAN_SOURCES) is kept with the scan as proof."""
        from fieldapp.domain.clock import now_iso
        from fieldapp.tui.dialogs.scan import ScanDialog

        mark = ScanMark.now(source, now_iso())
        text = text.strip()
        self.photo_request += 1  # a photo still being read is answered by this scan
        if not text:
            self.say_about_scan(t("scan.empty"), severity="warning")
            return
        if source == WEDGE and isinstance(self.screen, ScanDialog):
            self.screen.show_scanned(text)  # a refusal keeps it there to be corrected
        if source != CAMERA and looks_like_path(text, IMAGE_SUFFIXES):  # typed, or a burst
            try:  # no file there (or a folder, ~nosuchuser, a name too long): said so
                typed_path(text, PLACARD_PHOTO)
            except PathRefused as refused:
                self.say_about_scan(str(refused))
                return
            self.read_photo(text)
            return
        if looks_like_payload(text) and self.scan_repeats.repeated(text.upper()):
            self.log.info("placard scanned again within the repeat window: ignored")
            self.close_scan_dialog()
            return
        run = self._patrol_run()
        if run is not None:  # a patrol is being walked: the scan checks in at a checkpoint
            self.close_scan_dialog(lambda: run.scan(text, source), scanned=text)
            return
        self._check_scan(text, self.open_inspection(), mark)

    def _patrol_run(self) -> Any:
        for screen in reversed(self.screen_stack):
            if getattr(screen, "patrol_run_id", None):
                return screen
        return None

    def show_patrol_run(self, run_id: str, text: str, source: str) -> None:
        """Open the run a checkpoint's placard started, and check in with that scan."""
        from fieldapp.tui.messages import WaitingChanged
        from fieldapp.tui.screens.patrol_run import PatrolRunScreen

        def show() -> None:
            screen = PatrolRunScreen(run_id)
            self.push_screen(screen)
            self.call_after_refresh(screen.scan, text, source)
            self.post_message(WaitingChanged())  # the status bar: a patrol in progress

        self.close_scan_dialog(show, scanned=text)

    def open_inspection(self) -> OpenInspection | None:
        """The draft inspection being worked on (its screen anywhere in the stack)."""
        for screen in reversed(self.screen_stack):
            inspection_id = getattr(screen, "inspection_id", None)
            view = getattr(screen, "view", None)
            if inspection_id and view is not None and not getattr(view, "read_only", True):
                venue = view.venue
                label = t("venue.label", name=venue.name, code=venue.code)
                return OpenInspection(str(inspection_id), str(venue.id), label)
        return None

    @work(thread=True, exclusive=True, exit_on_error=False, group="scan")
    def _check_scan(
        self, text: str, open_now: OpenInspection | None, mark: ScanMark | None = None
    ) -> None:
        from fieldapp.tui.parts.scan_checks import check_scan

        checked = check_scan(text, mark, over_inspection=open_now is not None)
        if checked.patrol_run is not None and mark is not None:  # a due patrol's checkpoint
            self.call_from_thread(self.show_patrol_run, checked.patrol_run, text, mark.source)
            return
        if checked.patrol_by_hand is not None:  # pasted, typed or a photo's: ask why first
            self.call_from_thread(self.ask_why_not_scanned, checked)
            return
        self.call_from_thread(self.scan_checked, checked, open_now)

    def scan_checked(self, scan: CheckedScan, open_now: OpenInspection | None) -> None:
        """Act on a checked scan (see the module docstring)."""
        if self.scan_unexpected():  # a dialog opened while it was checked
            return
        if scan.venue_id is None:
            if scan.typed_unknown or scan.typed_name:
                from fieldapp.tui.dialogs.scan import ScanDialog

                # "/" finds a venue by name from home, but types into the open dialog.
                in_dialog = isinstance(self.screen, ScanDialog)
                if scan.typed_name:
                    key = "scan.name_in_dialog" if in_dialog else "scan.name"
                else:
                    key = "scan.unknown_in_dialog" if in_dialog else "scan.unknown"
                self.say_about_scan(t(key, code=scan.text.strip()), severity="warning")
            else:
                self.say_about_scan(scan.refusal)
            return
        proves = scan.signed and not _typed(scan)  # pasted or typed text proves no visit
        # As the venue list names it when Enter picks a row: 名称（编号）, one way.
        label = t("venue.label", name=scan.venue_name, code=scan.venue_code)
        if open_now is None and self.placard_of_another(
            scan.venue_id, label, scan.venue_code, scan.text
        ):
            return  # over the dialog asking why another venue has no scan
        if open_now is not None:
            if open_now.venue_id != scan.venue_id:
                self.say_about_scan(
                    t("scan.busy", current=open_now.label, venue=label), severity="warning"
                )
            elif proves:
                record = self.record_scanned
                inspection_id = open_now.inspection_id
                self.close_scan_dialog(
                    lambda: record(inspection_id, scan.payload, scan.mark), scanned=scan.text
                )
            else:  # a placard's text typed or pasted, or a venue code typed
                said = _not_proof(scan) if scan.signed else t("scan.typed_same")
                self.say_about_scan(said, severity="warning")
            return
        if proves:
            self.close_scan_dialog(lambda: self._offer_inspection(scan), scanned=scan.text)
        else:
            self.close_scan_dialog(lambda: self._ask_presence(scan, label), scanned=scan.text)

    def _offer_inspection(self, scan: CheckedScan) -> None:
        assert scan.venue_id is not None
        venue_id = scan.venue_id

        def answered(start: bool | None) -> None:
            if start:
                self.open_venue(venue_id, presence="scanned", payload=scan.payload, scan=scan.mark)
            else:  # declined: the same placard scanned again is asked about again
                self.scan_repeats.forget(scan.text.upper())

        from fieldapp.tui.dialogs.scanned import ScannedVenueDialog

        dialog = ScannedVenueDialog(
            venue_id,
            venue=scan.venue_name,
            code=scan.venue_code,
            resume=scan.draft_id is not None,
            outside=scan.outside_grid,
            source=scan.mark.source if scan.mark else "",  # a photo's read says so
            on_site=scan.draft_on_site,  # and that the draft's scan on site stands
            submitted_at=scan.submitted_at,  # one submitted today is said
        )
        self.open_dialog(dialog, answered)

    def _ask_presence(self, scan: CheckedScan, label: str) -> None:
        """A plain code (typed, or read off an unsigned placard): a venue chosen by hand,
        so ask why (the code is no reason); one with an unfinished inspection asks
        nothing, its draft is offered (`offer_draft`)."""
        from fieldapp.services.inspection.inspections import PRESENCE_REASONS
        from fieldapp.tui.dialogs.outside_grid import warn_outside_grid
        from fieldapp.tui.dialogs.presence import PresenceDialog

        assert scan.venue_id is not None
        venue_id = scan.venue_id

        def chosen(choice: PresenceChoice | None) -> None:
            if choice is not None:
                self.open_venue(venue_id, presence="manual", reason=choice.reason, note=choice.note)

        def ask() -> None:
            if scan.draft_id is not None:  # its presence is on record with the draft
                self.offer_draft(scan.draft_id)
                return
            # Said in the dialog it is about: a toast sat over its buttons.
            said = _not_proof(scan)
            dialog = PresenceDialog(
                label, PRESENCE_REASONS, code=scan.venue_code, said=said, venue_id=venue_id
            )
            self.open_dialog(dialog, chosen)

        resume = scan.draft_id is not None
        warn_outside_grid(
            self.open_dialog, label, outside=scan.outside_grid, resume=resume, then=ask
        )
