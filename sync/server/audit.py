"""The audit trail: append-only entries a supervisor can trust.

`record()` appends, inside the caller's transaction, so an entry exists exactly when the
change it describes does. Nothing in the program updates or deletes an entry, and the
database refuses to (`APPEND_ONLY_SQL`, made with the schema). The administrator's
commands act as "admin:<login>" unless `fieldapp admin --actor` names someone else.
"""

from __future__ import annotations

import getpass
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sync.protocol import ExportRecorded, refusals
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.scope import DeviceContext
from sync.server.submit import Applied

# What the entries say happened (the action column).
DEVICE_ENROLLED = "device.enrolled"
DEVICE_REVOKED = "device.revoked"
DEVICE_SIGNED_OUT = "device.signed_out"  # a `fieldapp web` session's store, at its end
DEVICE_REPLACED = "device.replaced"  # the device enrolled again, for the same person
ENROLMENT_CODE_ISSUED = "enrolment_code.issued"
PLACARD_KEY_CREATED = "placard_key.created"
PLACARD_KEY_ROTATED = "placard_key.rotated"
PLACARD_KEY_REVOKED = "placard_key.revoked"
PERSON_ADDED = "person.added"
PERSON_ROLE_CHANGED = "person.role_changed"
PERSON_GRIDS_CHANGED = "person.grids_changed"
GRIDS_IMPORTED = "grids.imported"
PEOPLE_IMPORTED = "people.imported"
VENUES_IMPORTED = "venues.imported"
CHECKLIST_PUBLISHED = "checklist.published"
KINDS_IMPORTED = "kinds.imported"
LEVELS_IMPORTED = "levels.imported"
SETTING_PUBLISHED = "setting.published"
PLACARDS_EXPORTED = "placards.exported"
DATA_EXPORTED = "data.exported"  # a device exported the ledger (an `export.recorded` op)
PERSONAL_DATA_EXPORTED = "personal_data.exported"  # the same, with its people sheets
DATA_READ = "data.read"  # a page of the read-only data feed, by a reader API key
READER_KEY_CREATED = "reader_key.created"
READER_KEY_REVOKED = "reader_key.revoked"
WEB_USER_ADDED = "web_user.added"  # a sign-in name for `fieldapp web` made, or its password set
WEB_USER_UNLOCKED = "web_user.unlocked"

_actor: ContextVar[str | None] = ContextVar("audit_actor", default=None)


def admin_actor() -> str:
    """Who the administrator's commands are recorded as."""
    named = _actor.get()
    if named:
        return named
    try:
        return f"admin:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "admin"


def act_as(actor: str) -> None:
    """Record the administrator's commands in this process as `actor` (a person id)."""
    _actor.set(actor.strip() or None)


def record(
    action: str,
    *,
    actor: str | None = None,
    device: str = "",
    subject: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry (call inside the transaction of the change it describes)."""
    AuditEntry.insert(
        at=server_db.now_iso(),
        actor=actor or admin_actor(),
        action=action,
        device=device,
        subject=subject,
        detail=detail or {},
    ).execute()


@dataclass(frozen=True)
class Entry:
    at: str
    actor: str
    action: str
    device: str
    subject: str
    detail: dict[str, Any]


def entries(
    *, since: str | None = None, actor: str | None = None, limit: int | None = None
) -> list[Entry]:
    """Entries in the order they were written, from `since` (an ISO date or time, server
    time UTC) and of one `actor`, if given."""
    query = AuditEntry.select().order_by(AuditEntry.id)
    if since:
        query = query.where(AuditEntry.at >= since)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if limit:
        query = query.limit(limit)
    return [
        Entry(row.at, row.actor, row.action, row.device, row.subject, row.detail or {})
        for row in query
    ]


def apply_export_recorded(who: DeviceContext, payload: ExportRecorded) -> Applied:
    """The `export.recorded` op: the device's person exported data; kept as one entry,
    a personal-data export when the people sheets were written."""
    if payload.full and not who.is_supervisor:
        text = "only a supervisor may export personal data in full"
        raise refusals.wrong_role(who.role, "full_export", text)
    record(
        PERSONAL_DATA_EXPORTED if payload.people else DATA_EXPORTED,
        actor=who.person_id,
        device=who.device_id,
        subject=payload.what,
        detail={
            "format": payload.format,
            "filters": payload.filters,
            "records": payload.records,
            "file": payload.file,
            "people": payload.people,
            "full": payload.full,
            "device_time": payload.at,
            # a full export's purpose, as a reveal's (personal_data.revealed) is kept
            **(
                {"purpose": payload.purpose, "purpose_note": payload.purpose_note}
                if payload.full
                else {}
            ),
        },
    )
    return Applied(changes=[])
