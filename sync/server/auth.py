"""Device tokens and enrolment codes. Only sha256 hashes of either are ever stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.i18n import t
from sync.server import audit
from sync.server import db as server_db
from sync.server.models import AuditEntry, Device, EnrollmentCode, Person, PersonGrid
from sync.server.scope import DeviceContext

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed
CODE_LENGTH = 12  # ~60 bits; single use and short-lived


NOT_ENROLLED = "not_enrolled"
REVOKED = "device_revoked"


class AuthError(Exception):
    """The caller is not (or no longer) allowed in; the message says what to do, the code
    (an ErrorBody `error`) which case it is, for a device to say in its own language."""

    def __init__(self, message: str, code: str = "enrolment_refused") -> None:
        super().__init__(message)
        self.code = code


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class IssuedCode:
    code: str  # shown once, grouped for reading: ABCD-EFGH-JKLM
    person_id: str
    expires_at: str
    person_name: str = ""
    namesakes: int = 0  # other people of the same name: the id tells them apart


def issue_enrollment_code(person_id: str, *, hours: float = 24.0) -> IssuedCode:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise AuthError(t("admin.no_person", person=person_id))  # the caller's language
    namesakes = Person.select().where((Person.name == person.name) & (Person.id != person_id))
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    expires_at = expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with server_db.write_transaction():
        EnrollmentCode.create(
            code_hash=sha256_hex(raw),
            person=person_id,
            created_at=server_db.now_iso(),
            expires_at=expires_at,
        )
        audit.record(
            audit.ENROLMENT_CODE_ISSUED, subject=person_id, detail={"expires_at": expires_at}
        )
    grouped = "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return IssuedCode(grouped, person_id, expires_at, person.name, namesakes.count())


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    token: str
    person: Person
    grids: list[str]


def enroll(
    code: str, device_name: str, previous_id: str = "", previous_token: str = ""
) -> Enrolled:
    """Exchange a code for a device id and token; the code is spent even if lost later.
    `previous_id` and `previous_token`: the enrolment the device held until now, retired
    (`_retire_replaced`) when it was the same person's."""
    code_hash = sha256_hex(normalize_code(code))
    now = server_db.now_iso()
    with server_db.write_transaction():
        row = EnrollmentCode.get_or_none(EnrollmentCode.code_hash == code_hash)
        if row is None:
            raise AuthError(
                "this enrolment code is not known; check it or ask for a new one",
                "enrolment_code_unknown",
            )
        if row.used_at is not None:
            raise AuthError(
                "this enrolment code was already used; ask for a new one", "enrolment_code_used"
            )
        if _utc(row.expires_at) < dt.datetime.now(dt.UTC):
            raise AuthError(
                "this enrolment code has expired; ask for a new one", "enrolment_code_expired"
            )
        device_id = str(uuid.uuid4())
        token = new_token()
        spent = (
            EnrollmentCode.update(used_at=now, device=device_id)
            .where((EnrollmentCode.code_hash == code_hash) & EnrollmentCode.used_at.is_null())
            .execute()
        )
        if spent != 1:
            raise AuthError(
                "this enrolment code was already used; ask for a new one", "enrolment_code_used"
            )
        Device.create(
            id=device_id,
            person=row.person_id,
            name=device_name[:200],
            token_hash=sha256_hex(token),
            created_at=now,
        )
        audit.record(
            audit.DEVICE_ENROLLED,
            actor=row.person_id,
            device=device_id,
            subject=device_id,
            detail={"device_name": device_name[:200]},
        )
        _retire_replaced(previous_id, previous_token, row.person_id, device_id)
        person = Person.get_by_id(row.person_id)
        grids = [
            link.grid_code for link in PersonGrid.select().where(PersonGrid.person == person.id)
        ]
    return Enrolled(device_id, token, person, sorted(grids))


def _retire_replaced(device_id: str, token: str, person_id: str, new_id: str) -> None:
    """The device's previous enrolment works no more, in the new one's transaction: only
    when its token proves the device held it and it was the same person's, so no device
    retires another's, nor another person's."""
    if not device_id or not token:
        return
    retired = (
        Device.update(revoked=True, revoked_at=server_db.now_iso())
        .where(
            (Device.id == device_id)
            & (Device.token_hash == sha256_hex(token))
            & (Device.person == person_id)
            & ~Device.revoked
        )
        .execute()
    )
    if retired:
        audit.record(
            audit.DEVICE_REPLACED, actor=person_id, device=new_id, subject=device_id,
            detail={"person": person_id, "by": new_id},
        )  # fmt: skip


def replaced(device_id: str) -> bool:
    """The device was retired by enrolling the same device again (`_retire_replaced`)."""
    return (
        AuditEntry.select()
        .where((AuditEntry.action == audit.DEVICE_REPLACED) & (AuditEntry.subject == device_id))
        .exists()
    )


# The device of a token hash (the one placeholder) and its person: the columns
# `device_of` reads. A push on PostgreSQL reads its venues in the same statement.
DEVICE_SQL = (
    "SELECT d.id, d.revoked, d.last_seen_at, p.id AS person_id, p.name, p.role FROM device d"
    " JOIN person p ON p.id = d.person_id WHERE d.token_hash = {}"
)


def authenticate(token: str) -> DeviceContext:
    db = server_db.current()
    row = db.execute_sql(DEVICE_SQL.format(db.param), (sha256_hex(token),)).fetchone()
    return device_of(row)


def device_of(row: Sequence[Any] | None) -> DeviceContext:
    """The caller of a `DEVICE_SQL` row; AuthError when there is none or it is revoked."""
    if row is None:
        raise AuthError(
            "this device is not enrolled with this server; enrol it again", NOT_ENROLLED
        )
    device_id, revoked, last_seen_at, person_id, person_name, role = row
    if revoked and replaced(device_id):  # its new enrolment's answer was lost on the way
        raise AuthError("this device was enrolled again; enrol it again", NOT_ENROLLED)
    if revoked:
        # Its own code: the device deletes the people data it holds when it reads it.
        raise AuthError("this device was revoked by the administrator; enrol it again", REVOKED)
    return DeviceContext(
        device_id=device_id,
        person_id=person_id,
        person_name=person_name,
        role=role,
        last_seen_at=last_seen_at,
    )


def revoke(device_id: str, *, signed_out: bool = False) -> bool:
    """The device's token works no more. `signed_out`: the device asked it itself (a
    `fieldapp web` session ended), which the audit trail and `admin devices` say."""
    action = audit.DEVICE_SIGNED_OUT if signed_out else audit.DEVICE_REVOKED
    with server_db.write_transaction():
        count = (
            Device.update(revoked=True, revoked_at=server_db.now_iso())
            .where(Device.id == device_id)
            .execute()
        )
        if count == 1:
            owner = Device.get_by_id(device_id).person_id
            audit.record(action, device=device_id, subject=device_id, detail={"person": owner})
    return count == 1
