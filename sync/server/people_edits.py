"""Two devices' edits of one household or person, merged field by field.

A device sends with each person (and the household) it edits the values its edit started
from (`base`, sync.protocol.people.MemberBase). A field it left as it was keeps the
server's value, so an edit of the arrival date on one device does not undo a tag ticked on
another; a field only it changed takes its value. A field both changed to different values
keeps the server's (the first to sync) and the device is told, in one line a field, which
its sync shows in its person's language (fieldapp.services.syncing.problems): nothing is
dropped silently. A device that sends no base (before this) replaces the record whole.

The line's values are JSON, so a device reads them back exactly whatever they hold; sealed
values (ID number, phone) are named by their masks.
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.personal import PersonalCipher
from sync.protocol import HouseholdUpsert, MemberPayload
from sync.server.people_models import Household, HouseholdMember

MEMBER_FIELDS = ("name", "sex", "birth_year", "id_number", "phone", "tags", "arrived_on",
                 "left_on", "note")  # fmt: skip
HOUSEHOLD_FIELDS = ("code", "building", "venue_id", "address", "note")
SEALED = {"id_number": personal.ID_NUMBER_FIELD, "phone": personal.PHONE_FIELD}


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


def clash_line(kind: str, label: str, record_id: str, name: str, theirs: Any, mine: Any,
               by: str) -> str:  # fmt: skip
    """One field both changed, in English, with its values as JSON (read back by
    fieldapp.services.syncing.people_conflicts)."""
    j = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    return (
        f"the {name} of {kind} {j(label)} ({record_id}) was changed meanwhile by {j(by)} "
        f"to {j(theirs)}; this device's {j(mine)} was not applied"
    )


def merged_household(seal: PersonalCipher, sub: HouseholdUpsert,
                     by: str) -> tuple[HouseholdUpsert, list[str]]:  # fmt: skip
    """`sub` with the fields its device left as they were taken from the server, and the
    lines of those both changed (`by`: who wrote the server's record last)."""
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
            lines.append(clash_line("household", label, sub.id, name, now[name], mine, by))
    members = []
    for m in sub.members:
        member, said = _merged_member(seal, m, by)
        members.append(member)
        lines += said
    return sub.model_copy(update={**update, "members": members}), lines


def _merged_member(seal: PersonalCipher, m: MemberPayload,
                   by: str) -> tuple[MemberPayload, list[str]]:  # fmt: skip
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
            by,
        )  # fmt: skip
        for name in clashes
    ]
    return m.model_copy(update=update), lines
