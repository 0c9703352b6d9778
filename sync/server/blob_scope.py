"""Blobs are scoped like records: a device reads a photo only if a record it may pull
refers to it (same grids, same audience as the record's feed entry), or if it uploaded
the photo itself. Anything else is answered as if the server had no such blob, so a
device cannot learn that a photo exists in another grid."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sync.protocol import record_photos
from sync.server import db as server_db
from sync.server.db import PHOTO_RECORD_TYPES, insert_blob_refs
from sync.server.scope import DeviceContext, scope_cte


def record_refs(changes: Iterable[Any]) -> None:
    """Note the blobs the feed changes refer to (call inside their transaction)."""
    rows = {
        (sha, change.grid_code or "", change.audience, "")
        for change in changes
        if change.type in PHOTO_RECORD_TYPES and not change.deleted
        for sha in record_photos(change.record)
    }
    insert_blob_refs(rows)


def record_holder(sha256: str, device_id: str) -> None:
    """The device uploaded these bytes: it may read them back."""
    insert_blob_refs({(sha256, "", "all", device_id)})


def may_read(who: DeviceContext, sha256: str) -> bool:
    """Whether `who` may read the blob (admins: any blob a record or upload names)."""
    db = server_db.current()
    p = db.param
    if who.is_admin:
        sql = f"SELECT 1 FROM blob_ref WHERE sha256 = {p} LIMIT 1"
        return db.execute_sql(sql, (sha256,)).fetchone() is not None
    audience = "r.audience = 'all'" + (" OR r.audience = 'supervisor'" if who.is_supervisor else "")
    sql = scope_cte() + (
        f"SELECT 1 FROM blob_ref r WHERE r.sha256 = {p} AND (r.device = {p}"
        f" OR (r.grid_code IN (SELECT code FROM down) AND ({audience}))) LIMIT 1"
    )
    params = (who.person_id, who.person_id, sha256, who.device_id)
    return db.execute_sql(sql, params).fetchone() is not None
