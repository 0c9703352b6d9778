"""Pulled households: the server's record replaces the device's copy of the household.

The record names every member, vehicle and 包保 cadre the server holds; members and vehicles of the
household that it no longer names (merged into another person by a supervisor, deleted by
retention) are removed here too. The device pushes before it pulls, so its own unsent
changes are on the server before the server's record arrives.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fieldapp.domain.personal import PersonalDataLocked
from fieldapp.store.models import Outbox, Person, SyncState
from fieldapp.store.people_models import Household, HouseholdMember, Responsibility, Vehicle
from fieldapp.store.personal_data import LOCKED_OPS_WARNING, forget_for_new_scope, payload_text
from sync.client.base import Conflict, Replaced, SyncResult

HOUSEHOLD_FIELDS = ("code", "building", "venue_id", "address", "note", "updated_at", "updated_by")
MEMBER_FIELDS = ("name", "sex", "birth_year", "id_number", "id_lookup", "phone", "phone_lookup",
                 "tags", "note")  # fmt: skip


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# The fields of a person whose replacement by another person's edit is said (`Replaced`).
TOLD_FIELDS = ("name", "birth_year", "note")
RECENT_EDITS = 200  # this device's last household ops looked through for its last edit


def _changed_here(household_id: str) -> dict[str, set[str]] | None:
    """Of the told fields, those this device's last edit of the household changed, by
    person: a value apart from the base it sent (sync.server.people_edits merged the rest,
    so a value pulled for them replaced nothing of mine), all of a person it sent without
    a base (new here, or a device of before). None when not known (not among the recent
    edits, or sealed while the device is locked): every told field, as before."""
    recent = (
        Outbox.select(Outbox.payload)
        .where(Outbox.type == "household.upsert")
        .order_by(Outbox.seq.desc())
        .limit(RECENT_EDITS)
    )
    for row in recent:
        try:
            payload = json.loads(payload_text(row))
        except PersonalDataLocked:
            return None
        if payload.get("id") != household_id:
            continue
        changed: dict[str, set[str]] = {}
        for m in payload.get("members") or []:
            base = m.get("base")
            changed[m["id"]] = {
                name for name in TOLD_FIELDS
                if base is None or str(m.get(name) or "") != str(base.get(name) or "")
            }  # fmt: skip
        return changed
    return None


def replaced_here(record: dict[str, Any]) -> list[Replaced]:
    """The fields of the household's people that this device's person wrote last and the
    pulled `record`, written by someone else since, replaces with other values."""
    state = SyncState.get_or_none()
    held = Household.get_or_none(Household.id == record["id"])
    by = str(record.get("updated_by") or "")
    if state is None or held is None or held.updated_by != state.person or by in ("", state.person):
        return []
    writer = Person.get_or_none(Person.id == by)
    who = str(record.get("updated_by_name") or (writer.name if writer is not None else by))
    found: list[Replaced] = []
    changed = _changed_here(str(record["id"]))
    for m in record.get("members") or []:
        row = HouseholdMember.get_or_none(HouseholdMember.id == m["id"])
        if row is None:
            continue
        told = TOLD_FIELDS if changed is None else changed.get(row.id, set())
        for name in [name for name in TOLD_FIELDS if name in told]:
            mine, theirs = getattr(row, name), m.get(name)
            if str(mine or "") != str(theirs or ""):
                found.append(
                    Replaced(row.id, row.name, name, str(mine or ""), str(theirs or ""), who)
                )
    return found


def still_replaced(found: list[Replaced], conflicts: list[Conflict]) -> list[Replaced]:
    """Of `found` in one pull, those still as the other person wrote them once it is all
    applied: a pull that brings another's older record and then my own newer one (my edit
    reached the server after theirs) replaced nothing of mine. A field the server told of
    as a conflict in this run's push (sync.server.people_edits) is said there, not twice."""
    told = [c.reason for c in conflicts if c.op_type == "household.upsert"]
    kept: dict[tuple[str, str], Replaced] = {}
    for r in found:
        lines = (line for reason in told for line in reason.split("\n"))
        if any(line.startswith(f"the {r.field} of person ") and f" ({r.member_id}) " in line
               for line in lines):  # fmt: skip
            continue
        row = HouseholdMember.get_or_none(HouseholdMember.id == r.member_id)
        if row is not None and str(getattr(row, r.field) or "") == r.theirs:
            kept.setdefault((r.member_id, r.field), r)
    return list(kept.values())


def apply_household(record: dict[str, Any]) -> list[Replaced]:
    """Upsert the household, its members and vehicles (its grid is on this device);
    returns what of my last edit it replaced (`replaced_here`)."""
    replaced = replaced_here(record)
    hid = record["id"]
    values = {f: record.get(f) for f in HOUSEHOLD_FIELDS}
    values = {k: ("" if v is None and k != "venue_id" else v) for k, v in values.items()}
    values["grid"] = record["grid_code"]
    Household.insert(id=hid, **values).on_conflict(
        conflict_target=[Household.id], update=values
    ).execute()
    members = record.get("members") or []
    for m in members:
        row = {f: m.get(f) for f in MEMBER_FIELDS}
        row.update(
            household=hid,
            tags=m.get("tags") or [],
            arrived_on=_date(m.get("arrived_on")),
            left_on=_date(m.get("left_on")),
            registered_on=_date(m.get("registered_on")),
        )
        for text in ("sex", "id_number", "id_lookup", "phone", "phone_lookup", "note"):
            row[text] = row[text] or ""
        update = dict(row)
        if row["registered_on"] is None:  # an older server's record: keep what the device knows
            del update["registered_on"]
        HouseholdMember.insert(id=m["id"], **row).on_conflict(
            conflict_target=[HouseholdMember.id], update=update
        ).execute()
    named = [m["id"] for m in members]
    HouseholdMember.delete().where(
        (HouseholdMember.household == hid) & HouseholdMember.id.not_in(named)
    ).execute()
    vehicles = record.get("vehicles") or []
    for v in vehicles:
        row = {"household": hid, "plate": v["plate"], "kind": v.get("kind") or "",
               "note": v.get("note") or ""}  # fmt: skip
        Vehicle.insert(id=v["id"], **row).on_conflict(
            conflict_target=[Vehicle.id], update=row
        ).execute()
    Vehicle.delete().where(
        (Vehicle.household == hid) & Vehicle.id.not_in([v["id"] for v in vehicles])
    ).execute()
    cadres = sorted(set(record.get("cadres") or []))  # 包保
    Responsibility.delete().where(
        (Responsibility.household == hid) & Responsibility.person_id.not_in(cadres)
    ).execute()
    for person_id in cadres:
        Responsibility.insert(household=hid, person_id=person_id).on_conflict_ignore().execute()
    return replaced


def remove_household(household_id: str) -> None:
    Household.delete().where(Household.id == household_id).execute()


def restart_for_new_scope(result: SyncResult) -> bool:
    """The person's scope changed (grids, role, 包保 households): the households pulled
    before go and the pull starts again from the beginning, so those still in scope come
    again and the rest stay gone. False, with a warning, while unsent people ops are sealed
    and the device locked: the pull waits for the PIN (the server answers reset until then)."""
    result.rescoped = True
    try:
        forget_for_new_scope()
    except PersonalDataLocked:
        if LOCKED_OPS_WARNING not in result.warnings:
            result.warnings.append(LOCKED_OPS_WARNING)
        return False
    SyncState.update(pull_cursor="").where(SyncState.id == 1).execute()
    return True
