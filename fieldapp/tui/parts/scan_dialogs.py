"""The dialogs a scan answers (`TAKES_SCANS`): the scan dialog it was typed into, and why a
venue or a patrol checkpoint was chosen by hand (`PresenceDialog`).

What a scan has to say there (a damaged or forged placard, a venue not on this device,
another inspection open) is said in the dialog's own message line (its `refuse`), not in a
toast drawn over it. A scan that leads somewhere closes the dialog first
(`close_scan_dialog`); a note typed into it is not thrown away unasked: "放弃已填写的
内容？" — discarding goes on with the scan, keeping it says in the dialog that the scan
was not used, and forgets the scan, so the same placard can be scanned again at once.

The placard of another venue than the one the dialog asks about (`placard_of_another`)
is most likely the wrong door: the dialog says whose placard it is and stays, its note
kept; nothing switches. Esc and the same placard again open that venue, by choice.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.notifications import SeverityLevel

from fieldapp.i18n import t
from fieldapp.tui.parts.navigation import Navigation
from fieldapp.tui.scanner import RepeatGuard


class ScanDialogs(Navigation):
    """Mixed into the app before `Navigation`; the app sets `scan_repeats`."""

    scan_repeats: RepeatGuard

    def say_about_scan(self, text: str, severity: SeverityLevel = "error") -> None:
        """Why a scan leads nowhere: in the dialog that takes scans, kept open for the
        next try, or else as a notification."""
        dialog = self.dialog_on_top()
        refuse = getattr(dialog, "refuse", None) if getattr(dialog, "TAKES_SCANS", False) else None
        if callable(refuse):
            refuse(text)
        else:
            self.notify(text, severity=severity, timeout=10)

    def close_scan_dialog(
        self, then: Callable[[], object] | None = None, *, scanned: str = ""
    ) -> None:
        """A scan (`scanned`) leads somewhere: the dialog that expected it has done, and
        `then` goes on. Without `then` (the same placard read again) a dialog with a note
        typed stays as it is: the first read asks, or was answered."""
        from fieldapp.tui.dialogs.discarding import discard_question

        dialog = self.dialog_on_top()
        if dialog is None or not getattr(dialog, "TAKES_SCANS", False):
            if then is not None:
                then()
            return
        typed = getattr(dialog, "typed", None)
        if not (callable(typed) and typed()):
            dialog.dismiss(None)
            if then is not None:
                then()
            return
        if then is None:
            return
        go_on = then

        def answered(discard: bool | None) -> None:
            if discard:
                dialog.dismiss(None)
                go_on()
                return
            self.scan_repeats.forget(scanned.upper())
            refuse = getattr(dialog, "refuse", None)
            if callable(refuse):
                refuse(t("presence.scan_not_used"))

        self.push_screen(discard_question(), answered)

    def placard_of_another(self, venue_id: str, label: str, code: str, scanned: str) -> bool:
        """A placard (`scanned`: of the venue `venue_id`, named `label`, coded `code`) over
        the dialog asking why another venue has no scan: said there, and the scan
        forgotten. False where no such dialog is on top."""
        from fieldapp.tui.dialogs.presence import PresenceDialog

        dialog = self.dialog_on_top()
        if not isinstance(dialog, PresenceDialog) or dialog.venue_id in ("", venue_id):
            return False
        self.scan_repeats.forget(scanned.upper())
        chosen = dialog.venue_label
        dialog.refuse(t("presence.other_placard", venue=label, chosen=chosen, code=code))
        return True
