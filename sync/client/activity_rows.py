"""Pulled activities: a scheduled activity a grid held, upserted as the server sent it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.store.activity_models import Activity

FIELDS = ("type_code", "place", "attendees", "attendee_names", "minutes", "photos",
          "recorded_by", "recorded_at")  # fmt: skip


def apply_activity(record: dict[str, Any]) -> None:
    values = {f: record.get(f) for f in FIELDS}
    values.update(
        grid=record["grid_code"],
        held_on=dt.date.fromisoformat(str(record["held_on"])[:10]),
        photos=list(record.get("photos") or ()),
    )
    Activity.insert(id=record["id"], **values).on_conflict(
        conflict_target=[Activity.id], update=values
    ).execute()
