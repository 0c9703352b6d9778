"""Messages that cross the UI's rooms: posted by dialogs and screens, handled by the app.
Here, below screens, dialogs and widgets, so that none of them imports another to post."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from fieldapp.domain.clock import today, wall_moment
from fieldapp.i18n import t

if TYPE_CHECKING:
    from fieldapp.services.syncing.runs import SyncOutcome, SyncStatus


@dataclass
class SyncRequested(Message):
    """Something was recorded for the server (an inspection submitted, a finding event):
    post to the app, which syncs in the background when it can."""

    reason: str = ""


@dataclass
class WaitingChanged(Message):
    """What waits to be sent changed with nothing queued yet (a patrol run started: its
    visits go when it is finished): post to the app, which reads the sync status again."""


@dataclass
class SyncProgress(Message, bubble=False):
    """(phase, done, total) from the sync worker; total 0 means unknown."""

    phase: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SyncProgress) and message.phase == self.phase


@dataclass
class SyncFinished(Message):
    """The sync worker is done (posted to the app)."""

    outcome: SyncOutcome
    manual: bool


@dataclass
class RefusalsAcknowledged(Message):
    """The person read these refused ops (outbox seqs) on the sync screen: post to the
    app, which marks them read in a worker and hands the rest back."""

    seqs: tuple[int, ...]


def local_moment(stamp: str | None) -> str:
    """A stored UTC time as local `HH:MM` today, `MM-DD HH:MM` otherwise; '' if none."""
    if not stamp:
        return ""
    try:
        moment = wall_moment(stamp)
    except ValueError:
        return stamp
    if moment.date() == today():
        return moment.strftime("%H:%M")
    return moment.strftime("%m-%d %H:%M")


def nothing_new(status: SyncStatus) -> str:
    """A sync that had nothing to send or learn: that everything was already sent, and when
    the latest went (most often by the automatic sync just after the action), so that it
    does not read as if the action was never recorded."""
    if status.last_sent_at:
        return t("sync_ui.done.nothing_new_since", at=local_moment(status.last_sent_at))
    return t("sync_ui.done.nothing_new")
