"""FieldApp: installs the screens, the app-wide keys and the command palette.

How a venue is opened, from anywhere:
- scanned (a keyboard-wedge burst on any screen, or `action_scan` → ScanDialog, then
  `scan_text`; see `fieldapp.tui.parts.scanning`): a verified placard offers to start or resume
  → `open_venue(presence="scanned", payload=…)`; a typed code asks why, like a venue
  chosen by hand; a refusal notifies;
- chosen by hand (a `VenueChosen` from Home or Find venue): PresenceDialog asks why
  → `open_venue(presence="manual", reason=…, note=…)`;
- `open_venue` resumes the venue's draft or starts an inspection (in a thread worker),
  then `show_inspection` pushes InspectScreen(inspection_id).
"""

from __future__ import annotations

import os
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from fieldapp.tui.commands import FieldCommands, localize_bindings
from fieldapp.tui.dialogs import PresenceChoice, PresenceDialog, ResumeDialog, ScanDialog
from fieldapp.i18n import language, set_language, t
from fieldapp.tui.parts.rounds import RoundsApp
from fieldapp.tui.parts.scanning import ScanningApp
from fieldapp.tui.screens import InspectionReady, VenueChosen, WorkerFailed
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.parts.syncing import SyncApp

BENCH_EXIT_ENV = "FIELDAPP_BENCH_EXIT_ON_READY"


class FieldApp(ScanningApp, SyncApp, RoundsApp):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {FieldCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,f", "find_venue", "Find venue", id="app.find_venue"),
        Binding("f2,ctrl+s", "scan", "Scan", id="app.scan", priority=True),
        Binding("f9", "switch_language", "English", id="app.language"),
        Binding("f1", "toggle_keys", "Keys", id="app.help"),
        Binding("f5", "review", "Review", id="app.review"),
        Binding("f12", "sync", "Sync", id="app.sync"),
        Binding("ctrl+f12", "sync_screen", "Sync status", id="app.sync_screen", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = t("app.title")
        self.offered_resume = False
        self.startup_notes: list[str] = []  # e.g. checklist files refused at start-up
        localize_bindings(self)

    def on_mount(self) -> None:
        self._apply_keymap()
        self.push_screen(HomeScreen())
        for note in self.startup_notes:
            self.notify(note, severity="warning", timeout=15)

    def _apply_keymap(self) -> None:
        """Keys people remapped: the `keymap` setting maps binding ids to keys."""
        from fieldapp.services.common import settings

        try:
            keymap = settings.get("keymap") or {}
        except Exception:  # a store without settings yet: the default keys
            keymap = {}
        if keymap:
            self.set_keymap({str(k): str(v) for k, v in dict(keymap).items()})

    # -- app-wide actions --------------------------------------------------------------

    def action_find_venue(self) -> None:
        from fieldapp.tui.screens.find_venue import FindVenueScreen

        if isinstance(self.screen, FindVenueScreen):
            self.screen.action_focus_search()
        else:
            self.push_screen(FindVenueScreen())

    def action_scan(self) -> None:
        if isinstance(self.screen, ScanDialog):
            return
        self.push_screen(ScanDialog(), self._scanned)

    def _scanned(self, text: str | None) -> None:
        if text is not None:
            self.scan_text(text)

    async def action_switch_language(self) -> None:
        await self.switch_language("en" if language() == "zh" else "zh")

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    async def switch_language(self, lang: str) -> None:
        """Show everything in `lang` from now on and keep it as the `language` setting."""
        set_language(lang)
        self._save_language(lang)
        self.title = t("app.title")
        localize_bindings(self)
        for screen in list(self.screen_stack):
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                await relabel()
            else:
                localize_bindings(screen)
        self.refresh_bindings()
        self.notify(t("notify.language"))

    @work(thread=True, exit_on_error=False, group="settings")
    def _save_language(self, lang: str) -> None:
        from fieldapp.services.common import settings
        from fieldapp.store import db

        with db.connection_context():
            settings.put("language", lang)

    # -- scanning: `scan_text` and the wedge listener are in ScanningApp (fieldapp.tui.parts.scanning)

    # -- review (supervisors) ------------------------------------------------------------

    person_role: str | None = None  # from the home screen's data; None until it is loaded

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":  # supervisors and administrators only; hidden for others
            return self.person_role in ("supervisor", "admin")
        return super().check_action(action, parameters)

    def action_review(self) -> None:
        from fieldapp.tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    @on(HomeScreen.Loaded)
    def _remember_role(self, event: HomeScreen.Loaded) -> None:
        if event.view.role != self.person_role:
            self.person_role = event.view.role
            self.refresh_bindings()

    # -- opening a venue ---------------------------------------------------------------

    @on(VenueChosen)
    def _venue_chosen(self, event: VenueChosen) -> None:
        from fieldapp.services.inspection.inspections import PRESENCE_REASONS

        def chosen(choice: PresenceChoice | None) -> None:
            if choice is not None:
                self.open_venue(
                    event.venue_id, presence="manual", reason=choice.reason, note=choice.note
                )

        self.push_screen(PresenceDialog(event.label, PRESENCE_REASONS), chosen)

    def open_venue(
        self,
        venue_id: str,
        *,
        presence: str,
        payload: str = "",
        reason: str = "",
        note: str = "",
    ) -> None:
        """Resume the venue's draft or start an inspection, then show it."""
        self._open_venue(venue_id, presence, payload, reason, note)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open-venue")
    def _open_venue(
        self, venue_id: str, presence: str, payload: str, reason: str, note: str
    ) -> None:
        from fieldapp.services.inspection import inspections
        from fieldapp.store import db

        with db.connection_context():
            inspection_id = inspections.draft_for_venue(venue_id)
            resumed = inspection_id is not None
            if inspection_id is None:
                inspection_id = inspections.start_inspection(
                    venue_id, presence=presence, payload=payload, reason=reason, note=note
                )
            elif presence == "scanned":
                # A placard scanned during a draft proves the visit after all.
                inspections.record_presence(inspection_id, presence="scanned", payload=payload)
        self.post_message(InspectionReady(inspection_id, resumed))

    @on(InspectionReady)
    def _inspection_ready(self, event: InspectionReady) -> None:
        if getattr(self.screen, "inspection_id", None) == event.inspection_id:
            # Scanned the placard of the venue being inspected: presence is now recorded.
            self.notify(t("notify.presence_recorded"))
            return
        self.show_inspection(event.inspection_id)

    def show_inspection(self, inspection_id: str) -> None:
        """Push the inspection screen; it picks up at the inspection's current item."""
        try:
            from fieldapp.tui.screens.inspect import InspectScreen
        except ImportError:
            self.notify(t("home.not_available", what=t("home.what.inspect")), severity="error")
            return
        self.push_screen(InspectScreen(inspection_id))

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

        self.push_screen(ReinspectDialog(event.finding_id), done)

    # -- start-up ----------------------------------------------------------------------

    @on(HomeScreen.Loaded)
    def _home_loaded(self, event: HomeScreen.Loaded) -> None:
        if os.environ.get(BENCH_EXIT_ENV) == "1":  # ready: the home data is on screen
            self.call_after_refresh(self.exit)
            return
        if self.offered_resume:
            return
        self.offered_resume = True
        # Background work that would compete with the first screen starts once it is shown.
        self.call_after_refresh(self.start_first_probe)
        self.call_after_refresh(self.start_report_reminders)
        if event.view.drafts:
            newest = event.view.drafts[0]

            def answered(resume: bool | None) -> None:
                if resume:
                    self.show_inspection(newest.inspection_id)

            self.push_screen(
                ResumeDialog(
                    newest.inspection_id,
                    venue=newest.venue,
                    code=newest.code,
                    started=newest.started,
                    item=newest.current_item,
                ),
                answered,
            )

    # -- errors: one place -------------------------------------------------------------

    @on(Worker.StateChanged)
    def _app_worker_state(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    @on(WorkerFailed)
    def _screen_worker_failed(self, event: WorkerFailed) -> None:
        self.report_error(event.error)

    def report_error(self, error: BaseException) -> None:
        from fieldapp.services.common.identity import NotEnrolled

        if isinstance(error, NotEnrolled):
            from fieldapp.tui.screens.welcome import NotEnrolledScreen

            if not isinstance(self.screen, NotEnrolledScreen):
                self.switch_screen(NotEnrolledScreen())
            return
        self.log.error(repr(error))
        self.notify(t("notify.error", error=error), severity="error", timeout=10)


def make_app(*, lang: str | None = None) -> FieldApp:
    """The one factory the CLI and the tests build the app with."""
    if lang:
        set_language(lang)
    return FieldApp()


def run_tui(lang: str | None) -> None:
    """Open the local store, load the shipped checklists, pick the language, run the TUI
    (the start-up sequence lives in `fieldapp.tui.startup`, which does not import Textual)."""
    from fieldapp.tui.startup import run_tui as start

    start(lang)
