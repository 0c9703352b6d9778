"""FieldApp: the app-wide keys, the command palette, start-up and the one error handler.

Its concerns are parts it derives from, each in `fieldapp.tui.parts`: scanning (a wedge
burst on any screen, the scan dialog), venues (opening a venue's inspection), syncing (the
/health probe, sync runs), rounds (rounds, daily report, dashboard, export), incidents
(report one from anywhere, the incident queue), activities (the scheduled activities
due and held), campaigns (which are on; a supervisor switches them), locking (the
device PIN and the idle lock), preferences (language, keymap), palette (the palette
and F1's keys, in the language) and quitting (ctrl+q asks first while work is open);
where each key takes a person is `parts.navigation`.
"""

from __future__ import annotations

import os
from typing import ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import Notify
from textual.worker import Worker, WorkerState

from fieldapp.i18n import set_language, t
from fieldapp.services.inspection.scan_proof import TYPED
from fieldapp.tui import (
    cell_lines,
    kinsoku,
    param_counts,
    plain_cells,
    plain_text,
    settled_layout,
    toasts,
    wide_text,
)
from fieldapp.tui.collector import release_collector
from fieldapp.tui.commands import FieldCommands, localize_bindings
from fieldapp.tui.parts.activities import ActivitiesApp
from fieldapp.tui.parts.campaigns import CampaignsApp
from fieldapp.tui.parts.incidents import IncidentsApp
from fieldapp.tui.parts.locking import LockingApp
from fieldapp.tui.parts.palette import PaletteApp
from fieldapp.tui.parts.patrols import PatrolsApp
from fieldapp.tui.parts.people import PeopleApp
from fieldapp.tui.parts.preferences import Preferences
from fieldapp.tui.parts.quitting import QuittingApp
from fieldapp.tui.parts.rounds import RoundsApp
from fieldapp.tui.parts.scanning import ScanningApp
from fieldapp.tui.parts.syncing import SyncApp
from fieldapp.tui.parts.venues import VenueOpening
from fieldapp.tui.screens import BaseScreen, FieldScreen, WorkerFailed
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import DraftRow

BENCH_EXIT_ENV = "FIELDAPP_BENCH_EXIT_ON_READY"
# Toasts shown at once. After 18:00 the grids' daily-report reminders join whatever was
# just said, and a fifth toast reached the footer (120x36) or the header (80x24).
MAX_TOASTS = 3
# Tab and shift+Tab only move between the fields of the screen that is up: allowed on
# every screen, also those that allow few of the app's actions (the PIN, the welcome).
FOCUS_ACTIONS = frozenset({"focus_next", "focus_previous"})


class FieldApp(
    LockingApp,
    ScanningApp,
    VenueOpening,
    SyncApp,
    RoundsApp,
    IncidentsApp,
    Preferences,
    PaletteApp,
    PeopleApp,
    ActivitiesApp,
    PatrolsApp,
    CampaignsApp,
    QuittingApp,
):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {FieldCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,f", "find_venue", "Find venue", id="app.find_venue"),
        Binding("f2,ctrl+s", "scan", "Scan", id="app.scan", priority=True),
        # Priority, like F2: a dialog's binding chain stops at the dialog, and these act
        # there too (`ACTIONS_IN_DIALOGS`).
        Binding("f9", "switch_language", "English", id="app.language", priority=True),
        Binding("f1", "toggle_keys", "Keys", id="app.help", priority=True),
        # Esc closes the F1 panel first (only while it is open: otherwise Esc is the
        # screen's, e.g. back to home).
        Binding(
            "escape", "close_keys", "Hide keys", id="app.close_keys", show=False, priority=True
        ),
        Binding("f5", "review", "Review", id="app.review"),
        # Pressed by someone whose role hides the key above: said, not silently nothing.
        Binding("f5", "supervisors_only('review')", show=False, id="app.review_refused"),
        Binding("f12", "sync", "Sync", id="app.sync"),
        Binding("ctrl+f12", "sync_screen", "Sync status", id="app.sync_screen", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self) -> None:
        wide_text.install()  # Chinese notices over a pane's edge keep every character
        kinsoku.install()  # no wrapped Chinese line starts with "，" nor ends with "（"
        toasts.install()  # a toast's Chinese breaks where a phrase ends, not inside a word
        plain_cells.install()  # a cell holding "[/]" shows it, not a markup error
        plain_text.install()  # so does a label, a notice, an option, a button
        cell_lines.install()  # a cell of one line drawn without rich's layout, as rich would
        settled_layout.install()  # a screen laid out is not laid out again for nothing
        param_counts.install()  # a handler's parameters counted from its code, not inspect
        super().__init__()
        self.title = t("app.title")
        self.offered_resume = False
        self.startup_notes: list[str] = []  # e.g. checklist files refused at start-up
        localize_bindings(self)

    def get_default_screen(self) -> BaseScreen:
        return BaseScreen(id="_default")  # as Textual's, styled once when mounted

    def on_mount(self) -> None:
        self._apply_keymap()
        self.call_after_refresh(release_collector)  # held by run_tui until the first frame
        home = HomeScreen()
        if home.early_view is not None:  # the footer is composed once, with the role's keys
            self.person_role = home.early_view.role
        self.push_screen(home)
        for note in self.startup_notes:
            self.notify(note, severity="warning", timeout=15)

    async def _on_resize(self, event: events.Resize) -> None:
        """A terminal size the app has already: Textual keeps every report and hands it to
        the screens when the app is next idle, each laying itself out and drawing again. The
        driver reports the terminal's size once as it starts, when the app has taken that
        size already, so home was laid out and drawn a second time just after its first
        frame (in a terminal as in the bench) for a size that had not changed. A size the
        app does not have yet goes to Textual as before."""
        if event.size == self._size:
            event.prevent_default()  # not Textual's App._on_resize either
            event.stop()

    def action_find_venue(self) -> None:
        from fieldapp.tui.screens.find_venue import FindVenueScreen

        self.go_to(FindVenueScreen)

    def action_scan(self) -> None:
        from fieldapp.tui.dialogs.scan import ScanDialog

        self.open_dialog(ScanDialog(lambda text: self.scan_text(text, source=TYPED)))

    person_role: str | None = None  # from the home screen's data; None until it is loaded

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_keys":
            return self.keys_shown()
        allowed = getattr(self.screen, "ALLOWED_APP_ACTIONS", None)  # e.g. the welcome screen
        if allowed is not None and action not in allowed and action not in FOCUS_ACTIONS:
            return False
        if action in getattr(self.screen, "REFUSED_APP_ACTIONS", ()):  # e.g. ctrl+s saves a form
            return False
        if action == "review" and self.person_role not in ("supervisor", "admin"):
            return False  # supervisors and administrators only; hidden for others
        return super().check_action(action, parameters)  # and not over a dialog

    def action_supervisors_only(self, what: str) -> None:
        """A supervisor's key pressed by someone whose role hides it: said on the screen
        it was pressed on, and gone when that screen is left."""
        if isinstance(self.screen, FieldScreen):
            self.screen.explain(t(f"app.supervisors_only.{what}"))
        else:
            self.notify(t(f"app.supervisors_only.{what}"), severity="warning")

    def action_review(self) -> None:
        from fieldapp.tui.screens.review import ReviewScreen

        self.go_to(ReviewScreen)

    @on(HomeScreen.Loaded)
    def _remember_role(self, event: HomeScreen.Loaded) -> None:
        if event.view.role != self.person_role:
            self.person_role = event.view.role
            self.refresh_bindings()

    @on(HomeScreen.Loaded)
    def _home_loaded(self, event: HomeScreen.Loaded) -> None:
        if os.environ.get(BENCH_EXIT_ENV) == "1":  # ready: the home data is on screen
            self.call_after_refresh(self._bench_ready)
            return
        if self.offered_resume:
            return
        self.offered_resume = True
        # Background work that would compete with the first screen starts once it is shown.
        self.call_after_refresh(self.start_first_probe)
        self.call_after_refresh(self.start_report_reminders)
        if event.view.drafts:
            newest = event.view.drafts[0]
            self.when_unlocked(lambda: self._offer_resume(newest))

    def _offer_resume(self, newest: DraftRow) -> None:
        from fieldapp.tui.dialogs.resume import ResumeDialog

        def answered(resume: bool | None) -> None:
            if resume:
                self.show_inspection(newest.inspection_id)

        self.open_dialog(
            ResumeDialog(
                newest.inspection_id,
                venue=newest.venue,
                code=newest.code,
                started=newest.started,
                item=newest.current_item,
            ),
            answered,
        )

    def _bench_ready(self) -> None:
        from fieldapp.tui.marks import mark

        mark("ready")
        self.exit()

    @on(Worker.StateChanged)
    def _app_worker_state(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    @on(WorkerFailed)
    def _screen_worker_failed(self, event: WorkerFailed) -> None:
        self.report_error(event.error)

    def _on_notify(self, event: Notify) -> None:
        """A new toast makes way for itself: the oldest go first, so at most MAX_TOASTS
        stand above the footer and the newest message is always among them."""
        shown = list(self._notifications)
        for old in shown[: max(0, len(shown) - MAX_TOASTS + 1)]:
            self._unnotify(old, refresh=False)
        super()._on_notify(event)

    def report_error(self, error: BaseException) -> None:
        from fieldapp.services.common.identity import NotEnrolled

        if isinstance(error, NotEnrolled):
            from fieldapp.tui.screens.welcome import NotEnrolledScreen

            if not isinstance(self.screen, NotEnrolledScreen):
                self.switch_screen(NotEnrolledScreen())
            return
        from fieldapp.tui.error_words import error_in_words

        self.log.error(repr(error))
        self.notify(error_in_words(error), severity="error", timeout=10)


def make_app(*, lang: str | None = None) -> FieldApp:
    """The one factory the CLI and the tests build the app with."""
    if lang:
        set_language(lang)
    return FieldApp()
