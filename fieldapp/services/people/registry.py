"""Registering and editing households offline.

A save checks every field first (each problem with the field it belongs to, worded for
the person typing), seals the ID numbers and phones with the device's key, and writes the
household, its members and vehicles and one `household.upsert` outbox op in one
transaction. Reading them back masked is `registry_reads` (its names are kept here, where
the screens and tests look them up).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.domain.registry import (
    EARLIEST_BIRTH_YEAR,
    PERSON_TAGS,
    REVEAL_ROLES,
    SEXES,
    birth_year_problem,
    date_not_come,
    holds_id_or_phone,
    household_unfindable,
    left_before_arrived,
)
from fieldapp.domain.typed import no_such_day, typed_date
from fieldapp.i18n import listed, t
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.people import responsibilities
from fieldapp.services.people.edit_base import household_base, member_base
from fieldapp.services.people.registry_reads import household as household
from fieldapp.services.people.registry_reads import households as households
from fieldapp.services.people.registry_reads import member_view as member_view
from fieldapp.services.people.registry_reads import seal_or_none
from fieldapp.services.people.registry_views import HouseholdView as HouseholdView
from fieldapp.services.people.registry_views import MemberView as MemberView
from fieldapp.store import keyring
from fieldapp.store.db import write_transaction
from fieldapp.store.people_models import Household, HouseholdMember, Vehicle
from fieldapp.store.refused_records import created_here_not_taken

OP_HOUSEHOLD_UPSERT = "household.upsert"


@dataclass
class MemberForm:
    """What was typed for one person; `id_number` / `phone` empty on an edit keep the
    held values (the form shows them masked and never holds them in clear), `-` clears
    them (`personal.clears`)."""

    name: str
    id: str = ""
    sex: str = ""
    birth_year: str = ""
    id_number: str = ""
    phone: str = ""
    tags: tuple[str, ...] = ()
    arrived_on: str = ""
    left_on: str = ""
    note: str = ""


@dataclass
class VehicleForm:
    plate: str
    id: str = ""
    kind: str = ""
    note: str = ""


@dataclass
class HouseholdForm:
    grid_code: str
    id: str = ""
    code: str = ""
    building: str = ""
    address: str = ""
    venue_id: str | None = None
    note: str = ""
    members: list[MemberForm] = field(default_factory=list)
    vehicles: list[VehicleForm] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    where: str  # "grid", "members.0.id_number", …
    message: str


class RegistryInvalid(ValueError):
    """Nothing was saved; `problems` says what to correct, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def _date(text: str, where: str, problems: list[Problem]) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return typed_date(text)
    except ValueError:
        said = no_such_day(text) or t("people.bad_date", value=text.strip())
        problems.append(Problem(where, said))
        return None


def _check_member(m: MemberForm, where: str, problems: list[Problem]) -> dict[str, Any]:
    values: dict[str, Any] = {"name": m.name.strip(), "note": m.note.strip()}
    if not values["name"]:
        problems.append(Problem(f"{where}.name", t("people.name_empty")))
    elif (said := _new_text_problem("person_name", values["name"], _held_name(m.id))) is not None:
        problems.append(Problem(f"{where}.name", said))
    if (said := text_problem("person_note", values["note"])) is not None:  # the wire's most
        problems.append(Problem(f"{where}.note", said))
    _no_number_in_text(values, ("name", "note"), where, problems)
    if m.sex and m.sex not in SEXES:
        problems.append(Problem(f"{where}.sex", t("people.bad_sex")))
    values["sex"] = m.sex
    year: int | None = None
    if m.birth_year.strip():
        try:
            year = int(m.birth_year.strip())
        except ValueError:
            problems.append(Problem(f"{where}.birth_year", t("people.bad_birth_year")))
        else:
            to_come = year > today().year  # else before the earliest (85: not four digits)
            if to_come or birth_year_problem(year, today().year):
                key = "people.birth_year_range" if year >= 1000 else "people.bad_birth_year"
                key = "people.birth_year_future" if to_come else key
                said = t(key, year=year, earliest=EARLIEST_BIRTH_YEAR, latest=today().year)
                problems.append(Problem(f"{where}.birth_year", said))
    held = HouseholdMember.get_or_none(HouseholdMember.id == m.id) if m.id else None
    dropped = {name for name in ("id_number", "phone") if personal.clears(getattr(m, name))}
    id_number = "" if "id_number" in dropped else personal.normalize_id_number(m.id_number)
    against = id_number or ("" if "id_number" in dropped else _kept_id_number(held, m.sex, year))
    bad_year = any(p.where == f"{where}.birth_year" for p in problems)  # said once
    for name, fault in personal.id_number_faults(against, m.sex, None if bad_year else year):
        said = t(f"people.bad_id_number.{fault}") if id_number else _held_id_fault(fault)
        problems.append(Problem(f"{where}.{name}", said))
    if id_number and year is None:
        year = personal.birth_year_of(id_number)
    values["birth_year"] = year
    phone = "" if "phone" in dropped else personal.normalize_phone(m.phone)
    if personal.phone_problem(phone):
        problems.append(Problem(f"{where}.phone", t("people.bad_phone")))
    values["clear_id_number"], values["clear_phone"] = id_number, phone
    values["dropped"] = dropped
    unknown = [tag for tag in m.tags if tag not in PERSON_TAGS]
    if unknown:
        problems.append(Problem(f"{where}.tags", t("people.bad_tags", tags=listed(unknown))))
    values["tags"] = [tag for tag in PERSON_TAGS if tag in m.tags]
    for day in ("arrived_on", "left_on"):
        values[day] = _date(getattr(m, day), f"{where}.{day}", problems)
        if date_not_come(values[day], today(), getattr(held, day, None)):
            said = t(f"people.{day}_future", value=values[day].isoformat())
            problems.append(Problem(f"{where}.{day}", said))
    if left_before_arrived(values["arrived_on"], values["left_on"]):
        problems.append(Problem(f"{where}.left_on", t("people.left_before_arrived")))
    return values


def _kept_id_number(held: HouseholdMember | None, sex: str, year: int | None) -> str:
    """The ID number held for a person whose number is left as it is (不变: the field is
    empty), opened to check a changed sex or birth year against, as the server checks the
    sealed number it is sent; "" when neither changed (a record from before the rule still
    saves), nothing is held, or the device is locked (the save stops there anyway)."""
    if held is None or not held.id_number or (held.sex, held.birth_year) == (sex, year):
        return ""
    seal = seal_or_none()
    if seal is None:
        return ""
    return personal.normalize_id_number(
        seal.open(held.id_number, field=personal.ID_NUMBER_FIELD, owner=held.id)
    )


def _held_id_fault(fault: str) -> str:
    """A sex or birth year the held number contradicts, said without its digits: the form
    shows that number masked (3502**********0265), so "its 7th to 10th digits" cannot be
    checked there. Who may reveal it is told where to open it; anyone else, to check the
    sex or year and leave the number to the grid head."""
    opens = "reveal" if me().role in REVEAL_ROLES else "head"
    return t(f"people.held_id_number.{fault}.{opens}")


def _held_name(member_id: str) -> str | None:
    held = HouseholdMember.get_or_none(HouseholdMember.id == member_id) if member_id else None
    return None if held is None else held.name


def _new_text_problem(field: str, typed: str, held: str | None) -> str | None:
    """`text_problem` for what was typed; a value held already, kept as it is, is not
    checked again (records from before the rule still save)."""
    kept = held is not None and typed.strip() == held.strip()
    return None if kept else text_problem(field, typed)


def _no_number_in_text(
    values: dict[str, Any], fields: tuple[str, ...], where: str, problems: list[Problem]
) -> None:
    """An ID number or phone in a free-text field would be shown and exported unmasked."""
    for name in fields:
        if holds_id_or_phone(values[name]):
            label = t(f"person.{name}")
            problems.append(Problem(f"{where}.{name}", t("people.number_in_text", field=label)))


def checked_household(form: HouseholdForm) -> tuple[list[dict[str, Any]], list[str]]:
    """The members' values and plates as they would be saved; RegistryInvalid if not."""
    who = me()
    problems: list[Problem] = []
    if not form.grid_code:
        problems.append(Problem("grid", t("people.grid_empty")))
    elif form.grid_code not in grid_codes_under([code for code, _name in who.grids]) and not (
        form.id and responsibilities.mine_in_grid(form.id, form.grid_code)
    ):
        problems.append(Problem("grid", t("people.grid_not_mine", grid=form.grid_code)))
    held = Household.get_or_none(Household.id == form.id) if form.id else None
    held_where = None if held is None else (held.code or "", held.address or "")
    if household_unfindable(form.code, form.address, held_where):
        problems.append(Problem("household.address", t("people.household_unfindable")))
    for name in ("code", "building", "address"):  # plain text, bounded as the wire bounds them
        typed = getattr(form, name)
        said = _new_text_problem(f"household_{name}", typed, getattr(held, name, None))
        if typed.strip() and said is not None:
            problems.append(Problem(f"household.{name}", said))
    _no_number_in_text({"address": form.address.strip()}, ("address",), "household", problems)
    members = [_check_member(m, f"members.{i}", problems) for i, m in enumerate(form.members)]
    plates = [v.plate.strip().upper() for v in form.vehicles]
    for i, plate in enumerate(plates):
        if not plate:
            problems.append(Problem(f"vehicles.{i}.plate", t("people.plate_empty")))
    if problems:
        raise RegistryInvalid(problems)
    return members, plates


def save_household(form: HouseholdForm) -> str:
    """Check, seal and write the household and its outbox op; returns its id."""
    who = me()
    members, plates = checked_household(form)
    seal = keyring.cipher()  # PersonalDataLocked before anything is written
    household_id = form.id or new_id()
    with write_transaction():
        values = {
            "grid": form.grid_code,
            "code": form.code.strip(),
            "building": form.building.strip(),
            "venue_id": form.venue_id or None,
            "address": form.address.strip(),
            "note": form.note.strip(),
            "updated_at": now_iso(),
            "updated_by": who.person_id,
        }
        base = household_base(Household.get_or_none(Household.id == household_id))
        Household.insert(id=household_id, **values).on_conflict(
            conflict_target=[Household.id], update=values
        ).execute()
        member_payloads = []
        for form_member, checked in zip(form.members, members, strict=True):
            member_payloads.append(_write_member(seal, household_id, form_member, checked))
        vehicle_payloads = []
        for vehicle, plate in zip(form.vehicles, plates, strict=True):
            row = {"household": household_id, "plate": plate, "kind": vehicle.kind.strip(),
                   "note": vehicle.note.strip()}  # fmt: skip
            vid = vehicle.id or new_id()
            Vehicle.insert(id=vid, **row).on_conflict(
                conflict_target=[Vehicle.id], update=row
            ).execute()
            vehicle_payloads.append({"id": vid, "plate": plate, "kind": row["kind"],
                                     "note": row["note"]})  # fmt: skip
        payload = {
            "id": household_id,
            "grid_code": form.grid_code,
            **{k: v for k, v in values.items() if k != "grid"},
            "members": member_payloads,
            "vehicles": vehicle_payloads,
            **({"base": base} if base is not None else {}),
        }
        # A household created here, until the office takes it, is named beside the sealed
        # op, so a refusal marks it (`store.refused_records`); an edit of one the office
        # holds is not (a refused edit leaves the office's record standing).
        created_here = not form.id or created_here_not_taken(OP_HOUSEHOLD_UPSERT, household_id)
        outbox.enqueue(
            OP_HOUSEHOLD_UPSERT, payload, record_id=household_id if created_here else None
        )
    return household_id


def _write_member(
    seal: personal.PersonalCipher, household_id: str, form: MemberForm, checked: dict[str, Any]
) -> dict[str, Any]:
    member_id = form.id or new_id()
    held = HouseholdMember.get_or_none(HouseholdMember.id == member_id)
    base = member_base(held)
    clear_id, clear_phone = checked.pop("clear_id_number"), checked.pop("clear_phone")
    dropped = checked.pop("dropped")  # a held ID number or phone the edit clears
    if clear_id or held is None or "id_number" in dropped:
        checked["id_number"] = seal.seal(clear_id, field=personal.ID_NUMBER_FIELD, owner=member_id)
        checked["id_lookup"] = seal.lookup(clear_id)
    else:
        checked["id_number"], checked["id_lookup"] = held.id_number, held.id_lookup
    if clear_phone or held is None or "phone" in dropped:
        checked["phone"] = seal.seal(clear_phone, field=personal.PHONE_FIELD, owner=member_id)
        checked["phone_lookup"] = seal.lookup(clear_phone)
    else:
        checked["phone"], checked["phone_lookup"] = held.phone, held.phone_lookup
    # Registered the day the person is first saved; an edit never moves it (a person saved
    # before the date was kept stays unknown).
    checked["registered_on"] = today() if held is None else held.registered_on
    row = {**checked, "household": household_id}
    HouseholdMember.insert(id=member_id, **row).on_conflict(
        conflict_target=[HouseholdMember.id], update=row
    ).execute()
    payload = {k: v for k, v in checked.items()}
    for day in ("arrived_on", "left_on", "registered_on"):
        payload[day] = payload[day].isoformat() if payload[day] else None
    return {"id": member_id, **payload, **({"base": base} if base is not None else {})}
