"""A checkpoint's placard pasted, typed or read off a photo outside any run: it proves no
visit, so the run is not started on it. Why the checkpoint was not scanned is asked
first (the presence dialog, with the patrol's reasons); a reason given starts the run
with that visit by hand and opens it (`services.patrols.placard_start.start_by_hand`);
Esc leaves no run started and nothing recorded. A scanner's read of a checkpoint starts
the run at once (`ScanningApp.show_patrol_run`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import CAMERA
from fieldapp.tui.parts.scan_dialogs import ScanDialogs

if TYPE_CHECKING:
    from fieldapp.services.patrols.placard_start import PlacardPatrol
    from fieldapp.tui.dialogs.presence import PresenceChoice
    from fieldapp.tui.parts.scan_checks import CheckedScan


class PatrolByHand(ScanDialogs):
    """Mixed into the scanning app: asks why, then starts the run."""

    def ask_why_not_scanned(self, scan: CheckedScan) -> None:
        from fieldapp.domain.patrols import MANUAL_REASONS
        from fieldapp.tui.dialogs.presence import PresenceDialog

        patrol = scan.patrol_by_hand
        assert patrol is not None
        read_off_photo = scan.mark is not None and scan.mark.source == CAMERA
        key = "patrol.scan.photo" if read_off_photo else "patrol.scan.pasted"
        said = t(key, checkpoint=patrol.label)

        def chosen(choice: PresenceChoice | None) -> None:
            if choice is not None:  # Esc: no run started, nothing recorded
                self._start_by_hand(patrol, choice.reason, choice.note)

        def ask() -> None:
            dialog = PresenceDialog(patrol.label, MANUAL_REASONS, texts="patrol.manual", said=said)
            self.open_dialog(dialog, chosen)

        self.close_scan_dialog(ask, scanned=scan.text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-by-hand")
    def _start_by_hand(self, patrol: PlacardPatrol, reason: str, note: str) -> None:
        from fieldapp.services.patrols.placard_start import start_by_hand
        from fieldapp.services.patrols.runs import PatrolRefused
        from fieldapp.store import db

        with db.connection_context():
            try:
                run_id = start_by_hand(patrol.route_id, patrol.checkpoint_id, reason, note)
            except PatrolRefused as refused:
                self.call_from_thread(self.notify, str(refused), severity="error")
                return
        self.call_from_thread(self._show_started, run_id)

    def _show_started(self, run_id: str) -> None:
        from fieldapp.tui.messages import WaitingChanged
        from fieldapp.tui.screens.patrol_run import PatrolRunScreen

        self.push_screen(PatrolRunScreen(run_id))
        self.notify(t("patrol.run.saved"))
        self.post_message(WaitingChanged())  # the status bar: a patrol in progress
