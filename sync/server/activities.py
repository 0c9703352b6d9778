"""`activity.record` on the server: a scheduled activity a grid held, authorised (own
person, a grid of the device's) and sent to the devices of that grid."""

from __future__ import annotations

from typing import Any

from sync.protocol import ActivityRecord, refusals
from sync.server import db as server_db
from sync.server.activity_models import Activity
from sync.server.feed import NewChange
from sync.server.scope import DeviceContext, payload_date, require_grid, require_own
from sync.server.submit import Applied


def activity_record(row: Activity) -> dict[str, Any]:
    return {
        "id": row.id,
        "type_code": row.type_code,
        "grid_code": row.grid_code,
        "held_on": row.held_on,
        "place": row.place,
        "attendees": row.attendees,
        "attendee_names": row.attendee_names,
        "minutes": row.minutes,
        "photos": row.photos,
        "recorded_by": row.recorded_by,
        "recorded_at": row.recorded_at,
    }


def activity_change(row: Activity) -> NewChange:
    return NewChange("activity", row.id, activity_record(row), grid_code=row.grid_code)


def apply_activity_record(who: DeviceContext, sub: ActivityRecord) -> Applied:
    require_own(who, sub.recorded_by, f"activity {sub.id}")
    require_grid(who, sub.grid_code, f"activity {sub.id}")
    held_on = payload_date(sub.held_on, "activity_held_on", "the day the activity was held")
    if Activity.get_or_none(Activity.id == sub.id) is not None:
        text = f"activity {sub.id} was already recorded"
        raise refusals.already_submitted("activity", sub.id, text)
    row = Activity.create(
        **sub.model_dump(exclude={"grid_code", "held_on"}),
        grid=sub.grid_code,
        held_on=held_on,
        received_at=server_db.now_iso(),
    )
    return Applied([activity_change(row)])
