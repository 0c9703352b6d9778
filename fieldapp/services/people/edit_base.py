"""What an edit of a household or person started from, sent beside it (`base` on the wire,
sync.protocol.people.MemberBase): the record as this device held it before the save, which
is the server's as last pulled or this device's own last edit, queued before this one. The
server keeps its own value of each field the edit left alone (another device may have
changed it meanwhile) and tells this device of a field both changed differently."""

from __future__ import annotations

from typing import Any

from fieldapp.store.people_models import Household, HouseholdMember

MEMBER_FIELDS = ("name", "sex", "birth_year", "id_number", "phone", "tags", "arrived_on",
                 "left_on", "note")  # fmt: skip
HOUSEHOLD_FIELDS = ("code", "building", "venue_id", "address", "note")


def _wire(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def member_base(held: HouseholdMember | None) -> dict[str, Any] | None:
    """The person as held before the edit; None for a new one."""
    if held is None:
        return None
    base = {name: _wire(getattr(held, name)) for name in MEMBER_FIELDS}
    base["tags"] = list(base["tags"] or [])
    return base


def household_base(held: Household | None) -> dict[str, Any] | None:
    """The household's own fields as held before the edit; None for a new one."""
    return None if held is None else {name: getattr(held, name) for name in HOUSEHOLD_FIELDS}
