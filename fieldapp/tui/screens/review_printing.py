"""The review screen's PDFs, written under FIELDAPP_HOME/documents: a rectification notice
per venue of the chosen findings, and the hand-over letter of the chosen hand-overs; one
PDF at a time, and each said as written only where the file is there whole.

`ReviewPrinting` is the base of `ReviewActions` (and so of `ReviewScreen`, which supplies
the chosen findings); its `Said` is the screen's sentence for the person, posted by the
actions too. Every store call runs in a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from fieldapp.i18n import t
from fieldapp.services.review import ReviewRow
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.screens.review_rows import (
    documents_dir,
    notices_said,
    safe_name,
    written_whole,
)


class ReviewPrinting(FieldScreen[None]):
    """Notices and hand-over letters of the chosen findings; the sentence said after."""

    @dataclass
    class Said(Message):
        """A sentence for the person: a refusal, a path written, a conflict acknowledged."""

        text: str
        severity: str = "information"
        reload: bool = False

    if TYPE_CHECKING:
        # Supplied by ReviewScreen (the list); declared for the type checker only.
        marked: dict[str, ReviewRow]

        def targets(self) -> list[ReviewRow]: ...

    def _chosen_to_print(self) -> list[ReviewRow]:
        """The chosen findings (the marked, else the cursor's) to print for; none, said
        why, when nothing is chosen or a print is still being written."""
        rows = self.targets()
        if not rows:
            self.notify(t("review_ui.nothing_chosen"), severity="warning")
            return []
        return [] if self._still_printing() else rows

    def action_print_notice(self) -> None:
        """One notice per venue of the chosen findings (the marked, else the cursor's)."""
        rows = self._chosen_to_print()
        if not rows:
            return
        venues = list(dict.fromkeys(r.venue_code for r in rows))
        self.notify(t("review_ui.printing_notices"))
        self._print_notices(venues, self._key_of("print_letter"))

    def _still_printing(self) -> bool:
        """A PDF being made takes a second or two: a key pressed meanwhile starts no
        second one (it would write a duplicate), and says to wait."""
        busy = any(w.group == "review-print" and not w.is_finished for w in self.workers)
        if busy:
            self.notify(t("review_ui.printing_wait"), severity="warning")
        return busy

    def _key_of(self, action: str) -> str:
        """The key of one of this screen's actions, as the footer shows it."""
        for found in self.active_bindings.values():
            if found.binding.action == action:
                return str(self.app.get_key_display(found.binding))
        return ""

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-print")
    def _print_notices(self, venue_codes: list[str], letter_key: str) -> None:
        from fieldapp.reports.notices import render_notice
        from fieldapp.reports.placards import FontMissing
        from fieldapp.services.common.file_names import free_path
        from fieldapp.services.documents.notices import (
            DocumentError,
            NothingToRectify,
            notice_for_venue,
            unit_names,
        )
        from fieldapp.store import db

        written: list[Path] = []
        refusals: list[str] = []
        with db.connection_context():
            for venue_code in venue_codes:
                try:
                    doc = notice_for_venue(venue_code)
                    # A reprint keeps the first (a notice handed out): -2, as a letter's.
                    out = free_path(documents_dir() / f"notice-{safe_name(doc.number)}.pdf", "pdf")
                    render_notice(doc, out)
                except NothingToRectify as nothing:
                    if nothing.units and letter_key:
                        units = unit_names(nothing.units)
                        said = t("review_ui.notice_handed_over", venue=nothing.venue,
                                 units=units, letter_key=letter_key)  # fmt: skip
                        refusals.append(said)
                    else:
                        refusals.append(str(nothing))
                    continue
                except (DocumentError, FontMissing, OSError) as exc:
                    refusals.append(str(exc))
                    continue
                written.append(out)
        if len(venue_codes) == 1:
            self.post_message(
                self._printed(written[0]) if written else self.Said(refusals[0], "error")
            )
            return
        self.post_message(self._printed_notices(written, refusals))

    def _printed_notices(self, written: list[Path], refusals: list[str]) -> ReviewPrinting.Said:
        """Several venues' notices: how many were written and where, and why any were not."""
        there = [out for out in written if written_whole(out)]
        refusals = [*refusals, *(t("review_ui.print_missing", path=out)
                                 for out in written if out not in there)]  # fmt: skip
        return self.Said(notices_said(there, refusals), "warning" if refusals else "information")

    def _printed(self, out: Path) -> ReviewPrinting.Said:
        """ "Wrote <path>" only for a file that is there and not empty; anything else is
        said as the failure it is."""
        if not written_whole(out):
            return self.Said(t("review_ui.print_missing", path=out), "error")
        return self.Said(t("review_ui.printed", path=out))

    def action_print_letter(self) -> None:
        """The letter of the marked hazards; with none marked, of the whole hand-over the
        cursor's hazard went with (every hazard under its receiving unit and 文号), as a
        batch handed over with F10 is one letter to the unit."""
        rows = self._chosen_to_print()
        if not rows:
            return
        self.notify(t("review_ui.printing_letter"))
        self._print_letter([r.finding_id for r in rows], whole_hand_over=not self.marked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-print")
    def _print_letter(self, ids: list[str], *, whole_hand_over: bool) -> None:
        from fieldapp.reports.notices import render_handover_letter
        from fieldapp.reports.placards import FontMissing
        from fieldapp.services.common.file_names import free_path
        from fieldapp.services.documents.notices import (
            DocumentError,
            handed_over_together,
            handover_letter,
        )
        from fieldapp.store import db

        with db.connection_context():
            try:
                if whole_hand_over:
                    ids = handed_over_together(ids[0])
                letter = handover_letter(ids)
                name = f"handover-{letter.handed_over_on:%Y%m%d}-{safe_name(letter.reference)}"
                # A letter reprinted for more of the hand-over's hazards keeps the first:
                # -2, -3 as an export's file, and the sentence after names the one written.
                out = free_path(documents_dir() / f"{name}.pdf", "pdf")
                render_handover_letter(letter, out)
            except (DocumentError, FontMissing, OSError) as exc:
                self.post_message(self.Said(str(exc), "error"))
                return
        self.post_message(self._printed(out))
