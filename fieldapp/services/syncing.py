"""Sync for the TUI: is the server reachable, what waits, and one sync run with its outcome.

Call from a worker thread with a store connection (`with db.connection_context():`):
each call talks to the network. `run_sync` never raises for a person's problem (server
down, device revoked, not enrolled): the outcome says which, and nothing is lost —
the outbox keeps every op until the server has answered for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.store.models import Outbox, SyncState
from sync.client_base import Progress, SyncResult

# Outcome kinds
DONE = "done"  # everything went through
INCOMPLETE = "incomplete"  # ran, but something was refused, failed or still waits
OFFLINE = "offline"  # the server could not be reached; records stay on this device
NOT_ENROLLED = "not_enrolled"  # the server refused the token (revoked / unknown device)
NOT_CONFIGURED = "not_configured"  # this device was never enrolled with a server


@dataclass(frozen=True)
class SyncStatus:
    configured: bool  # enrolled with a server (url and token recorded)
    server_url: str
    pending: int  # ops waiting in the outbox
    last_sync_at: str | None  # UTC ISO time of the last sync that had no errors
    last_error: str


@dataclass
class SyncOutcome:
    kind: str
    status: SyncStatus
    result: SyncResult = field(default_factory=SyncResult)
    error: str = ""  # the reason, for offline / not enrolled


def sync_status() -> SyncStatus:
    state = SyncState.get_or_none(SyncState.id == 1)
    pending = Outbox.select().where(Outbox.state == "pending").count()
    if state is None:
        return SyncStatus(False, "", pending, None, "")
    return SyncStatus(
        configured=bool(state.server_url and state.token),
        server_url=state.server_url,
        pending=pending,
        last_sync_at=state.last_sync_at,
        last_error=state.last_error,
    )


def probe(timeout: float = 3.0) -> bool | None:
    """Whether the server answers /health now; None when this device has no server."""
    from sync.client import SyncClient, SyncError

    try:
        client = SyncClient.from_store(max_retries=0, timeout=timeout)
    except SyncError:
        return None
    with client:
        try:
            client.health()
        except SyncError:
            return False
    return True


def run_sync(progress: Progress | None = None, *, max_retries: int = 2) -> SyncOutcome:
    """photos → push → pull once, after a quick /health probe (so an offline device does
    not wait through the retries)."""
    from sync.client import DeviceNotEnrolled, SyncClient, SyncError

    try:
        client = SyncClient.from_store(max_retries=max_retries, timeout=30.0)
    except DeviceNotEnrolled as error:
        return SyncOutcome(NOT_CONFIGURED, sync_status(), error=str(error))
    except SyncError as error:  # e.g. a recorded URL that is no longer allowed
        return SyncOutcome(NOT_CONFIGURED, sync_status(), error=str(error))
    with client:
        if probe() is False:
            result = SyncResult(pending=sync_status().pending)
            return SyncOutcome(OFFLINE, sync_status(), result, error=_unreachable(client))
        try:
            result = client.sync_once(progress)
        except DeviceNotEnrolled as error:
            return SyncOutcome(NOT_ENROLLED, sync_status(), error=str(error))
    kind = DONE if result.ok else INCOMPLETE
    return SyncOutcome(kind, sync_status(), result)


def _unreachable(client: object) -> str:
    return f"cannot reach {getattr(client, 'base_url', 'the server')}"
