"""One activity held, as recorded: what its read-only view shows (ctrl+y, Enter on a row
of the activities held) — the place, who attended and how many, the minutes or written
report, the photos (paths in this device's photo folder, and how each is named), who
recorded it and when."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.services.common.photos import blob_path, photo_labels
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Person


@dataclass(frozen=True)
class ActivityDetail:
    place: str
    attendees: int
    attendee_names: str
    minutes: str
    photos: tuple[Path, ...]
    photo_labels: tuple[str, ...]
    recorded_by: str  # the person's name (their id when this device does not know them)
    recorded_at: str  # UTC ISO, as stored


def activity_detail(activity_id: str) -> ActivityDetail | None:
    """The activity `activity_id` as recorded, or None when this device has no such one."""
    row = Activity.get_or_none(Activity.id == activity_id)
    if row is None:
        return None
    person = Person.get_or_none(Person.id == row.recorded_by)
    shas = [str(sha) for sha in row.photos or ()]
    return ActivityDetail(
        place=row.place, attendees=row.attendees, attendee_names=row.attendee_names,
        minutes=row.minutes, photos=tuple(blob_path(sha) for sha in shas),
        photo_labels=tuple(photo_labels(shas)),
        recorded_by=person.name if person is not None else row.recorded_by,
        recorded_at=row.recorded_at,
    )  # fmt: skip
