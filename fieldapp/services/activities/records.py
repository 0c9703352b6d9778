"""Recording an activity held: its short form checked, photos stored, the row and its
`activity.record` op written in one transaction — offline, like everything else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.activities import FORM_FIELDS, ActivityType, form_problems
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.control_team import names_in
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.domain.typed import no_such_day, says_something, typed_date
from fieldapp.i18n import sentences, t
from fieldapp.services.activities.types import activity_type
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.photos import import_photo
from fieldapp.services.common.refusals import FormRefused
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import write_transaction

OP_ACTIVITY_RECORD = "activity.record"


class ActivityRefused(FormRefused):
    """The form cannot be saved as it is; `field` is `ActivityForm`'s name for it."""


@dataclass
class ActivityForm:
    """What the person typed; nothing is stored until `record_activity` accepts it."""

    type_code: str
    grid_code: str
    held_on: str = ""  # YYYY-MM-DD; empty: today
    place: str = ""
    attendees: str = ""  # a count, as typed
    attendee_names: str = ""
    minutes: str = ""
    photo_files: list[str] = field(default_factory=list)
    late_reason: str = ""  # why it was held after its on-time days; required then
    for_day: str = ""  # YYYY-MM-DD: a day of the period it is recorded for; empty: held_on's


def activity_payload(row: Activity) -> dict[str, Any]:
    return {
        "id": row.id,
        "type_code": row.type_code,
        "grid_code": row.grid_code,
        "held_on": row.held_on.isoformat(),
        "place": row.place,
        "attendees": row.attendees,
        "attendee_names": row.attendee_names,
        "minutes": row.minutes,
        "photos": list(row.photos or ()),
        "recorded_by": row.recorded_by,
        "recorded_at": row.recorded_at,
    }


def _held_on(text: str) -> dt.date:
    if not text.strip():
        return today()
    try:
        day = typed_date(text)
    except ValueError:
        example = today().isoformat()
        said = no_such_day(text) or t("activity.refused.date", value=text.strip(), example=example)
        raise ActivityRefused(said, "held_on") from None
    if day > today():
        raise ActivityRefused(t("activity.refused.future", value=day.isoformat()), "held_on")
    return day


def _late_note(kind: ActivityType, held_on: dt.date, form: ActivityForm) -> str:
    """The held day against the duty's window (the due day to the last on-time day, as
    the due list shows it): before the due day it is not this duty (a publicity day is
    the first Monday, not the Saturday before); after the on-time days it counts late,
    and only with a reason why. Returns the reason line for the record ("" on time)."""
    day = dt.date.fromisoformat(form.for_day) if form.for_day else held_on
    window = kind.cadence.window(day)
    days = {"start": window.due_on.isoformat(), "end": window.due_by.isoformat(),
            "value": held_on.isoformat()}  # fmt: skip
    if not window.due_on <= held_on <= window.period_end:
        raise ActivityRefused(t("activity.refused.outside", **days), "held_on")
    if held_on <= window.due_by:
        return ""
    if not says_something(form.late_reason):
        raise ActivityRefused(t("activity.refused.late_reason", **days), "late_reason")
    return t("activity.late_note", reason=form.late_reason.strip()[:500])


# More than a village meeting, drill or publicity day gathers: 99999 is a slip of the keys.
MAX_ATTENDEES = 2000


def _attendees(text: str) -> int:
    value = text.strip()
    if not value:
        return 0
    if not value.isdigit():
        raise ActivityRefused(t("activity.refused.attendees", value=value), "attendees")
    if int(value) > MAX_ATTENDEES:
        said = t("activity.refused.too_many_attendees", value=int(value), most=MAX_ATTENDEES)
        raise ActivityRefused(said, "attendees")
    return int(value)


def attendee_name_problems(text: str) -> list[ActivityRefused]:
    """The names among the attendees that are none (the person form's rule, `person_name`:
    "-5", "😀", "王"), said with the entries as typed so the recorder knows which to mend;
    those the same rule refuses are said together, the rule once (said for each, the rule's
    four lines twice pushed the form's photos out of sight at 80×24)."""
    refused: dict[str, list[str]] = {}
    for name in names_in(text):
        if (said := text_problem("person_name", name)) is not None:
            refused.setdefault(said, []).append(name)
    between = t("activity.refused.attendee_name.between")
    return [
        ActivityRefused(
            t("activity.refused.attendee_name", entry=between.join(names), said=said),
            "attendee_names",
        )
        for said, names in refused.items()
    ]


def record_activity(form: ActivityForm) -> Activity:
    """Check the form against its type, store the photos, then the row and its op in one
    transaction. A refusal (ActivityRefused, PhotoError) stores nothing of the form."""
    kind = activity_type(form.type_code)
    if kind is None:
        raise ActivityRefused(t("activity.refused.type", code=form.type_code))
    who = me()
    if form.grid_code not in grid_codes_under([code for code, _ in who.grids]):
        raise ActivityRefused(t("activity.refused.grid", grid=form.grid_code))
    # Every problem is said at once, in the form's order (the day, the reason for
    # lateness, then the rest), the cursor put in the first: one at a time, an empty
    # form took four saves to learn what it lacked.
    problems: list[ActivityRefused] = []
    held_on, late_note = today(), ""
    try:
        held_on = _held_on(form.held_on)
        late_note = _late_note(kind, held_on, form)
    except ActivityRefused as refused:
        problems.append(refused)
    try:
        attendees, bad_attendees = _attendees(form.attendees), None
    except ActivityRefused as refused:  # said in the attendees' place, after the place
        attendees, bad_attendees = 0, refused
    values: dict[str, Any] = {
        "place": form.place.strip()[:200],
        "attendees": attendees,
        "minutes": form.minutes.strip()[:5000],
        "photos": [p for p in form.photo_files if p.strip()],
    }
    if late_note:  # with the record it travels: the minutes or report say why late
        values["minutes"] = f"{late_note}\n{values['minutes']}".strip()[:5000]
    missing = form_problems(kind, values)
    for name in FORM_FIELDS:
        if name == "attendees" and bad_attendees is not None:
            problems.append(bad_attendees)
        elif name == "attendees" and name in missing and form.attendees.strip():
            problems.append(ActivityRefused(t("activity.refused.no_attendees"), name))  # typed 0
        elif name in missing:
            problems.append(ActivityRefused(t(f"activity.refused.missing.{name}"), name))
        if name == "attendees":  # the names typed under the count come next
            problems += attendee_name_problems(form.attendee_names)
    if problems:
        raise ActivityRefused(sentences(str(p) for p in problems), problems[0].field)
    photos = [import_photo(path.strip()) for path in values.pop("photos")]
    with write_transaction():
        row = Activity.create(
            id=new_id(),
            type_code=kind.code,
            grid=form.grid_code,
            held_on=held_on,
            attendee_names=form.attendee_names.strip()[:2000],
            photos=photos,
            recorded_by=who.person_id,
            recorded_at=now_iso(),
            **values,
        )
        outbox.enqueue(OP_ACTIVITY_RECORD, activity_payload(row))
    return row


def held_activities(grids: list[str] | None = None, *, limit: int = 50) -> list[Activity]:
    """The activities held in my grids (or `grids`) and those under them, newest first."""
    roots = grids if grids is not None else [code for code, _ in me().grids]
    return list(
        Activity.select()
        .where(Activity.grid.in_(grid_codes_under(roots)))
        .order_by(Activity.held_on.desc(), Activity.recorded_at.desc())
        .limit(limit)
    )
