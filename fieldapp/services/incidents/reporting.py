"""Reporting an incident: checked, stored with its evidence and `reported` event, queued."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.clock import now, now_iso, utc_moment, wall_clock
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.domain.incidents import DEFAULT_CATEGORIES, reported_too_late
from fieldapp.domain.typed import iso_date_first, no_such_day, no_such_time, typed_names
from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.refusals import FormRefused
from fieldapp.services.incidents import events
from fieldapp.services.incidents.evidence import import_evidence
from fieldapp.store.db import write_transaction
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Setting, Venue


class ReportRefused(FormRefused):
    """A report that cannot be saved as it is; `field` is `IncidentReport`'s name for the
    field to mend ("" for none)."""


@dataclass
class IncidentReport:
    """What the reporter typed; nothing is stored until `report_incident` accepts it."""

    category: str
    occurred_at: str  # "YYYY-MM-DD HH:MM" local time, or an ISO time
    description: str
    venue_id: str | None = None
    address: str = ""
    grid_code: str = ""  # the venue's grid when there is a venue; else the reporter's
    people: list[dict[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def categories() -> list[str]:
    """The office's list of incident categories (setting `incident_categories`)."""
    row = Setting.get_or_none(Setting.key == "incident_categories")
    if row is not None and isinstance(row.value, list) and row.value:
        return [str(code) for code in row.value]
    return list(DEFAULT_CATEGORIES)


def parse_people(text: str) -> list[dict[str, str]]:
    """One person a line or between `;`, `；` or `、`: `name role` (the role is optional)."""
    people = []
    for entry in typed_names(text):
        name, _, role = entry.partition(" ")
        if name:
            people.append({"name": name[:100], "role": role.strip()[:100]})
    return people


# A time a little ahead of this laptop's clock is another clock's, not the future.
CLOCK_SLACK = dt.timedelta(minutes=10)
# An incident is reported from the spot, that day or soon after: the form asks once about
# a time more than a month back (a year or a month mistyped); one more than a year back
# is refused here, whatever records it (`reported_too_late`), and by the server.
ASKED_AFTER_DAYS = 30


def parse_time(text: str) -> str:
    """A local time typed as `2026-02-11 06:40` (or ISO) as a UTC ISO stamp; not empty,
    not later than now, and not more than REPORTED_WITHIN_DAYS back."""
    value = iso_date_first(text.strip())
    if not value:
        raise ReportRefused(t("incident.refused.time_missing"), "occurred_at")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        # Written right but on a day or at a time that does not exist (2026-02-30 10:00,
        # 2026-12-06 25:61): say which.
        day, _, clock = value.replace("T", " ").partition(" ")
        said = no_such_day(day) or no_such_time(clock)
        raise ReportRefused(
            said or t("incident.refused.time_invalid", value=value), "occurred_at"
        ) from None
    day, _, clock = value.replace("T", " ").partition(" ")
    if not clock.strip():  # a day alone was stored as its midnight
        raise ReportRefused(t("incident.refused.time_no_clock", day=day), "occurred_at")
    if moment.tzinfo is None:
        moment = wall_clock(moment)  # the office's wall clock
    if moment > now() + CLOCK_SLACK:
        raise ReportRefused(t("incident.refused.time_future", value=value), "occurred_at")
    stamp = moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    if reported_too_late(stamp, now_iso()):
        raise ReportRefused(t("incident.refused.time_too_long_ago", value=value), "occurred_at")
    return stamp


def long_ago(text: str) -> str | None:
    """For the form: what to ask of a time (as `parse_time` takes it) more than
    ASKED_AFTER_DAYS back, which F10 again reports; None for a recent one or one
    `parse_time` refuses (it says why)."""
    try:
        stamp = parse_time(text)
    except ReportRefused:
        return None
    ago = (now() - utc_moment(stamp)).days
    if ago > ASKED_AFTER_DAYS:
        return t("incident.asked.time_long_ago", value=iso_date_first(text.strip()))
    return None


def _grid_of(report: IncidentReport) -> str:
    if report.venue_id:
        venue = Venue.get_or_none(Venue.id == report.venue_id)
        if venue is None:
            raise ReportRefused(t("incident.refused.place_missing"))
        return venue.grid_code
    who = me()
    mine = grid_codes_under([code for code, _ in who.grids])
    if report.grid_code and report.grid_code in mine:
        return report.grid_code
    if not who.grids:
        raise ReportRefused(t("incident.refused.grid_missing"))
    return who.grids[0][0]


def report_problems(
    report: IncidentReport, known: list[str], *, grid_chosen: bool = True
) -> list[ReportRefused]:
    """Everything the report lacks, in the form's order (category, place, grid, time,
    description, people), so the form says it all at once; `known` is the list of categories
    and `grid_chosen` False when the form asks for a grid and none was chosen."""
    problems: list[ReportRefused] = []
    if report.category not in known:
        problems.append(ReportRefused(t("incident.refused.category_missing"), "category"))
    if not report.venue_id and not report.address.strip():
        problems.append(ReportRefused(t("incident.refused.place_missing"), "address"))
    elif report.address.strip() and (said := text_problem("incident_address", report.address)):
        problems.append(ReportRefused(said, "address"))
    if not grid_chosen:
        problems.append(ReportRefused(t("incident.refused.grid_choose"), "grid_code"))
    try:
        parse_time(report.occurred_at)
    except ReportRefused as refusal:
        problems.append(refusal)
    if not report.description.strip():
        problems.append(ReportRefused(t("incident.refused.description_missing"), "description"))
    elif (said := text_problem("incident_description", report.description)) is not None:
        problems.append(ReportRefused(said, "description"))
    problems += [ReportRefused(said, "people") for said in people_problems(report.people)]
    return problems


def people_problems(people: list[dict[str, str]]) -> list[str]:
    """Each person involved whose name is none (the person form's rule, `person_name`:
    "😀", "王"), said with the entry as typed so the reporter knows which to mend."""
    said = []
    for person in people:
        if (problem := text_problem("person_name", person["name"])) is not None:
            entry = f"{person['name']} {person['role']}".strip()
            said.append(t("incident.refused.person", entry=entry, said=problem))
    return said


def report_incident(report: IncidentReport) -> Incident:
    """Check the report, store its evidence, then the incident, its `reported` event and
    the op in one transaction. Refusals (ReportRefused, EvidenceError) store nothing: the
    first of `report_problems`, in the form's order."""
    if problems := report_problems(report, categories()):
        raise problems[0]
    occurred = parse_time(report.occurred_at)
    grid = _grid_of(report)
    evidence = import_evidence(report.files)
    who = me()
    values: dict[str, Any] = {
        "id": new_id(),
        "category": report.category,
        "grid_code": grid,
        "venue_id": report.venue_id or None,
        "address": report.address.strip(),
        "occurred_at": occurred,
        "description": report.description.strip(),
        "people": report.people,
        "photos": evidence.photos,
        "media": evidence.media,
        "created_at": now_iso(),
        "created_by": who.person_id,
    }
    with write_transaction():
        incident = Incident.create(**values)
        events.append_event(
            incident.id,
            "reported",
            data={"category": report.category},
            incident_payload=values,
        )
    return Incident.get_by_id(incident.id)
