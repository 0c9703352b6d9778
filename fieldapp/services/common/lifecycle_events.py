"""One lifecycle event row as this device writes it, for a hazard or an incident alike."""

from __future__ import annotations

from typing import Any, TypeVar

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.services.common.identity import Me
from fieldapp.store.models import BaseModel

EventRow = TypeVar("EventRow", bound=BaseModel)


def create_event_row(
    model: type[EventRow],
    owner: dict[str, str],
    event_type: str,
    who: Me,
    folded: machine.FindingState,
    *,
    note: str,
    photos: list[str] | None,
    data: dict[str, Any] | None,
) -> EventRow:
    """Store an event by `who` on the record named by `owner` (its foreign key field and
    id), based on the last event of `folded`: what the caller's check found allowed."""
    return model.create(
        id=new_id(),
        **owner,
        type=event_type,
        actor=who.person_id,
        role=who.role,
        device_id=who.device_id,
        base_event=folded.last_event_id,
        at=now_iso(),
        note=note,
        photos=photos or [],
        data=data or {},
    )
