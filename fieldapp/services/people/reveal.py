"""Opening a masked ID number or phone: a deliberate act of an allowed role, audited.

The reveal and its `personal_data.reveal` outbox op are one transaction: the clear value
is returned only once the audit op is durable, so the server's audit trail learns of every
reveal (who, whose, which field, when, on which device, and why) at the next sync.

Every reveal says its purpose, one of `PURPOSES`; "other" only with a note saying what it
is, in words (`says_something`: "x" or "。。" says nothing). The note goes with any purpose (a case number, whom the check was for).
"""

from __future__ import annotations

from fieldapp.domain import personal
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.domain.registry import REVEAL_ROLES
from fieldapp.domain.typed import says_something
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import me
from fieldapp.store import keyring
from fieldapp.store.db import write_transaction
from fieldapp.store.people_models import HouseholdMember

OP_PERSONAL_REVEAL = "personal_data.reveal"
FIELDS = (personal.ID_NUMBER_FIELD, personal.PHONE_FIELD)
OTHER_PURPOSE = "other"
# Why a grid worker opens a number: checking who someone is on a visit, handling an
# incident, a check the police or a higher office asked for, or something else (explained).
PURPOSES = ("identity_check", "incident", "police_check", OTHER_PURPOSE)
NOTE_LENGTH = 200  # sync.protocol.people.PersonalReveal.purpose_note


class RevealRefused(PermissionError):
    """This person's role may not open personal data."""


def may_reveal() -> bool:
    return me().role in REVEAL_ROLES


def checked_note(purpose: str, note: str) -> str:
    """The note as kept, once `purpose` is one of `PURPOSES` (other: with a note that says
    something); ValueError otherwise. A reveal's and a full export's alike."""
    note = note.strip()[:NOTE_LENGTH]
    if purpose not in PURPOSES or (purpose == OTHER_PURPOSE and not says_something(note)):
        raise ValueError(f"a purpose of {PURPOSES} is needed (other: with a note)")
    return note


def reveal(member_id: str, field: str, *, purpose: str, note: str = "") -> str:
    """The clear value of `field` of a member, after its audit op (with `purpose`, one of
    `PURPOSES`, and `note`) is committed."""
    if field not in FIELDS:
        raise ValueError(f"unknown personal field {field!r}")
    note = checked_note(purpose, note)
    who = me()
    if who.role not in REVEAL_ROLES:
        raise RevealRefused(who.role)
    seal = keyring.cipher()
    member = HouseholdMember.get_by_id(member_id)
    token = member.id_number if field == personal.ID_NUMBER_FIELD else member.phone
    clear = seal.open(token, field=field, owner=member_id)
    with write_transaction():
        outbox.enqueue(
            OP_PERSONAL_REVEAL,
            {
                "id": new_id(),
                "actor": who.person_id,
                "device_id": who.device_id,
                "member_id": member_id,
                "field": field,
                "at": now_iso(),
                "purpose": purpose,
                "purpose_note": note,
            },
        )
    return clear
