"""One activity held, as recorded: what its read-only view shows (ctrl+y, Enter on a row
of the activities held) — the place, who attended and how many, the minutes or written
report, the photos (paths in this device's photo folder, and how each is named), who
recorded it and when."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.i18n import text_in
from fieldapp.services.common.photos import blob_path, photo_labels
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Person


@dataclass(frozen=True)
class ActivityDetail:
    place: str
    attendees: int
    attendee_names: str
    minutes: str  # the minutes or report, without the reason it was late
    photos: tuple[Path, ...]
    photo_labels: tuple[str, ...]
    recorded_by: str  # the person's name (their id when this device does not know them)
    recorded_at: str  # UTC ISO, as stored
    late_reason: str = ""  # why it was held after its on-time days ("" on time)


def late_reason_apart(minutes: str) -> tuple[str, str]:
    """A record's text as (why it was late, its minutes or report). The reason travels as
    the first line of the minutes (`_late_note`, in the language it was recorded in); it
    is shown and exported on its own, not as though the meeting had minuted it."""
    first, _, rest = minutes.partition("\n")
    for lang in ("zh", "en"):
        prefix = (text_in(lang, "activity.late_note") or "").split("{reason}")[0]
        if prefix and first.startswith(prefix):
            return first[len(prefix) :].strip(), rest.strip()
    return "", minutes


def activity_detail(activity_id: str) -> ActivityDetail | None:
    """The activity `activity_id` as recorded, or None when this device has no such one."""
    row = Activity.get_or_none(Activity.id == activity_id)
    if row is None:
        return None
    person = Person.get_or_none(Person.id == row.recorded_by)
    shas = [str(sha) for sha in row.photos or ()]
    late_reason, minutes = late_reason_apart(row.minutes)
    return ActivityDetail(
        place=row.place, attendees=row.attendees, attendee_names=row.attendee_names,
        minutes=minutes, late_reason=late_reason, photos=tuple(blob_path(sha) for sha in shas),
        photo_labels=tuple(photo_labels(shas)),
        recorded_by=person.name if person is not None else row.recorded_by,
        recorded_at=row.recorded_at,
    )  # fmt: skip
