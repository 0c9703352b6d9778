"""Who changed whose personal data, and when (个人信息保护法): every `household.upsert` that
changes a household's or a person's fields leaves one `personal_data.edited` entry per
record it changes in the audit trail, written in the transaction that applies it.

An entry names the fields, never their values: the trail must not become a second copy of
the registry. ID numbers and phones are compared by their lookups (the same number sealed
again is not a change); a field the edit left as the server held it is not named, nor is
a save that changes nothing. An office import is audited once per run
(`people_registry.imported`, with its counts), not here.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import HouseholdUpsert
from sync.server import audit as audit_log
from sync.server.people_models import Household, HouseholdMember, Vehicle
from sync.server.scope import DeviceContext

EDITED = "personal_data.edited"
HOUSEHOLD = "household"
PERSON = "person"
# The fields named, in the order the forms show them; `id_number` and `phone` compared
# by their lookups.
MEMBER_FIELDS = ("name", "sex", "birth_year", "id_number", "phone", "tags", "arrived_on",
                 "left_on", "note")  # fmt: skip
HOUSEHOLD_FIELDS = ("grid", "code", "building", "address", "venue_id", "note", "vehicles")
_COMPARED_AS = {"id_number": "id_lookup", "phone": "phone_lookup"}


def audit_edits(who: DeviceContext, sub: HouseholdUpsert, members: list[dict[str, Any]]) -> None:
    """Record what `sub` (merged with the server's record) and its checked `members`
    change, before they are written."""
    detail = {"device_time": sub.updated_at}
    held = Household.get_or_none(Household.id == sub.id)
    changed = _household_changes(held, sub)
    if changed:
        _record(who, sub.id, HOUSEHOLD, changed, new=held is None, **detail)
    for member in members:
        person = HouseholdMember.get_or_none(HouseholdMember.id == member["id"])
        changed = _member_changes(person, member)
        if changed:
            _record(who, member["id"], PERSON, changed, new=person is None,
                    household=sub.id, **detail)  # fmt: skip


def _record(who: DeviceContext, subject: str, record: str, fields: list[str],
            **detail: Any) -> None:  # fmt: skip
    audit_log.record(EDITED, actor=who.person_id, device=who.device_id, subject=subject,
                     detail={"record": record, "fields": fields, **detail})  # fmt: skip


def _same(held: Any, sent: Any) -> bool:
    """Equal, with an empty value (None, "", no tags) equal to any other."""
    return (held or None) == (sent or None)


def _member_changes(held: HouseholdMember | None, member: dict[str, Any]) -> list[str]:
    fields = []
    for name in MEMBER_FIELDS:
        key = _COMPARED_AS.get(name, name)
        was, now = getattr(held, key, None), member[key]
        if name == "tags":
            was, now = sorted(was or ()), sorted(now or ())
        if not _same(was, now):
            fields.append(name)
    return fields


def _household_changes(held: Household | None, sub: HouseholdUpsert) -> list[str]:
    fields = []
    for name in HOUSEHOLD_FIELDS[:-1]:
        attribute = "grid_code" if name == "grid" else name
        if not _same(getattr(held, attribute, None), getattr(sub, attribute)):
            fields.append(name)
    if any(_vehicle_changed(v.id, (v.plate, v.kind, v.note)) for v in sub.vehicles):
        fields.append("vehicles")
    return fields


def _vehicle_changed(vehicle_id: str, sent: tuple[str, str, str]) -> bool:
    held = Vehicle.get_or_none(Vehicle.id == vehicle_id)
    was = (held.plate, held.kind, held.note) if held is not None else None
    return was != sent
