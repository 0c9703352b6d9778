"""The blobs (photos, video, audio) an op payload or a pulled record refers to."""

from __future__ import annotations

from typing import Any

from sync.protocol.names import (
    OP_ACTIVITY_RECORD,
    OP_FINDING_EVENT,
    OP_INCIDENT_EVENT,
    OP_INSPECTION_SUBMIT,
    OP_PATROL_RUN_SUBMIT,
    OP_PATROL_RUN_VISIT,
)


def photo_refs(op_type: str, payload: dict[str, Any]) -> list[str]:
    """Every blob sha256 an op payload refers to, in order, without repeats."""
    found: list[str] = []

    def add(items: Any) -> None:
        for sha in items or ():
            if isinstance(sha, str) and sha not in found:
                found.append(sha)

    if op_type == OP_INSPECTION_SUBMIT:
        for answer in payload.get("answers") or ():
            add(answer.get("photos"))
        for finding in payload.get("findings") or ():
            add(finding.get("photos"))
            for event in finding.get("events") or ():
                add(event.get("photos"))
    elif op_type == OP_ACTIVITY_RECORD:
        add(payload.get("photos"))
    elif op_type == OP_PATROL_RUN_SUBMIT:
        for scan in payload.get("scans") or ():
            add(scan.get("photos"))
    elif op_type == OP_PATROL_RUN_VISIT:
        add((payload.get("scan") or {}).get("photos"))
    elif op_type in (OP_FINDING_EVENT, OP_INCIDENT_EVENT):
        add((payload.get("incident") or {}).get("photos"))
        add((payload.get("event") or {}).get("photos"))
    return found


def record_photos(record: dict[str, Any]) -> set[str]:
    """The sha256 of every photo a pulled record names: its own, its answers', its
    events' (`finding`, `finding.event` and `inspection` changes)."""
    found: set[str] = set()
    # A function of the module's, not a closure made on every call: the feed asks this of
    # each of ~200 records a push of 100 inspections appends.
    _add_photos(found, record.get("photos"))
    media = record.get("media")
    if media:
        _add_photos(found, [m.get("sha256") for m in media if isinstance(m, dict)])
    for part in ("answers", "events", "scans"):
        for child in record.get(part) or ():
            # Most name no photo: added only for those that do (an inspection has ~20).
            if isinstance(child, dict) and child.get("photos"):
                _add_photos(found, child["photos"])
    return found


def _add_photos(found: set[str], items: Any) -> None:
    for sha in items or ():
        if isinstance(sha, str) and sha:
            found.add(sha)


def media_refs(op_type: str, payload: dict[str, Any]) -> list[str]:
    """The sha256 of every video or audio file an op refers to (sent after the ops)."""
    if op_type != OP_INCIDENT_EVENT:
        return []
    found: list[str] = []
    for media in (payload.get("incident") or {}).get("media") or ():
        sha = media.get("sha256") if isinstance(media, dict) else None
        if isinstance(sha, str) and sha not in found:
            found.append(sha)
    return found
