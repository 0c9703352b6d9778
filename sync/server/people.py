"""The people registry on the server: its key, the `household.upsert` and
`personal_data.reveal` ops, feed records and the audit trail (edits: `people_audit`).

The personal-data key is made once per server database (the `meta` table, beside the
placard keys) and handed to enrolled devices by `GET /api/v1/personal-key`; a revoked
device's token is refused there like everywhere else. The server opens each sealed value a
device sends to check it and computes the duplicate lookups itself, never trusting the
device's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import EXCLUDED, fn

from fieldapp.domain import personal
from fieldapp.domain.personal import PersonalCipher
from fieldapp.domain.registry import (
    PERSON_TAGS,
    SEXES,
    birth_year_problem,
    date_not_come,
    household_unfindable,
)
from sync.protocol import (
    HouseholdUpsert,
    MemberPayload,
    PersonalExport,
    PersonalReveal,
    refusals,
)
from sync.server import audit as audit_log
from sync.server import db as server_db
from sync.server.feed import NewChange
from sync.server.models import Grid, Meta, Person, Venue
from sync.server.office_time import office_today
from sync.server.op_checks import check_text
from sync.server.people_audit import audit_edits
from sync.server.people_edits import member_writer, merged_household
from sync.server.people_models import Household, HouseholdMember, Responsibility, Vehicle
from sync.server.scope import (
    DeviceContext,
    is_responsible,
    may_write_grid,
    outside_grid_reason,
    require_own,
)
from sync.server.submit import Applied

KEY_META = "personal_data.key"


def personal_key() -> bytes:
    """The deployment's personal-data key, made on first use."""
    row = Meta.get_or_none(Meta.key == KEY_META)
    if row is not None:
        return personal.decode_key(str(row.value))
    Meta.insert(
        key=KEY_META, value=personal.encode_key(personal.new_key())
    ).on_conflict_ignore().execute()
    return personal.decode_key(str(Meta.get_by_id(KEY_META).value))


def cipher() -> PersonalCipher:
    return PersonalCipher(personal_key())


REVEALED = "personal_data.revealed"
EXPORTED = audit_log.PERSONAL_DATA_EXPORTED
MERGED = "people.merged"
IMPORTED = "people_registry.imported"
RETAINED = "personal_data.retention"
CLEARED = "personal_data.cleared"  # a person's ID number or phone taken away by an edit


def audit(actor: str | None, action: str, subject: str, *, device: str = "", **detail: Any) -> None:
    """One entry in the server's append-only audit trail (actor None: the administrator)."""
    audit_log.record(action, actor=actor, device=device, subject=subject, detail=detail)


def household_record(household: Household) -> dict[str, Any]:
    members = HouseholdMember.select().where(HouseholdMember.household == household.id)
    vehicles = Vehicle.select().where(Vehicle.household == household.id)
    return {
        "id": household.id,
        "grid_code": household.grid_code,
        "code": household.code,
        "building": household.building,
        "venue_id": household.venue_id,
        "address": household.address,
        "note": household.note,
        "updated_at": household.updated_at,
        "updated_by": household.updated_by,
        # Named, for a device that does not hold the writer (another grid's supervisor)
        # and tells its person their value was replaced (`sync.client.people_rows`).
        "updated_by_name": _person_name(household.updated_by),
        "members": [member_record(m) for m in members.order_by(HouseholdMember.id)],
        "vehicles": [
            {"id": v.id, "plate": v.plate, "kind": v.kind, "note": v.note}
            for v in vehicles.order_by(Vehicle.id)
        ],
        "cadres": cadres_of(household.id),
    }


def _person_name(person_id: str) -> str:
    person = Person.get_or_none(Person.id == person_id) if person_id else None
    return str(person.name) if person is not None else ""


def cadres_of(household_id: str) -> list[str]:
    """The person ids of the household's 包保 cadres."""
    query = Responsibility.select(Responsibility.person).where(
        Responsibility.household == household_id
    )
    return sorted(str(row.person_id) for row in query)


def member_record(member: HouseholdMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "sex": member.sex,
        "birth_year": member.birth_year,
        "id_number": member.id_number,
        "id_lookup": member.id_lookup,
        "phone": member.phone,
        "phone_lookup": member.phone_lookup,
        "tags": member.tags,
        "arrived_on": member.arrived_on,
        "left_on": member.left_on,
        "note": member.note,
        "registered_on": member.registered_on,
    }


def household_change(household: Household) -> NewChange:
    """The whole household as one feed record, visible in its grid and to its 包保 cadres."""
    return NewChange("household", household.id, household_record(household),
                     grid_code=household.grid_code, household_id=household.id)  # fmt: skip


def _date(value: str | None, m: MemberPayload, field: str, what: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        text = f"person {m.name} ({m.id}): {what} {value!r} is not a date (use YYYY-MM-DD)"
        raise _field_refused(text, m, field) from None


def _not_come(value: str | None, held: str | None, m: MemberPayload, field: str, what: str) -> None:
    """The device form's rule (`date_not_come`): a day that has not come is refused. A day
    ahead of the office's date is another time zone's today, not the future."""
    checked = _date(value, m, field, what)
    day = dt.date.fromisoformat(checked) if checked else None
    held_day = dt.date.fromisoformat(held) if held else None
    if date_not_come(day, office_today() + dt.timedelta(days=1), held_day):
        text = f"person {m.name} ({m.id}): {what} {value} is in the future; it must be today or earlier"
        params = {"person": m.name, "person_field": field, "value": value}
        raise refusals.refused(text, refusals.PERSON_DATE_TO_COME, **params)


def _birth_year_come(m: MemberPayload, held: int | None) -> None:
    """The device form's rule (`birth_year_problem`): a birth year to come is refused (the
    wire takes up to 2200). The office's year a day ahead, as for dates; a year held
    already, sent unchanged, is not judged again."""
    this_year = (office_today() + dt.timedelta(days=1)).year
    if m.birth_year != held and (problem := birth_year_problem(m.birth_year, this_year)):
        raise _field_refused(f"person {m.name} ({m.id}): {problem}", m, "birth_year")


def _field_refused(text: str, m: MemberPayload, field: str) -> refusals.Refusal:
    return refusals.refused(text, refusals.PERSON_FIELD, person=m.name, person_field=field)


def checked_member(seal: PersonalCipher, m: MemberPayload) -> dict[str, Any]:
    """The member's row values, after opening and checking its sealed values."""
    who = f"person {m.name} ({m.id})"
    try:
        id_number = seal.open(m.id_number, field=personal.ID_NUMBER_FIELD, owner=m.id)
        phone = seal.open(m.phone, field=personal.PHONE_FIELD, owner=m.id)
    except ValueError:
        text = (
            f"{who}: the ID number or phone was not sealed with this server's key; "
            "sync once so the device gets the key, then save the person again"
        )
        raise refusals.refused(text, refusals.PERSON_NOT_SEALED, person=m.name) from None
    held = HouseholdMember.get_or_none(HouseholdMember.id == m.id)
    try:
        check_text(who + "'s name", "person_name", m.name, held.name if held else None)
    except refusals.Refusal as refusal:
        raise _field_refused(str(refusal), m, "name") from None
    if id_number and (problem := personal.id_number_problem(id_number)):
        raise _field_refused(f"{who}: {problem}", m, "id_number")
    # The device form's rule, for what is new: a sex or birth year the number contradicts.
    kept = held is not None and (held.id_number, held.sex, held.birth_year) == (
        m.id_number, m.sex, m.birth_year
    )  # fmt: skip
    for field, _ in [] if kept else personal.id_number_faults(id_number, m.sex, m.birth_year):
        text = f"{who}: the {field.replace('_', ' ')} does not match the ID number"
        raise refusals.refused(
            text, refusals.PERSON_ID_DISAGREES, person=m.name, person_field=field
        )
    if m.sex and m.sex not in SEXES:
        text = f"{who}: sex {m.sex!r} is not one of {', '.join(SEXES)}"
        raise _field_refused(text, m, "sex")
    unknown = [tag for tag in m.tags if tag not in PERSON_TAGS]
    if unknown:
        raise _field_refused(f"{who}: unknown tag(s) {', '.join(unknown)}", m, "tags")
    for field, what in (("arrived_on", "the arrival date"), ("left_on", "the departure date")):
        _not_come(getattr(m, field), getattr(held, field, None), m, field, what)
    _birth_year_come(m, held.birth_year if held else None)
    return {
        "id": m.id,
        "name": m.name,
        "sex": m.sex,
        "birth_year": m.birth_year,
        "id_number": m.id_number,
        "id_lookup": seal.lookup(personal.normalize_id_number(id_number)),
        "phone": m.phone,
        "phone_lookup": seal.lookup(personal.normalize_phone(phone)),
        "tags": sorted(set(m.tags), key=PERSON_TAGS.index),
        "arrived_on": _date(m.arrived_on, m, "arrived_on", "the arrival date"),
        "left_on": _date(m.left_on, m, "left_on", "the departure date"),
        "note": m.note,
        "registered_on": _date(m.registered_on, m, "registered_on", "the registration date"),
    }


def write_household(values: dict[str, Any], members: list[dict[str, Any]],
                    vehicles: list[dict[str, Any]]) -> Household:  # fmt: skip
    """Upsert a household with its members and vehicles (members and vehicles not named
    are kept); a member's registration date is kept once set."""
    Household.insert(**values).on_conflict(
        conflict_target=[Household.id], update={k: v for k, v in values.items() if k != "id"}
    ).execute()
    for member in members:
        row = {**member, "household": values["id"]}
        update: dict[Any, Any] = {k: v for k, v in row.items() if k not in ("id", "registered_on")}
        # The registration date, once known, stays: a later edit (or an older device that
        # does not send it) never moves or clears it.
        update[HouseholdMember.registered_on] = fn.COALESCE(
            HouseholdMember.registered_on, EXCLUDED.registered_on
        )
        HouseholdMember.insert(**row).on_conflict(
            conflict_target=[HouseholdMember.id], update=update
        ).execute()
    for vehicle in vehicles:
        row = {**vehicle, "household": values["id"]}
        Vehicle.insert(**row).on_conflict(
            conflict_target=[Vehicle.id], update={k: v for k, v in row.items() if k != "id"}
        ).execute()
    return Household.get_by_id(values["id"])


def apply_household_upsert(who: DeviceContext, sub: HouseholdUpsert) -> Applied:
    require_own(who, sub.updated_by, f"household {sub.id}")
    if Grid.get_or_none(Grid.code == sub.grid_code) is None:
        raise refusals.unknown_grid(sub.grid_code)
    if server_db.is_postgres():  # what a clash names is read in one commit's state
        Household.select().where(Household.id == sub.id).for_update().execute()
    held = Household.get_or_none(Household.id == sub.id)
    # A 包保 cadre writes the household they are responsible for, in the grid it is in.
    cadre = held is not None and held.grid_code == sub.grid_code and is_responsible(who, sub.id)
    if not cadre and not may_write_grid(who, sub.grid_code):
        raise ValueError(outside_grid_reason(who, sub.grid_code, f"household {sub.id}"))
    if not cadre and held is not None and not may_write_grid(who, held.grid_code):
        raise ValueError(outside_grid_reason(who, held.grid_code, f"household {sub.id}"))
    seal = cipher()
    # Another device's edit since this one's started stays (field by field); what both
    # changed differently keeps the server's value and is told to this device.
    sub, clashes = merged_household(seal, sub)
    if sub.venue_id:
        venue = Venue.get_or_none(Venue.id == sub.venue_id)
        if venue is None or venue.grid_code != sub.grid_code:
            text = f"household {sub.id}: venue {sub.venue_id} is not in its grid"
            raise refusals.refused(text, refusals.HOUSEHOLD_VENUE)
    held_where = None if held is None else (held.code or "", held.address or "")
    if household_unfindable(sub.code, sub.address, held_where):  # the device's rule
        text = f"household {sub.id} has neither a household number nor an address"
        raise refusals.refused(text, refusals.HOUSEHOLD_UNFINDABLE)
    for name in ("code", "building", "address"):  # the device form's rules
        what = f"the {name} of household {sub.id}"
        check_text(what, f"household_{name}", getattr(sub, name), getattr(held, name, None))
    members = [checked_member(seal, m) for m in sub.members]
    for member in members:
        held_member = HouseholdMember.get_or_none(HouseholdMember.id == member["id"])
        member["updated_by"] = member_writer(member, held_member, sub.updated_by)
    values = sub.model_dump(exclude={"members", "vehicles", "grid_code", "base"})
    values["grid"] = sub.grid_code
    _audit_cleared(who, members)
    audit_edits(who, sub, members)
    household = write_household(values, members, [v.model_dump() for v in sub.vehicles])
    return Applied([household_change(household)], conflict="\n".join(clashes) or None)


def _audit_cleared(who: DeviceContext, members: list[dict[str, Any]]) -> None:
    """An ID number or phone held that an edit takes away (a wrong one cleared) is
    audited, as a reveal is: who, from which device, which person and field."""
    for member in members:
        held = HouseholdMember.get_or_none(HouseholdMember.id == member["id"])
        for field in (personal.ID_NUMBER_FIELD, personal.PHONE_FIELD):
            if held is not None and getattr(held, field) and not member[field]:
                audit(who.person_id, CLEARED, held.id, device=who.device_id, field=field)


def apply_personal_reveal(who: DeviceContext, sub: PersonalReveal) -> Applied:
    require_own(who, sub.actor, f"reveal {sub.id}")
    audit(who.person_id, REVEALED, sub.member_id, device=who.device_id, field=sub.field,
          device_time=sub.at, purpose=sub.purpose, purpose_note=sub.purpose_note,
          op=sub.id)  # fmt: skip
    return Applied([])


def apply_personal_export(who: DeviceContext, sub: PersonalExport) -> Applied:
    """An op devices queued before a ledger export became one `export.recorded` op (with
    its people count); kept so those still reach the trail."""
    require_own(who, sub.actor, f"export {sub.id}")
    if sub.full and not who.is_supervisor:
        text = "only a supervisor may export personal data in full"
        raise refusals.wrong_role(who.role, "full_export", text)
    audit(who.person_id, EXPORTED, sub.file, device=who.device_id, people=sub.people,
          full=sub.full, device_time=sub.at, op=sub.id)  # fmt: skip
    return Applied([])
