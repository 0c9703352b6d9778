"""`person.merge`: a supervisor makes two records of one person one (duplicates found by
the ID number's lookup, or name + birth year + phone). The kept record's sealed values
are sealed again for it when they come from the dropped one (tokens are bound to their
owner); the merge is in the audit trail."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import personal
from fieldapp.domain.registry import merged_member
from sync.protocol import PersonMerge, refusals
from sync.server.people import MERGED, audit, cipher, household_change, member_record
from sync.server.people_models import Household, HouseholdMember
from sync.server.scope import DeviceContext, may_write_grid, outside_grid_reason, require_own
from sync.server.submit import Applied

SEALED = ((personal.ID_NUMBER_FIELD, "id_lookup"), (personal.PHONE_FIELD, "phone_lookup"))


def merged_values(seal: personal.PersonalCipher, keep: dict[str, Any], drop: dict[str, Any],
                  keep_id: str, drop_id: str) -> dict[str, Any]:  # fmt: skip
    """`merged_member` with the sealed fields carried over for `keep_id`."""
    out = merged_member(keep, drop)
    for field, lookup in SEALED:
        if not keep.get(field) and drop.get(field):
            clear = seal.open(drop[field], field=field, owner=drop_id)
            out[field] = seal.seal(clear, field=field, owner=keep_id)
            out[lookup] = drop.get(lookup, "")
    return out


def apply_person_merge(who: DeviceContext, sub: PersonMerge) -> Applied:
    require_own(who, sub.actor, f"merge {sub.id}")
    if not who.is_supervisor:
        text = "only a supervisor may merge two records of a person"
        raise refusals.wrong_role(who.role, "merge", text)
    if sub.keep == sub.drop:
        text = "a record cannot be merged into itself"
        raise refusals.refused(text, refusals.MERGE_INTO_ITSELF)
    keep = HouseholdMember.get_or_none(HouseholdMember.id == sub.keep)
    drop = HouseholdMember.get_or_none(HouseholdMember.id == sub.drop)
    if keep is None:
        text = f"person {sub.keep} is not known to the server"
        raise refusals.unknown_record("person", sub.keep, text)
    if drop is None:  # already merged (by this op on another path, or by someone else)
        return Applied([])
    households = {h.id: h for h in Household.select().where(
        Household.id.in_([keep.household_id, drop.household_id]))}  # fmt: skip
    for household in households.values():
        if not may_write_grid(who, household.grid_code):
            raise ValueError(outside_grid_reason(who, household.grid_code, f"merge {sub.id}"))
    values = merged_values(cipher(), member_record(keep), member_record(drop), keep.id, drop.id)
    values.pop("id")
    HouseholdMember.update(**values).where(HouseholdMember.id == keep.id).execute()
    drop.delete_instance()
    audit(who.person_id, MERGED, keep.id, device=who.device_id, dropped=drop.id)
    return Applied([household_change(h) for h in households.values()])
