"""The sync screen: a progress bar per phase, what the server refused and why (every refusal
not yet acknowledged, not only the last sync's; D marks them read), its verdicts on this
device's claimed scans, the inspections of mine a supervisor returned, the last error.

The app runs the sync (`fieldapp.tui.parts.syncing.SyncApp`) and hands this screen what happens:
`SyncProgress` messages posted straight to it from the worker (bubble=False; a newer one
for the same phase replaces a queued older one, so a flood of updates merges), and the
final outcome through `show_outcome`, the refusals through `show_refusals`. The screen never
talks to the network or the store: acknowledging posts `RefusalsAcknowledged` to the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, ProgressBar, Static

from fieldapp.i18n import sentences, t
from fieldapp.tui.messages import (
    RefusalsAcknowledged,
    SyncFinished,
    SyncProgress,
    SyncRequested,
    local_moment,
    nothing_new,
)
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.phrase_static import PhraseStatic

if TYPE_CHECKING:
    from collections.abc import Sequence

    from fieldapp.domain.returns import ReturnedInspection
    from fieldapp.services.syncing.refusals import Refusal
    from fieldapp.services.syncing.runs import SyncOutcome
    from sync.client.base import Verdict

__all__ = ["SyncFinished", "SyncProgress", "SyncRequested", "SyncScreen", "local_moment"]

PHASES = ("photos", "push", "pull")  # the order sync_once runs them
NOTES = ("#sync-returns", "#sync-verdicts", "#sync-warnings", "#sync-error")  # of one run


def verdict_lines(verdicts: Sequence[Verdict]) -> list[str]:
    """The server's verdicts on this device's claimed scans learnt in the last sync, the
    ones that did not verify first."""
    if not verdicts:
        return []
    lines = [t("sync_ui.verdicts.title", count=len(verdicts))]
    for v in sorted(verdicts, key=lambda v: (v.check != "unverified", v.submitted_at)):
        at = local_moment(v.submitted_at)
        if v.check == "unverified":
            reason = t(f"proof.reason.{v.reason}")
            lines.append(t("sync_ui.verdicts.unverified", venue=v.venue, at=at, reason=reason))
        else:
            lines.append(t("sync_ui.verdicts.verified", venue=v.venue, at=at))
    return lines


def return_lines(returns: Sequence[ReturnedInspection]) -> list[str]:
    """My inspections a supervisor returned, learnt in the last sync, and what to do."""
    if not returns:
        return []
    items = [t("returned.item", code=r.code, venue=r.venue, comment=r.comment) for r in returns]
    return [t("returned.sync_title", count=len(returns)), *items, t("returned.hint")]


def refusal_lines(refusals: Sequence[Refusal]) -> list[str]:
    """Every refused op not yet acknowledged: what it was, when, and why in the person's
    language (the server's own text for a reason this version cannot word)."""
    if not refusals:
        return []
    lines = [t("sync_ui.rejected.title", count=len(refusals))]
    for r in refusals:
        if r.refused_at:
            at = local_moment(r.refused_at)
            lines.append(t("sync_ui.refused.item", seq=r.seq, what=r.what, at=at, reason=r.why))
        else:
            lines.append(t("sync_ui.refused.item_undated", seq=r.seq, what=r.what, reason=r.why))
    lines.append(t("sync_ui.refused.hint"))
    return lines


def outcome_line(outcome: SyncOutcome, listed: Sequence[Refusal] = ()) -> str:
    """What a sync that ran did; when it did not complete, what is left (refused, waiting,
    failed); when it had nothing to do, that everything was already sent. Its refusals
    are the ones still `listed` below (an outcome shown again later: not one read, sent
    again, discarded or on record since); older ones are listed, not counted here."""
    result = outcome.result
    standing = {r.seq for r in listed}
    refused = [op for op in result.rejected if op.seq in standing]
    if not (refused or result.errors or result.pending):
        if not (result.pushed or result.pulled or result.blobs_uploaded):
            return nothing_new(outcome.status)
        return t(
            "sync_ui.done",
            pushed=result.pushed,
            pulled=result.pulled,
            count=result.blobs_uploaded,
        )
    left = []
    if refused:
        left.append(t("sync_ui.incomplete.refused", count=len(refused)))
    if outcome.status.pending:
        left.append(t("sync_ui.incomplete.waiting", count=outcome.status.pending))
    if result.errors:
        left.append(t("sync_ui.incomplete.errors"))
    head = t("sync_ui.incomplete.head", pushed=result.pushed, pulled=result.pulled)
    return head + t("sync_ui.incomplete.sep").join(left) + t("sync_ui.incomplete.end")


class SyncScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    PLACE = "binding.app.sync_screen"
    SECTION = True
    CSS_PATH = "sync.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="sync.close"),
        Binding("d", "acknowledge", "Read", id="sync.acknowledge"),
    ]

    def __init__(
        self,
        *,
        running: bool = False,
        outcome: SyncOutcome | None = None,
        refusals: Sequence[Refusal] = (),
    ) -> None:
        super().__init__(id="sync-screen")
        self.running = running
        self.outcome = outcome
        self.refusals = tuple(refusals)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sync-body"):
            yield PhraseStatic("", id="sync-state")
            yield Static("", id="sync-server")
            for phase in PHASES:
                with Horizontal(classes="sync-phase"):
                    yield Label(t(f"sync.phase.{phase}"), classes="sync-phase-label")
                    yield ProgressBar(id=f"sync-bar-{phase}", show_eta=False)
            yield PhraseStatic("", id="sync-rejected")
            yield PhraseStatic("", id="sync-returns")  # a supervisor's words
            yield PhraseStatic("", id="sync-verdicts")
            yield PhraseStatic("", id="sync-warnings")
            yield PhraseStatic("", id="sync-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("app.title")
        self.sub_title = t("sync_ui.title")
        # Not through show_*: `is_mounted` is still False while on_mount runs.
        if self.running:
            self._show_running()
        elif self.outcome is not None:
            self._show_outcome(self.outcome)
        else:
            self._say("#sync-state", t("sync_ui.idle"))
            for selector in NOTES:
                self._say(selector, "")
            for phase in PHASES:
                self._bar(phase).update(total=1, progress=0)  # idle, not "working"
        self._show_refusals()

    def _say(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(text)
        widget.display = bool(text)

    def _bar(self, phase: str) -> ProgressBar:
        return self.query_one(f"#sync-bar-{phase}", ProgressBar)

    # -- what the app hands down -------------------------------------------------------

    def show_running(self) -> None:
        self.running = True
        if self.is_mounted:  # else on_mount shows it
            self._show_running()

    def _show_running(self) -> None:
        self._say("#sync-state", t("sync_ui.running"))
        for phase in PHASES:
            self._bar(phase).update(total=None, progress=0)
        for selector in NOTES:
            self._say(selector, "")

    def show_refusals(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = tuple(refusals)
        if self.is_mounted:  # else on_mount shows them
            self._show_refusals()

    def _show_refusals(self) -> None:
        self._say("#sync-rejected", "\n".join(refusal_lines(self.refusals)))
        self.refresh_bindings()
        if self.outcome is not None and not self.running:
            self._show_outcome(self.outcome)  # its verdict counts the refusals still listed

    def on_sync_progress(self, event: SyncProgress) -> None:
        bar = self._bar(event.phase) if event.phase in PHASES else None
        if bar is None:
            return
        if event.total <= 0:
            bar.update(total=1, progress=1)  # nothing to do in this phase
        else:
            bar.update(total=event.total, progress=min(event.done, event.total))
        # Phases run in order: the ones before this one are finished.
        for earlier in PHASES[: PHASES.index(event.phase)]:
            done = self._bar(earlier)
            if done.total is None:
                done.update(total=1, progress=1)

    def show_outcome(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.outcome = outcome
        if self.is_mounted:  # else on_mount shows it
            self._show_outcome(outcome)

    def show_crashed(self) -> None:
        """The run ended without an outcome (an error the app reported): not running."""
        self.running = False
        if self.is_mounted:
            self._say("#sync-state", t("sync_ui.crashed"))
            for phase in PHASES:
                self._bar(phase).update(total=1, progress=0)

    def _show_outcome(self, outcome: SyncOutcome) -> None:
        from fieldapp.services.syncing import runs as syncing
        from fieldapp.services.syncing.conflicts import conflict_line
        from fieldapp.services.syncing.problems import retry_hint

        result, status = outcome.result, outcome.status
        kind = outcome.kind
        if kind in (syncing.DONE, syncing.INCOMPLETE):
            state = outcome_line(outcome, self.refusals)
            for phase in PHASES:
                bar = self._bar(phase)
                if kind == syncing.DONE:
                    bar.update(total=max(int(bar.total or 1), 1), progress=bar.total or 1)
                elif bar.total is None:  # a run cut short never reached it: not done
                    bar.update(total=1, progress=0)
        else:
            key = "sync_ui.revoked" if outcome.revoked else f"sync_ui.{kind}"
            state = t(key, error=outcome.error)
            for phase in PHASES:
                self._bar(phase).update(total=1, progress=0)
        self._say("#sync-state", state)
        server = t("sync_ui.server", url=status.server_url) if status.server_url else ""
        waiting = t("sync_ui.waiting", count=status.pending)
        last = (
            t("sync_ui.last", at=local_moment(status.last_sync_at))
            if status.last_sync_at
            else t("sync_ui.never")
        )
        # A failure said again at the next F12 shows when it was tried, so it reads as new.
        tried = (
            t("sync_ui.tried", at=local_moment(outcome.ended_at)) if kind != syncing.DONE else ""
        )
        self._say("#sync-server", "\n".join(x for x in (server, waiting, last, tried) if x))
        self._say("#sync-returns", "\n".join(return_lines(result.returns)))
        self._say("#sync-verdicts", "\n".join(verdict_lines(result.verdicts)))
        notes = []
        if result.warnings:
            notes += [t("sync_ui.warnings.title"), *(f"· {w}" for w in result.warnings)]
        if result.conflicts:
            said = (f"· {conflict_line(c)}" for c in result.conflicts)
            notes += [t("sync_ui.conflicts.title"), *said]
        self._say("#sync-warnings", "\n".join(notes))
        # An outcome that is a failure says its error in the state line already.
        # Each error a sentence, and when to try again one more (said in the language's way).
        errors = sentences(result.errors) if kind in (syncing.DONE, syncing.INCOMPLETE) else ""
        error_text = t("sync_ui.error.title", error=errors) if errors else ""
        seconds = retry_hint(result)
        if errors and seconds is not None:
            error_text = sentences((error_text, t("sync_ui.retry", seconds=seconds)))
        self._say("#sync-error", error_text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "acknowledge":
            return bool(self.refusals)  # shown only while there is one to acknowledge
        return super().check_action(action, parameters)

    def action_acknowledge(self) -> None:
        """D: the refusals listed have been read; they stay in the outbox, marked seen."""
        if self.refusals:
            self.app.post_message(RefusalsAcknowledged(tuple(r.seq for r in self.refusals)))

    def action_close(self) -> None:
        self.dismiss(None)
