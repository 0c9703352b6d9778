"""Duplicates in the registry, and a supervisor's merge of two records of one person.

Two records are one person when their ID numbers' lookups are equal, or their name,
birth year and phone lookup are (`domain.registry.duplicate_keys`): nothing is opened to
find them. A merge keeps the older record (ids sort by creation), fills its gaps from the
newer one, joins the tags, removes the newer one and queues a `person.merge` op, in one
transaction; the server does the same and audits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.domain.registry import duplicate_keys, merged_member
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.people.registry import HouseholdForm, MemberView, member_view
from fieldapp.store import keyring
from fieldapp.store.db import write_transaction
from fieldapp.store.people_models import Household, HouseholdMember

OP_PERSON_MERGE = "person.merge"
SEALED = ((personal.ID_NUMBER_FIELD, "id_lookup"), (personal.PHONE_FIELD, "phone_lookup"))


class MergeRefused(PermissionError):
    """Only supervisors merge records."""


@dataclass(frozen=True)
class DuplicatePair:
    keep: MemberView
    drop: MemberView
    by_id_number: bool  # found by the ID number (else by name, birth year and phone)


def _row(member: HouseholdMember) -> dict[str, Any]:
    return {
        "name": member.name,
        "sex": member.sex,
        "birth_year": member.birth_year,
        "id_number": member.id_number,
        "id_lookup": member.id_lookup,
        "phone": member.phone,
        "phone_lookup": member.phone_lookup,
        "tags": list(member.tags or ()),
        "arrived_on": member.arrived_on,
        "left_on": member.left_on,
        "note": member.note,
        "registered_on": member.registered_on,
    }


def duplicates() -> list[DuplicatePair]:
    """Pairs of records in my grids that are one person, the older record first."""
    grids = grid_codes_under([code for code, _name in me().grids])
    members = list(
        HouseholdMember.select()
        .join(Household)
        .where(Household.grid.in_(grids))
        .order_by(HouseholdMember.id)
    )
    first: dict[tuple[str, ...], HouseholdMember] = {}
    pairs: list[tuple[HouseholdMember, HouseholdMember, bool]] = []
    paired: set[str] = set()
    for member in members:
        for key in duplicate_keys(_row(member)):
            held = first.setdefault(key, member)
            if held is not member and member.id not in paired:
                pairs.append((held, member, key[0] == "id"))
                paired.add(member.id)
    try:
        seal: personal.PersonalCipher | None = keyring.cipher()
    except personal.PersonalDataLocked:
        seal = None
    return [
        DuplicatePair(member_view(a, seal), member_view(b, seal), by_id) for a, b, by_id in pairs
    ]


@dataclass(frozen=True)
class HeldIdNumber:
    """A person being saved whose ID number another held person already has."""

    name: str  # as typed
    other: str  # the held person's name
    household: str  # the held person's household: its number, else its address


def held_id_numbers(form: HouseholdForm) -> list[HeldIdNumber]:
    """The people of `form` whose typed ID number another person on this device already
    has (by its lookup: nothing is opened). Saving them is not refused — the person is
    registered, nobody is missed — but the one typing is told whom it matches, and a
    supervisor merges the pair later (`duplicates`). PersonalDataLocked while locked."""
    seal = keyring.cipher()
    found: list[HeldIdNumber] = []
    typed = [(m, personal.normalize_id_number(m.id_number)) for m in form.members]
    for member, clear in typed:
        if not clear or personal.id_number_problem(clear):
            continue
        held = HouseholdMember.select().where(HouseholdMember.id_lookup == seal.lookup(clear))
        for other in held.where(HouseholdMember.id != member.id):
            where = other.household.code or other.household.address or "-"
            found.append(HeldIdNumber(member.name.strip(), other.name, where))
    return found


def merge(keep_id: str, drop_id: str) -> None:
    who = me()
    if not who.is_supervisor:
        raise MergeRefused(who.role)
    seal = keyring.cipher()
    keep = HouseholdMember.get_by_id(keep_id)
    drop = HouseholdMember.get_by_id(drop_id)
    kept, dropped = _row(keep), _row(drop)
    values = merged_member(kept, dropped)
    for field, lookup in SEALED:
        if not kept[field] and dropped[field]:
            clear = seal.open(dropped[field], field=field, owner=drop_id)
            values[field] = seal.seal(clear, field=field, owner=keep_id)
            values[lookup] = dropped[lookup]
    with write_transaction():
        HouseholdMember.update(**values).where(HouseholdMember.id == keep_id).execute()
        drop.delete_instance()
        outbox.enqueue(
            OP_PERSON_MERGE,
            {"id": new_id(), "actor": who.person_id, "keep": keep_id, "drop": drop_id,
             "at": now_iso()},
        )  # fmt: skip
