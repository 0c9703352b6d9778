"""The device's side of sync, over the local store: `SyncClient` (sync_client: push the
outbox, pull pages, the whole round), enrolment (enroll), applying pulled pages (apply,
rows), photos up and down (photos, blobs) and what they share (base: errors, backoff,
progress, results). May use: sync.protocol, fieldapp.store and fieldapp.domain — never the
services, the UI or the server.

The names callers need are re-exported here, so `from sync.client import SyncClient`
reads as it always did."""

from sync.client.base import (
    Backoff,
    BrokenAnswer,
    DeviceNotEnrolled,
    DeviceRevoked,
    InsecureURL,
    NotFieldappServer,
    ServerRefused,
    ServerUnavailable,
    SilentServer,
    SyncError,
    SyncResult,
    UnreadableAnswer,
    UnreadableCABundle,
    UntrustedServer,
    check_url,
    server_verification,
)
from sync.client.enroll import enroll_device
from sync.client.sync_client import SyncClient

__all__ = [
    "Backoff",
    "BrokenAnswer",
    "DeviceNotEnrolled",
    "DeviceRevoked",
    "InsecureURL",
    "NotFieldappServer",
    "ServerRefused",
    "ServerUnavailable",
    "SilentServer",
    "SyncClient",
    "SyncError",
    "SyncResult",
    "UnreadableAnswer",
    "UnreadableCABundle",
    "UntrustedServer",
    "check_url",
    "enroll_device",
    "server_verification",
]
