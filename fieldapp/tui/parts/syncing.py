"""Sync in the TUI: the app's half. FieldApp derives from SyncApp.

- A /health probe runs in a thread worker every PROBE_EVERY seconds; the status bars show
  online/offline, the ops waiting and the last successful sync. The first one waits until
  the home screen has shown its data (`start_first_probe`, called by FieldApp; at most
  FIRST_PROBE_LATEST seconds): it imports the sync client (httpx, pydantic: ~0.2 s of
  imports in a thread, holding the GIL against the start-up), which delayed the first
  screen by 100+ ms when it ran at mount.
- A sync runs in a thread worker (group "sync"): on demand (F12, `action_sync`, which
  also shows the sync screen), after something was recorded (`SyncRequested`, posted by
  the screens that submit), and every SYNC_EVERY seconds while online. One sync at a
  time: a request during a run queues one more run after it.
- The worker posts `SyncProgress` to the sync screen when it is open and `SyncFinished`
  to the app; the UI thread never waits on the network.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from textual import on, work
from textual.message import Message

from fieldapp.i18n import t
from fieldapp.tui.messages import (
    RefusalsAcknowledged,
    SyncFinished,
    SyncProgress,
    SyncRequested,
    WaitingChanged,
    local_moment,
    nothing_new,
)
from fieldapp.tui.parts.navigation import Navigation
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.status_bar import StatusBar, SyncView

if TYPE_CHECKING:
    from fieldapp.domain.returns import ReturnedInspection
    from fieldapp.services.syncing.refusals import Refusal
    from fieldapp.services.syncing.runs import SyncOutcome, SyncStatus
    from fieldapp.tui.screens.sync import SyncScreen
    from sync.client import SyncResult
    from sync.client.base import Verdict


News = TypeVar("News")


def _with_unseen(unseen: list[News], learnt: list[News]) -> tuple[list[News], list[News]]:
    """What the outcome shows (those not looked at yet first) and what is new in this run."""
    fresh = [x for x in learnt if x not in unseen]
    return [*unseen, *fresh], fresh


class ConnectionChecked(Message):
    def __init__(self, online: bool | None, status: SyncStatus, *, foreign: bool = False) -> None:
        super().__init__()
        self.online = online
        self.status = status
        self.foreign = foreign  # something answered, but not as a fieldapp server


class RefusalsRead(Message):
    """The refusals left after some were acknowledged (`acknowledged` of them just now)."""

    def __init__(self, status: SyncStatus, acknowledged: int) -> None:
        super().__init__()
        self.status = status
        self.acknowledged = acknowledged


class SyncApp(Navigation):
    PROBE_EVERY = 30.0  # seconds between /health probes
    FIRST_PROBE_LATEST = 3.0  # seconds after mount: the first probe, if nothing started it
    SYNC_EVERY = 180.0  # seconds between background syncs while online

    def __init__(self) -> None:
        super().__init__()
        self.sync_view = SyncView(read=False)  # until the store's sync state is read
        self.sync_outcome: SyncOutcome | None = None
        self._syncing = False
        self._sync_again = False
        self._sync_screen: SyncScreen | None = None
        self._first_probe_started = False
        # Kept on the outcome until looked at: verdicts on my scans, my returned inspections.
        self._unseen_verdicts: list[Verdict] = []
        self._unseen_returns: list[ReturnedInspection] = []
        self.refusals: tuple[Refusal, ...] = ()  # refused ops not acknowledged yet

    def on_mount(self) -> None:
        self.set_interval(self.PROBE_EVERY, self.check_connection, name="sync-probe")
        self.set_interval(self.SYNC_EVERY, self._sync_tick, name="sync-tick")
        self.set_timer(self.FIRST_PROBE_LATEST, self.start_first_probe, name="sync-first-probe")

    def start_first_probe(self) -> None:
        """The first /health probe, once: after the home screen has shown its data."""
        if not self._first_probe_started:
            self._first_probe_started = True
            self.refresh_sync_status()  # the store's side, said before the server answers
            self.check_connection()

    # -- status ------------------------------------------------------------------------

    def show_sync_view(self, view: SyncView, pending: int | None = None) -> None:
        """Hand the sync state down to every status bar on the screen stack."""
        self.sync_view = view
        for screen in self.screen_stack:
            for bar in screen.query(StatusBar):
                bar.sync = view
                if pending is not None:
                    bar.unsynced = pending

    def _view_from(self, status: SyncStatus, online: bool | None, problem: str) -> SyncView:
        """The view of a fresh status; its refusals go to the sync screen too."""
        self.refusals = status.refusals
        shown = self._shown_sync_screen()
        if shown is not None:
            shown.show_refusals(status.refusals)
        return SyncView(
            online=online,
            last_sync=local_moment(status.last_sync_at),
            problem=problem,
            syncing=self._syncing,
            refused=len(status.refusals),
            patrol_open=status.patrol_open,
            never_synced=not status.last_sync_at,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-probe")
    def check_connection(self) -> None:
        from fieldapp.services.syncing import runs as syncing
        from fieldapp.store import db

        with db.connection_context():
            reach = syncing.probe()
            status = syncing.sync_status()
        foreign = reach.online is True and reach.failure is not None
        self.post_message(ConnectionChecked(reach.online, status, foreign=foreign))

    @on(WaitingChanged)
    def _waiting_changed(self) -> None:
        self.refresh_sync_status()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-status")
    def refresh_sync_status(self) -> None:
        """What waits to be sent, read again without asking the server (a patrol started
        or finished: the status bar says whether one is in progress)."""
        from fieldapp.services.syncing import runs as syncing
        from fieldapp.store import db

        with db.connection_context():
            status = syncing.sync_status()
        self.call_from_thread(self._status_read, status)

    def _status_read(self, status: SyncStatus) -> None:
        view = self.sync_view
        self.show_sync_view(self._view_from(status, view.online, view.problem), status.pending)

    @on(ConnectionChecked)
    def _connection_checked(self, event: ConnectionChecked) -> None:
        problem = self.sync_view.problem
        if not event.status.configured:
            problem = "not_configured"
        elif problem == "not_configured":
            problem = ""
        elif event.foreign and not problem:
            problem = "sync_failed"  # a sync would fail: say so, not "all synced"
        self.show_sync_view(
            self._view_from(event.status, event.online, problem), event.status.pending
        )

    def _sync_tick(self) -> None:
        if self.sync_view.online and self.sync_view.problem in ("", "sync_failed"):
            self.request_sync()

    # -- running a sync ----------------------------------------------------------------

    def action_sync(self) -> None:
        """F12: sync now, with the sync screen showing its progress."""
        self._show_sync_screen(running=True)
        self.request_sync(manual=True)

    def action_sync_screen(self) -> None:
        """Ctrl+F12: show the sync screen (the last outcome, or the run in progress)."""
        self._show_sync_screen(running=self._syncing)

    def _show_sync_screen(self, *, running: bool) -> None:
        from fieldapp.tui.screens.sync import SyncScreen

        if self.open_place(SyncScreen) is not None:
            self.go_to(SyncScreen)
            self._unseen_verdicts, self._unseen_returns = [], []
            return
        screen = SyncScreen(running=running, outcome=self.sync_outcome, refusals=self.refusals)
        self._sync_screen = screen
        self.go_to(SyncScreen, lambda: screen)
        self._unseen_verdicts, self._unseen_returns = [], []

    def _shown_sync_screen(self) -> SyncScreen | None:
        """The sync screen, while it is on the stack (going to another place closes it
        without its dismiss callback)."""
        screen = self._sync_screen
        if screen is not None and screen not in self.screen_stack:
            self._sync_screen = screen = None
        return screen

    @on(SyncRequested)
    def _sync_requested(self, event: SyncRequested) -> None:
        self.request_sync()

    def request_sync(self, *, manual: bool = False) -> None:
        """Start a sync now, or once more after the one running."""
        if self._syncing:
            self._sync_again = True
            return
        self._syncing = True
        self.show_sync_view(replace(self.sync_view, syncing=True))
        shown = self._shown_sync_screen()
        if shown is not None:
            shown.show_running()
        self._run_sync(manual)

    def _progress(self, phase: str, done: int, total: int) -> None:
        screen = self._sync_screen  # read once: the UI thread may clear it
        if screen is not None:
            screen.post_message(SyncProgress(phase, done, total))

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync")
    def _run_sync(self, manual: bool) -> None:
        # Quitting does not wait for a sync that cannot finish (a server that does not
        # answer): the worker gives it up, and what it had not sent stays queued.
        from textual.worker import get_current_worker

        from fieldapp.services.syncing import runs as syncing
        from fieldapp.store import db
        from fieldapp.tui.abandonable import Abandoned, run_abandonable

        def sync() -> SyncOutcome:
            with db.connection_context():
                return syncing.run_sync(self._progress)

        try:
            worker = get_current_worker()
            outcome = run_abandonable(sync, lambda: worker.is_cancelled, "sync")
        except Abandoned:
            return
        except Exception:
            self.call_from_thread(self._sync_crashed)
            raise  # reported by the app's one worker-error handler
        self.post_message(SyncFinished(outcome, manual))

    def _sync_crashed(self) -> None:
        """A sync that raised ends like any other: the sync screen stops showing it
        running, and F12 starts another."""
        self._syncing = False
        self._sync_again = False
        self.show_sync_view(replace(self.sync_view, problem="sync_failed", syncing=False))
        shown = self._shown_sync_screen()
        if shown is not None:
            shown.show_crashed()

    @on(SyncFinished)
    def _sync_finished(self, event: SyncFinished) -> None:
        from fieldapp.services.syncing import runs as syncing

        outcome = event.outcome
        self._syncing = False
        shown = self._shown_sync_screen()
        verdicts, returns = self._keep_news(outcome.result, seen=shown is not None)
        self.sync_outcome = outcome
        online: bool | None = outcome.kind != syncing.OFFLINE
        problem = ""
        if outcome.kind == syncing.NOT_ENROLLED:
            problem = "not_enrolled"
        elif outcome.kind == syncing.NOT_CONFIGURED:
            problem, online = "not_configured", None
        elif outcome.kind == syncing.FAILED or outcome.result.errors:
            problem = "sync_failed"
        self.show_sync_view(
            self._view_from(outcome.status, online, problem), outcome.status.pending
        )
        if shown is not None:
            shown.show_outcome(outcome)
        self._tell(outcome, event.manual, verdicts)
        self._tell_returns(returns)
        if outcome.result.pulled or outcome.result.rejected:
            self._reload_home()  # a refused inspection: its venue is due again, no hazards
        if outcome.result.pulled:
            recheck = getattr(self, "check_reports_now", None)  # the rounds part's
            if recheck is not None:  # a colleague's incident may contradict my zero report
                recheck()
        if isinstance(self.screen, FieldScreen):
            self.screen.synced()  # e.g. the campaigns section shows the server's answer
        if self._sync_again:
            self._sync_again = False
            if outcome.kind in (syncing.DONE, syncing.INCOMPLETE):
                self.request_sync()

    @on(RefusalsAcknowledged)
    def _refusals_acknowledged(self, event: RefusalsAcknowledged) -> None:
        self._acknowledge(event.seqs)

    @work(thread=True, exit_on_error=False, group="sync-refusals")
    def _acknowledge(self, seqs: tuple[int, ...]) -> None:
        from fieldapp.services.syncing import refusals
        from fieldapp.services.syncing import runs as syncing
        from fieldapp.store import db

        with db.connection_context():
            count = refusals.acknowledge(seqs)
            status = syncing.sync_status()
        self.post_message(RefusalsRead(status, count))

    @on(RefusalsRead)
    def _refusals_read(self, event: RefusalsRead) -> None:
        view = self.sync_view
        self.show_sync_view(self._view_from(event.status, view.online, view.problem))
        if event.acknowledged:
            self.notify(t("sync_ui.acknowledged", count=event.acknowledged))

    def _keep_news(
        self, result: SyncResult, *, seen: bool
    ) -> tuple[list[Verdict], list[ReturnedInspection]]:
        """The server's verdicts on this device's scans and my returned inspections stay on
        the sync screen's outcome until the person has had it open (a later background
        sync that learnt nothing does not wipe them). Returns the ones this run learnt."""
        result.verdicts, verdicts = _with_unseen(self._unseen_verdicts, result.verdicts)
        result.returns, returns = _with_unseen(self._unseen_returns, result.returns)
        self._unseen_verdicts = [] if seen else list(result.verdicts)
        self._unseen_returns = [] if seen else list(result.returns)
        return verdicts, returns

    def _tell_returns(self, returns: list[ReturnedInspection]) -> None:
        """Once, what a supervisor returned of mine (the sync screen lists it when open)."""
        from fieldapp.tui.screens.sync import SyncScreen

        if not returns or isinstance(self.screen, SyncScreen):
            return
        if len(returns) == 1:
            (r,) = returns
            text = t("returned.notify_one", code=r.code, venue=r.venue, comment=r.comment)
        else:
            text = t("returned.notify_many", count=len(returns))
        self.notify(text, severity="warning", timeout=30)

    def _tell(self, outcome: SyncOutcome, manual: bool, verdicts: list[Verdict]) -> None:
        """Notifications for what a person must know even with the sync screen closed."""
        from fieldapp.services.syncing import runs as syncing
        from fieldapp.services.syncing.conflicts import conflict_line
        from fieldapp.tui.screens.sync import SyncScreen

        result = outcome.result
        on_screen = isinstance(self.screen, SyncScreen)
        if outcome.kind == syncing.NOT_ENROLLED and not on_screen:
            self.notify(
                t(
                    "sync_ui.revoked" if outcome.revoked else "sync_ui.not_enrolled",
                    error=outcome.error,
                ),
                severity="error",
                timeout=20,  # fmt: skip
            )
        elif outcome.kind == syncing.OFFLINE and manual and not on_screen:
            self.notify(t("sync_ui.offline", error=outcome.error), severity="warning")
        elif outcome.kind == syncing.FAILED and manual and not on_screen:
            self.notify(t("sync_ui.failed", error=outcome.error), severity="error", timeout=20)
        if result.rejected and not on_screen:
            self.notify(
                t("sync_ui.notify.rejected", count=len(result.rejected)), severity="warning"
            )
        unverified = [v for v in verdicts if v.check == "unverified"]
        if unverified and not on_screen:
            self.notify(
                t("sync_ui.notify.unverified", count=len(unverified)),
                severity="warning",
                timeout=20,
            )
        for r in result.replaced:  # wherever the person is: their value is gone otherwise
            said = t("sync_ui.notify.replaced", person=r.person, field=t(f"person.{r.field}"),
                     by=r.by, theirs=r.theirs, mine=r.mine)  # fmt: skip
            self.notify(said, severity="warning", timeout=30)
        if not on_screen:  # (the sync screen lists them) an edit not applied, wherever
            for c in result.conflicts:
                if c.op_type == "household.upsert":
                    self.notify(conflict_line(c), severity="warning", timeout=30)
        if result.new_epoch:
            self.notify(t("sync_ui.notify.new_epoch"))
        if manual and outcome.kind == syncing.DONE and not on_screen:
            done = t("sync_ui.notify.done", pushed=result.pushed, pulled=result.pulled)
            new = result.pushed or result.pulled or result.blobs_uploaded
            self.notify(done if new else nothing_new(outcome.status))

    def _reload_home(self) -> None:
        for screen in self.screen_stack:
            if screen.id == "home":
                reload = getattr(screen, "reload", None)
                if reload is not None:
                    reload()
