"""Sync for the TUI: is the server reachable, what waits, and one sync run with its outcome.

Call from a worker thread with a store connection (`with db.connection_context():`):
each call talks to the network. `run_sync` never raises for a person's problem (server
down, device revoked, not enrolled): the outcome says which, and nothing is lost —
the outbox keeps every op until the server has answered for it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fieldapp.domain.clock import local_sql, now_iso
from fieldapp.services.syncing.conflicts import name_conflicts
from fieldapp.services.syncing.media_problems import warnings_in_words
from fieldapp.services.syncing.problems import describe, errors_in_words
from fieldapp.services.syncing.refusals import Refusal, outstanding
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.patrol_models import PatrolRun, started_here
from sync.client.base import Progress, SyncError, SyncResult

log = logging.getLogger(__name__)

# Outcome kinds
DONE = "done"  # everything went through
INCOMPLETE = "incomplete"  # ran, but something was refused, failed or still waits
OFFLINE = "offline"  # the server could not be reached; records stay on this device
FAILED = "failed"  # the server answered, but not as a fieldapp server: nothing was sent
NOT_ENROLLED = "not_enrolled"  # the server refused the token (revoked / unknown device)
NOT_CONFIGURED = "not_configured"  # this device was never enrolled with a server


@dataclass(frozen=True)
class SyncStatus:
    configured: bool  # enrolled with a server (url and token recorded)
    server_url: str
    pending: int  # ops waiting in the outbox
    last_sync_at: str | None  # UTC ISO time of the last sync that had no errors
    last_error: str
    refusals: tuple[Refusal, ...] = ()  # refused ops the person has not acknowledged yet
    patrol_open: bool = False  # a patrol run in progress: its finish is still to be sent
    last_sent_at: str | None = None  # UTC ISO time the server last acknowledged an op


@dataclass
class SyncOutcome:
    kind: str
    status: SyncStatus
    result: SyncResult = field(default_factory=SyncResult)
    error: str = ""  # the reason, for offline / not enrolled
    revoked: bool = False  # not enrolled because revoked: its people data was deleted
    ended_at: str = field(default_factory=now_iso)  # when the run ended (UTC)


def _last_sent_at() -> str | None:
    """When the server acknowledged the latest op it holds. Ops go in `seq` order and rows
    are never deleted, so this walks the state index back from its end, not the table."""
    acked = Outbox.select(Outbox.acked_at).where(Outbox.state == "acked")
    return acked.order_by(Outbox.seq.desc()).limit(1).scalar()


def sync_status() -> SyncStatus:
    state = SyncState.get_or_none(SyncState.id == 1)
    pending = Outbox.select().where(Outbox.state == "pending").count()
    refusals = outstanding()
    # a run of this device's: one pulled open from another device is that one's to finish
    walking = PatrolRun.select().where((PatrolRun.status == "open") & started_here()).exists()
    if state is None:
        return SyncStatus(False, "", pending, None, "", refusals, walking)
    return SyncStatus(
        configured=bool(state.server_url and state.token),
        server_url=state.server_url,
        pending=pending,
        last_sync_at=state.last_sync_at,
        last_error=state.last_error,
        refusals=refusals,
        patrol_open=walking,
        last_sent_at=_last_sent_at(),
    )


@dataclass(frozen=True)
class Reach:
    """What a /health probe found. `online`: None when this device has no server, False
    when it could not be reached; `failure`: why not, or what answered instead of a
    fieldapp server (then `online` is True: the network is fine, the address is not)."""

    online: bool | None
    failure: Exception | None = None


def probe(timeout: float = 3.0) -> Reach:
    """Whether the server answers /health now, as a fieldapp server."""
    from sync.client import (
        BrokenAnswer,
        NotFieldappServer,
        SyncClient,
        SyncError,
        UnreadableAnswer,
        UnreadableCABundle,
    )

    try:
        client = SyncClient.from_store(max_retries=0, timeout=timeout)
    except UnreadableCABundle as error:
        return Reach(False, error)  # its server cannot be checked, so not reached
    except SyncError:
        return Reach(None)
    with client:
        try:
            client.health()
        except (NotFieldappServer, UnreadableAnswer, BrokenAnswer) as error:
            return Reach(True, error)  # something answers there: the network is fine
        except SyncError as error:
            return Reach(False, error)
    return Reach(True)


def run_sync(progress: Progress | None = None, *, max_retries: int = 2) -> SyncOutcome:
    """photos → push → pull once, after a quick /health probe (so an offline device does
    not wait through the retries, and a wrong address is said at once). The errors of
    the outcome's result and its warnings are in words for a person
    (`problems.errors_in_words`, `media_problems.warnings_in_words`)."""
    from sync.client import (
        DeviceNotEnrolled,
        DeviceRevoked,
        SyncClient,
        SyncError,
        UnreadableCABundle,
    )

    try:
        client = SyncClient.from_store(max_retries=max_retries, timeout=30.0)
    except DeviceNotEnrolled as error:
        return SyncOutcome(NOT_CONFIGURED, sync_status(), error=str(error))
    except UnreadableCABundle as error:
        result = not_started(error)
        return SyncOutcome(INCOMPLETE, sync_status(), result)
    except SyncError as error:  # e.g. a recorded URL that is no longer allowed
        return SyncOutcome(NOT_CONFIGURED, sync_status(), error=str(error))
    url = client.base_url
    with client:
        reach = probe()
        if reach.online is False:
            result = SyncResult(pending=sync_status().pending)
            why = describe(reach.failure, url, enrolled=True) if reach.failure else ""
            return SyncOutcome(OFFLINE, sync_status(), result, error=why)
        if reach.failure is not None:
            result = not_started(reach.failure)
            result.errors = errors_in_words(result, url)
            why = describe(reach.failure, url, enrolled=True)
            return SyncOutcome(FAILED, sync_status(), result, error=why)
        try:
            result = client.sync_once(progress)
        except DeviceNotEnrolled as error:
            revoked = isinstance(error, DeviceRevoked)
            return SyncOutcome(NOT_ENROLLED, sync_status(), error=str(error), revoked=revoked)
    after_sync(result)
    result.errors = errors_in_words(result, url)
    result.warnings = warnings_in_words(result)
    name_conflicts(result)
    kind = DONE if result.ok else INCOMPLETE
    return SyncOutcome(kind, sync_status(), result)


# Each venue's last inspection date moves forward to the local date of its latest submitted
# inspection (as `inspections.submit` records it; the latest UTC stamp is converted, not every
# row); rows already up to date are not written. 100k venues, 56k inspections: ~0.1 s.
_CATCH_UP_LAST_INSPECTED_SQL = """
    UPDATE venue SET last_inspected_on = latest.day
    FROM (
        SELECT venue_id, date(MAX(submitted_at), 'localtime') AS day FROM inspection
        WHERE status = 'submitted' AND submitted_at IS NOT NULL GROUP BY venue_id
    ) AS latest
    WHERE venue.id = latest.venue_id
      AND (venue.last_inspected_on IS NULL OR venue.last_inspected_on < latest.day)
"""


def not_started(error: Exception) -> SyncResult:
    """A sync that could not start (e.g. the CA certificates recorded at enrolment cannot
    be read): the reason recorded as the last error, every op still waiting."""
    SyncState.update(last_error=str(error)).where(SyncState.id == 1).execute()
    failure = error if isinstance(error, SyncError) else None
    return SyncResult(errors=[str(error)], pending=sync_status().pending, failure=failure)


def after_sync(result: SyncResult) -> None:
    """What a sync that pulled anything leaves to do on this device (the TUI and
    `fieldapp sync` both call it): pulled inspections and venues move the due caches; kinds
    and levels the office published get their names in the catalogues; a refused
    inspection's venue is due again from its last inspection before it. The run's warnings
    go to the log as the client words them (a photo by its hash); a person reads them named
    by their records (`media_problems`)."""
    for warning in result.warnings:
        log.info("sync warning: %s", warning)
    if result.pulled:
        publish_names()
    if result.pulled or result.rejected:
        refresh_due_caches()


def publish_names() -> None:
    from fieldapp.services.common.kinds import publish_names as publish

    publish()


def refresh_due_caches() -> int:
    """Recompute `Venue.last_inspected_on` from the latest submitted inspection per venue
    (pulled ones included: a supervisor's device only pulls them) and `Venue.due_on` from
    it (a pulled venue may have a new kind or risk level), in one transaction: one UPDATE
    for the dates, one per kind for the due dates. Returns the venues whose date moved.

    Measured on 100,000 venues with 56,000 inspections: 0.2 s when nothing moved, 0.9 s
    when every inspected venue moved (a supervisor's first pull); it runs in the sync worker."""
    from fieldapp.services.rounds.due import recompute_due
    from fieldapp.store.db import db, write_transaction

    with write_transaction():
        moved = db.execute_sql(local_sql(_CATCH_UP_LAST_INSPECTED_SQL)).rowcount
        recompute_due()
    return int(moved)
