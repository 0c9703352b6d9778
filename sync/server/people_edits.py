"""Two devices' edits of one household or person, merged field by field.

A device sends with each person (and the household) it edits the values its edit started
from (`base`, sync.protocol.people.MemberBase). A field it left as it was keeps the
server's value, so an edit of the arrival date on one device does not undo a tag ticked on
another; a field only it changed takes its value. A field both changed to different values
keeps the server's (the first to sync) and the device is told, in one line a field, which
its sync shows in its person's language (fieldapp.services.syncing.problems): nothing is
dropped silently. A device that sends no base (before this) replaces the record whole.

The line's values are JSON, so a device reads them back exactly whatever they hold; sealed
values (ID number, phone) are named by their masks. Who changed the value is read from the
row that holds it (a person's own `updated_by`, the household's for its fields), under the
lock `apply_household_upsert` takes, so the name is of the writer of that value; an office
import is said as `the office`.
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.personal import PersonalCipher
from sync.protocol import HouseholdUpsert, MemberPayload
from sync.server.models import Person
from sync.server.people_models import Household, HouseholdMember

MEMBER_FIELDS = ("name", "sex", "birth_year", "id_number", "phone", "tags", "arrived_on",
                 "left_on", "note")  # fmt: skip
HOUSEHOLD_FIELDS = ("code", "building", "venue_id", "address", "note")
SEALED = {"id_number": personal.ID_NUMBER_FIELD, "phone": personal.PHONE_FIELD}
OFFICE = "admin"  # the writer of an office import (sync.server.people_import)


def _same(a: Any, b: Any) -> bool:
    """Alike as a person sees them: no value and an empty one are one, tags in any order."""
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    return (a if a not in (None, "") else None) == (b if b not in (None, "") else None)


def merged(base: dict[str, Any], pushed: dict[str, Any], held: dict[str, Any],
           fields: tuple[str, ...]) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """The values to write, and the fields both sides changed differently (the server's
    value is kept for those)."""
    out = dict(pushed)
    clashes: list[str] = []
    for name in fields:
        mine, theirs, was = pushed.get(name), held.get(name), base.get(name)
        if _same(mine, was):
            out[name] = theirs
        elif not _same(theirs, was) and not _same(theirs, mine):
            out[name] = theirs
            clashes.append(name)
    return out, clashes


def _shown(seal: PersonalCipher, owner: str, name: str, value: Any) -> Any:
    if name not in SEALED or not value:
        return value
    opened = seal.open(str(value), field=SEALED[name], owner=owner)
    mask = personal.mask_id_number if name == "id_number" else personal.mask_phone
    return mask(opened)


def writer(person_id: str) -> str:
    """Who wrote a value, as a clash line says it: the person's name in JSON, `the office`
    for an office import, "" for a writer this server does not hold."""
    if person_id == OFFICE:
        return "the office"
    person = Person.get_or_none(Person.id == person_id) if person_id else None
    return json.dumps(str(person.name) if person is not None else "", ensure_ascii=False)


def member_writer(member: dict[str, Any], held: HouseholdMember | None, by: str) -> str:
    """Who the person's row is written by: `by` if it changes any of their values, else
    who wrote them (an edit of the household or another person leaves them theirs)."""
    if held is None or any(not _same(member[f], getattr(held, f)) for f in MEMBER_FIELDS):
        return by
    return str(held.updated_by)


def clash_line(kind: str, label: str, record_id: str, name: str, theirs: Any, mine: Any,
               by: str) -> str:  # fmt: skip
    """One field both changed, in English, with its values as JSON (read back by
    fieldapp.services.syncing.people_conflicts); `by`: the person id of its writer."""
    j = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    return (
        f"the {name} of {kind} {j(label)} ({record_id}) was changed meanwhile by {writer(by)} "
        f"to {j(theirs)}; this device's {j(mine)} was not applied"
    )


def merged_household(seal: PersonalCipher,
                     sub: HouseholdUpsert) -> tuple[HouseholdUpsert, list[str]]:  # fmt: skip
    """`sub` with the fields its device left as they were taken from the server, and the
    lines of those both changed."""
    lines: list[str] = []
    update: dict[str, Any] = {}
    held = Household.get_or_none(Household.id == sub.id)
    if sub.base is not None and held is not None:
        now = {name: getattr(held, name) for name in HOUSEHOLD_FIELDS}
        values, clashes = merged(sub.base.model_dump(), sub.model_dump(), now, HOUSEHOLD_FIELDS)
        update = {name: values[name] for name in HOUSEHOLD_FIELDS}
        label = held.code or held.address or held.id
        for name in clashes:
            mine = getattr(sub, name)
            by = str(held.updated_by)
            lines.append(clash_line("household", label, sub.id, name, now[name], mine, by))
    members = []
    for m in sub.members:
        member, said = _merged_member(seal, m)
        members.append(member)
        lines += said
    return sub.model_copy(update={**update, "members": members}), lines


def _merged_member(seal: PersonalCipher, m: MemberPayload) -> tuple[MemberPayload, list[str]]:
    held = HouseholdMember.get_or_none(HouseholdMember.id == m.id)
    if m.base is None or held is None:
        return m, []
    now = {name: getattr(held, name) for name in MEMBER_FIELDS}
    values, clashes = merged(m.base.model_dump(), m.model_dump(), now, MEMBER_FIELDS)
    update = {name: values[name] for name in MEMBER_FIELDS}
    for lookup, sealed in (("id_lookup", "id_number"), ("phone_lookup", "phone")):
        if update[sealed] == now[sealed]:
            update[lookup] = getattr(held, lookup)
    lines = [
        clash_line(
            "person",
            held.name,
            m.id,
            name,
            _shown(seal, m.id, name, now[name]),
            _shown(seal, m.id, name, getattr(m, name)),
            str(held.updated_by),
        )  # fmt: skip
        for name in clashes
    ]
    return m.model_copy(update=update), lines
