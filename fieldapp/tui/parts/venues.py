"""Opening a venue's inspection, and the other ways into an inspection: the app's half.

- chosen by hand (a `VenueChosen` from Home, Find venue, rounds or a returned
  inspection): a venue outside my grids warns first (`OutsideGridDialog`: the server
  refuses its inspection), then PresenceDialog asks why
  → `open_venue(presence="manual", reason=…, note=…)`; a venue with an unfinished
  inspection asks no reason (the draft holds its presence) but offers to continue it
  (`offer_draft`, 继续未完成的检查？), as a typed code in F2 does;
- scanned (see `fieldapp.tui.parts.scanning`) → `open_venue(presence="scanned", payload=…)`;
  the placard of the venue being inspected → `record_scanned` (a code read from a photo
  is said so, and that a draft scanned on site before stays a scan);
- `open_venue` resumes the venue's draft or starts an inspection (in a thread worker),
  then `show_inspection` pushes InspectScreen(inspection_id);
- a new inspection that supersedes a returned one (`n` in the returned list) warns of
  the returned one's hazards still open, which it does not close;
- a draft chosen on Home resumes it; an open hazard chosen on Home opens the re-inspection;
- `i` on a venue (a `HistoryWanted`) shows its submitted inspections, one history at a
  time: the same venue's is returned to, another venue's takes its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import ModalScreen

from fieldapp.i18n import listed, t
from fieldapp.services.inspection.scan_proof import CAMERA, ScanMark
from fieldapp.tui.parts.navigation import Navigation
from fieldapp.tui.screens import HistoryWanted, InspectionReady, VenueChosen
from fieldapp.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from fieldapp.tui.dialogs.presence import PresenceChoice


class VenueOpening(Navigation):
    @on(VenueChosen)
    def _venue_chosen(self, event: VenueChosen) -> None:
        self._check_chosen(event.venue_id, event.label)

    @work(thread=True, exclusive=True, exit_on_error=False, group="venue-chosen")
    def _check_chosen(self, venue_id: str, label: str) -> None:
        """Whether the venue lies outside my grids (and has a draft), before asking why."""
        from fieldapp.services.inspection import venue_drafts, venue_scope
        from fieldapp.store import db

        with db.connection_context():
            outside = venue_scope.grid_outside_mine(venue_id)
            draft = venue_drafts.draft_for_venue(venue_id)
        self.call_from_thread(self._ask_why_chosen, venue_id, label, outside, draft)

    def _ask_why_chosen(self, venue_id: str, label: str, outside: str, draft: str | None) -> None:
        """A venue outside my grids says the server refuses its inspection first (as its
        scanned placard would), then PresenceDialog asks why it was chosen by hand, or
        continuing its unfinished inspection (`draft`) is offered."""
        from fieldapp.services.inspection.inspections import PRESENCE_REASONS
        from fieldapp.tui.dialogs.outside_grid import warn_outside_grid
        from fieldapp.tui.dialogs.presence import PresenceDialog

        def chosen(choice: PresenceChoice | None) -> None:
            if choice is not None:
                self.open_venue(venue_id, presence="manual", reason=choice.reason, note=choice.note)

        def ask() -> None:
            if draft is not None:
                self.offer_draft(draft)
            else:
                dialog = PresenceDialog(label, PRESENCE_REASONS, venue_id=venue_id)
                self.open_dialog(dialog, chosen)

        resume = draft is not None
        warn_outside_grid(self.open_dialog, label, outside=outside, resume=resume, then=ask)

    def offer_draft(self, inspection_id: str) -> None:
        """A venue with an unfinished inspection, chosen again by hand (on Home, its code
        typed in F2): the draft holds its presence (a scan, or a reason given), so no
        reason is asked; continuing it is offered (继续未完成的检查？), as at start-up."""
        self._offer_draft(inspection_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="draft-offer")
    def _offer_draft(self, inspection_id: str) -> None:
        from fieldapp.services.inspection.venue_drafts import draft_brief
        from fieldapp.store import db

        with db.connection_context():
            brief = draft_brief(inspection_id)
        self.call_from_thread(self._show_draft_offer, inspection_id, brief)

    def _show_draft_offer(self, inspection_id: str, brief: tuple[str, str, str, str]) -> None:
        from fieldapp.tui.dialogs.resume import ResumeDialog
        from fieldapp.tui.views.home import local_time

        def answered(resume: bool | None) -> None:
            if resume:
                self.show_inspection(inspection_id)

        venue, code, started_at, item = brief
        dialog = ResumeDialog(
            inspection_id, venue=venue, code=code, started=local_time(started_at), item=item
        )
        self.open_dialog(dialog, answered)

    @on(HistoryWanted)
    def _history_wanted(self, event: HistoryWanted) -> None:
        from fieldapp.tui.screens.venue_history import VenueHistoryScreen

        history = VenueHistoryScreen(event.venue_id, event.name, event.code)
        self.show_place(history, lambda open_: open_.venue_id == event.venue_id)

    def open_venue(
        self,
        venue_id: str,
        *,
        presence: str,
        payload: str = "",
        reason: str = "",
        note: str = "",
        scan: ScanMark | None = None,
    ) -> None:
        """Resume the venue's draft or start an inspection, then show it; `scan` is the
        placard scan that opened it (kept as proof of the visit)."""
        self._open_venue(venue_id, presence, payload, reason, note, scan)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open-venue")
    def _open_venue(
        self,
        venue_id: str,
        presence: str,
        payload: str,
        reason: str,
        note: str,
        scan: ScanMark | None,
    ) -> None:
        from fieldapp.services.inspection import inspections, supersession, venue_drafts
        from fieldapp.services.inspection.startable import StartRefused
        from fieldapp.store import db

        hazards: list[tuple[str, str]] = []
        with db.connection_context():
            inspection_id = venue_drafts.draft_for_venue(venue_id)
            resumed = inspection_id is not None
            if inspection_id is None:
                try:
                    inspection_id = inspections.start_inspection(
                        venue_id, presence=presence, payload=payload, reason=reason,
                        note=note, scan=scan,
                    )  # fmt: skip
                except StartRefused as refused:  # no checklist: said as such, nothing written
                    self.call_from_thread(self.notify, str(refused), severity="warning")
                    return
                hazards = supersession.open_hazards(inspection_id)  # of the returned one
            elif presence == "scanned":
                # A placard scanned during a draft proves the visit after all.
                inspections.record_presence(
                    inspection_id, presence="scanned", payload=payload, scan=scan
                )
        self.post_message(InspectionReady(inspection_id, resumed))
        if hazards:  # so the re-inspection does not record them a second time blindly
            shown = listed(f"{code} {_cut(text, 16)}" for code, text in hazards)
            said = t("returned.open_hazards", count=len(hazards), hazards=shown)
            # Brief: it covers the hazard form, which warns of an open hazard on its item.
            self.call_from_thread(self.notify, said, severity="warning", timeout=8)

    def record_scanned(self, inspection_id: str, payload: str, mark: ScanMark | None) -> None:
        """The placard of the venue being inspected, scanned (`parts.scanning`)."""
        self._record_scanned(inspection_id, payload, mark)

    @work(thread=True, exit_on_error=False, group="scan-presence")
    def _record_scanned(self, inspection_id: str, payload: str, mark: ScanMark | None) -> None:
        """The placard of the venue being inspected: its presence is now "scanned"."""
        from fieldapp.services.inspection import inspections, scan_proof
        from fieldapp.store import db

        with db.connection_context():
            on_site = scan_proof.draft_scanned_on_site(inspection_id)
            inspections.record_presence(
                inspection_id, presence="scanned", payload=payload, scan=mark
            )
        # A photo's read is said so, never as a scan on site; nor as the record's word
        # where the draft has a scan on site, which it keeps.
        key = "notify.presence_recorded"
        if mark is not None and mark.source == CAMERA:
            key = "notify.presence_photo_after_scan" if on_site else "notify.presence_from_photo"
        said = t(key)
        self.call_from_thread(self.notify, said)

    @on(InspectionReady)
    def _inspection_ready(self, event: InspectionReady) -> None:
        if getattr(self.screen, "inspection_id", None) == event.inspection_id:
            # Scanned the placard of the venue being inspected: presence is now recorded.
            self.notify(t("notify.presence_recorded"))
            return
        self.show_inspection(event.inspection_id)

    def show_inspection(self, inspection_id: str) -> None:
        """Show the inspection; it picks up at its current item. The one open is returned
        to; another open one is left as a draft; a find-venue screen on top gives its place
        (see `fieldapp.tui.parts.navigation`)."""
        try:
            from fieldapp.tui.screens.find_venue import FindVenueScreen
            from fieldapp.tui.screens.inspect import InspectScreen
        except ImportError:
            self.notify(t("home.not_available", what=t("home.what.inspect")), severity="error")
            return
        open_ = self.open_place(InspectScreen)
        if open_ is not None and open_.inspection_id == inspection_id:
            self.return_to(open_)
            return
        new = InspectScreen(inspection_id)
        if open_ is not None:
            self.notify(t("nav.left_as_draft", venue=open_.venue_label))
            self.replace_from(open_, new)
            return
        places = [s for s in self.screen_stack if not isinstance(s, ModalScreen)]
        self.replace_from(places[-1] if isinstance(places[-1], FindVenueScreen) else None, new)

    @on(HomeScreen.DraftChosen)
    def _draft_chosen(self, event: HomeScreen.DraftChosen) -> None:
        self.show_inspection(event.inspection_id)

    @on(HomeScreen.FindingChosen)
    def _finding_chosen(self, event: HomeScreen.FindingChosen) -> None:
        try:
            from fieldapp.tui.dialogs.reinspect import ReinspectDialog
        except ImportError:
            self.notify(t("home.not_available", what=t("home.what.reinspect")), severity="error")
            return

        def done(changed: bool | None) -> None:
            if changed and isinstance(self.screen, HomeScreen):
                self.screen.reload()

        self.open_dialog(ReinspectDialog(event.finding_id), done)


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"
