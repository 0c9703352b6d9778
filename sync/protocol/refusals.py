"""Why the server refused an op, as a stable code with parameters as well as in English.

The server words a refusal in English for its log, its tests and an old device; the push
result also carries `reason_code` and `reason_params`, so a device words it in its
person's language from its own catalogue (a code it does not know falls back to the
English text). The codes are the contract: never reuse one for another meaning.

A refusal is raised as `Refusal` (a ValueError: the appliers' refusals stay ValueErrors and
`str(error)` stays the English text). Helpers that return the text for a caller to raise
(`ValueError(outside_grid_reason(...))`) return a `Reason`, a `str` that keeps its code, so
such a caller's refusal is coded too; `coded(error)` finds the code either way.
"""

from __future__ import annotations

from collections.abc import Mapping

# The codes a device may find in `reason_code`.
OUTSIDE_GRID = "outside_grid"  # grid, grid_name, person
UNKNOWN_GRID = "unknown_grid"  # grid
UNKNOWN_VENUE = "unknown_venue"  # venue
UNKNOWN_RECORD = "unknown_record"  # record (its kind), id: a record the op builds on
ALREADY_SUBMITTED = "already_submitted"  # record (its kind), id
INVALID_PAYLOAD = "invalid_payload"  # op_type, field, problem (pydantic's error type)
WRONG_ROLE = "wrong_role"  # role, action
NOT_OWN = "not_own"  # person (named in the record), device_person
UNKNOWN_OP_TYPE = "unknown_op_type"  # op_type
UNKNOWN_EVENT_TYPE = "unknown_event_type"  # event_type
OP_ID_REUSED = "op_id_reused"
SERVER_ERROR = "server_error"  # error_id
# The rarer refusals of a record's content, each with what a person needs to put it right.
VENUE_ATTRIBUTE = "venue_attribute"  # venue (code and name), attribute (VENUE_ATTRIBUTES)
# venue, attribute, value, limit: a count a checklist repeats a section over beyond the
# MAX_INSTANCES times a device asks it
VENUE_COUNT_BEYOND_CHECKLIST = "venue_count_beyond_checklist"
PERSON_FIELD = "person_field"  # person (name), person_field: id_number, sex, tags, a date
# person, person_field (arrived_on, left_on), value: a day after today (an older build)
PERSON_DATE_TO_COME = "person_date_to_come"
# grid, date: a daily report for a day that has not come (checked ahead of the device)
REPORT_DATE_TO_COME = "report_date_to_come"
PERSON_ID_DISAGREES = "person_id_disagrees"  # person, person_field: sex, birth_year
PERSON_NOT_SEALED = "person_not_sealed"  # person: ID number or phone sealed with another key
FOLLOWUP_NOT_RESPONSIBLE = "followup_not_responsible"  # person: not responsible for the plan
FOLLOWUP_ANSWERS = "followup_answers"  # a reading's answers do not fit its plan's form
FOLLOWUP_CASE = "followup_case"  # a case without a failed answer, or one without its case
# temperature, above: a reading with a fever and 无发热… as its symptoms
# (`fieldapp.domain.followups.fever_denied`)
FOLLOWUP_FEVER_DENIED = "followup_fever_denied"
SCAN_OFF_ROUTE = "scan_off_route"  # route (its code): a scan of a checkpoint not on it
SCAN_WITHOUT_REASON = "scan_without_reason"  # a manual scan that gives no reason
PATROL_RUN_TAKEN_OVER = "patrol_run_taken_over"  # route (its name): walked on another device
PATROL_RUN_CLOSED = "patrol_run_closed"  # route (its name): the office closed it, abandoned
# route (its name), supervisor (their name), supervisor_id: a supervisor closed it as
# abandoned (`patrol_run.close`)
PATROL_RUN_CLOSED_BY_SUPERVISOR = "patrol_run_closed_by_supervisor"
PATROL_RUN_FINISHED = "patrol_run_finished"  # route (its name): finished before the close
MERGE_INTO_ITSELF = "merge_into_itself"
HOUSEHOLD_VENUE = "household_venue"  # a household's venue is not in the household's grid
# a household with neither a number (户号) nor an address (`household_unfindable`)
HOUSEHOLD_UNFINDABLE = "household_unfindable"
FOLLOWUP_PLAN = "followup_plan"  # a plan's form, cadence or start date the server lacks
INCIDENT_OPENING = "incident_opening"  # a new incident without its own opening event
EVIDENCE_WITHOUT_PHOTO = "evidence_without_photo"  # evidence added to an incident, no photo
# date, earliest: a hand-over dated before the hazard was found, or before a general
# hazard's deadline passed (`fieldapp.domain.finding_dates.earliest_hand_over`)
HAND_OVER_TOO_EARLY = "hand_over_too_early"
# date, earliest: an incident handed over before the day it happened
INCIDENT_HANDED_OVER_EARLY = "incident_handed_over_early"
# occurred, reported: the local days an incident happened and was reported, more than
# `fieldapp.domain.incidents.REPORTED_WITHIN_DAYS` apart
INCIDENT_REPORTED_LATE = "incident_reported_late"
ANSWERED_TWICE = "answered_twice"  # item (its code): an inspection answers an item twice
FINDING_OTHER_VENUE = "finding_other_venue"  # a finding of another venue than its inspection
SUPERSEDES_ITSELF = "supersedes_itself"  # a re-inspection that names itself as replaced
SUPERSEDES_OTHER_VENUE = "supersedes_other_venue"  # one that replaces another venue's
RETURNED_WITHOUT_COMMENT = "returned_without_comment"  # a review returns without a comment
CAMPAIGN_BEYOND_GRIDS = "campaign_beyond_grids"  # campaign (code): on beyond one's grids
CAMPAIGN_NOT_PUBLISHED = "campaign_not_published"  # campaign (code): not on the server
CASE_EVENT_DATA = "case_event_data"  # event (its type): a case event's data incomplete
NOT_A_DATE = "not_a_date"  # what (one of DATES), value: a date field that is no date
FREE_TEXT = "free_text"  # text_rule (fieldapp.domain.free_text.RULES): a text saying nothing
TEXT_TOO_LONG = "text_too_long"  # text_rule, most, length: longer than its field's form takes

CODES = frozenset(
    {
        OUTSIDE_GRID,
        UNKNOWN_GRID,
        UNKNOWN_VENUE,
        UNKNOWN_RECORD,
        ALREADY_SUBMITTED,
        INVALID_PAYLOAD,
        WRONG_ROLE,
        NOT_OWN,
        UNKNOWN_OP_TYPE,
        UNKNOWN_EVENT_TYPE,
        OP_ID_REUSED,
        SERVER_ERROR,
        VENUE_ATTRIBUTE,
        VENUE_COUNT_BEYOND_CHECKLIST,
        PERSON_FIELD,
        PERSON_DATE_TO_COME,
        REPORT_DATE_TO_COME,
        PERSON_ID_DISAGREES,
        PERSON_NOT_SEALED,
        FOLLOWUP_NOT_RESPONSIBLE,
        FOLLOWUP_ANSWERS,
        FOLLOWUP_CASE,
        FOLLOWUP_FEVER_DENIED,
        SCAN_OFF_ROUTE,
        SCAN_WITHOUT_REASON,
        PATROL_RUN_TAKEN_OVER,
        PATROL_RUN_CLOSED,
        PATROL_RUN_CLOSED_BY_SUPERVISOR,
        PATROL_RUN_FINISHED,
        MERGE_INTO_ITSELF,
        HOUSEHOLD_VENUE,
        HOUSEHOLD_UNFINDABLE,
        FOLLOWUP_PLAN,
        INCIDENT_OPENING,
        EVIDENCE_WITHOUT_PHOTO,
        HAND_OVER_TOO_EARLY,
        INCIDENT_HANDED_OVER_EARLY,
        INCIDENT_REPORTED_LATE,
        ANSWERED_TWICE,
        FINDING_OTHER_VENUE,
        SUPERSEDES_ITSELF,
        SUPERSEDES_OTHER_VENUE,
        RETURNED_WITHOUT_COMMENT,
        CAMPAIGN_BEYOND_GRIDS,
        CAMPAIGN_NOT_PUBLISHED,
        CASE_EVENT_DATA,
        NOT_A_DATE,
        FREE_TEXT,
        TEXT_TOO_LONG,
    }
)

# The dates a `not_a_date` refusal names (its `what`; the device words each).
DATES = ("report_date", "finding_deadline", "activity_held_on")


class Reason(str):
    """A refusal's English text that keeps its code and parameters."""

    code: str
    params: dict[str, str]

    def __new__(cls, text: str, code: str, params: Mapping[str, object] | None = None) -> Reason:
        reason = super().__new__(cls, text)
        reason.code = code
        reason.params = {k: str(v) for k, v in (params or {}).items()}
        return reason


class Refusal(ValueError):
    """An op the server will not apply: `str(error)` is the English text."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.code = reason.code
        self.params = dict(reason.params)


def coded(error: BaseException) -> tuple[str | None, dict[str, str] | None]:
    """The code and parameters a refusal carries, or (None, None) for a plain one."""
    if isinstance(error, Refusal):
        return error.code, dict(error.params)
    first = error.args[0] if error.args else None
    if isinstance(first, Reason):
        return first.code, dict(first.params)
    return None, None


# -- the refusals, worded once ---------------------------------------------------------


def refused(text: str, code: str, **params: object) -> Refusal:
    """A refusal with its English `text`, coded: for the checks that word their own text
    (a venue's attribute, a person's field, a follow-up reading, a patrol scan)."""
    return Refusal(Reason(text, code, params))


def outside_grid(
    what: str, grid: str, person_name: str, person_id: str, *, grid_name: str = ""
) -> Reason:
    text = (
        f"{what} belongs to grid {grid}, which is not among the grids of "
        f"{person_name} ({person_id}); ask the administrator to assign the grid"
    )
    params = {"grid": grid, "grid_name": grid_name or grid, "person": person_name}
    return Reason(text, OUTSIDE_GRID, params)


def unknown_grid(grid: str) -> Refusal:
    return Refusal(Reason(f"grid {grid} is not known to the server", UNKNOWN_GRID, {"grid": grid}))


def unknown_venue(venue_id: str) -> Refusal:
    text = f"venue {venue_id} is not known to the server; sync the venue list first"
    return Refusal(Reason(text, UNKNOWN_VENUE, {"venue": venue_id}))


def unknown_record(record: str, record_id: str, text: str) -> Refusal:
    """A record the op builds on (`record`: finding, incident, inspection, case, plan,
    person, patrol_route) that the server does not hold; `text` says it in English."""
    return Refusal(Reason(text, UNKNOWN_RECORD, {"record": record, "id": record_id}))


def already_submitted(record: str, record_id: str, text: str) -> Refusal:
    """A record (`record`: inspection, finding, daily_report, patrol_run, activity, event)
    the server already holds under this id; `text` says it in English."""
    return Refusal(Reason(text, ALREADY_SUBMITTED, {"record": record, "id": record_id}))


def inspection_already_submitted(inspection_id: str) -> Reason:
    """The text for the server's `AlreadyStored` (which it must stay: the ledger is read
    again for it), coded: `raise AlreadyStored(inspection_already_submitted(id))`."""
    text = (
        f"inspection {inspection_id} was already submitted; a correction is a new inspection "
        "that supersedes it"
    )
    return Reason(text, ALREADY_SUBMITTED, {"record": "inspection", "id": inspection_id})


def finding_already_submitted(finding_id: str) -> Reason:
    """As `inspection_already_submitted`, for a finding the inspection brings."""
    text = f"finding {finding_id} already exists"
    return Reason(text, ALREADY_SUBMITTED, {"record": "finding", "id": finding_id})


def event_already_submitted(event_id: str) -> Reason:
    """As `inspection_already_submitted`, for an event of a finding the inspection brings."""
    text = f"finding event {event_id} already exists; event ids are never reused"
    return Reason(text, ALREADY_SUBMITTED, {"record": "event", "id": event_id})


def answered_twice(inspection_id: str) -> Refusal:
    return Refusal(Reason(f"inspection {inspection_id} answers an item twice", ANSWERED_TWICE))


def finding_other_venue(finding_id: str) -> Refusal:
    text = f"finding {finding_id} is for another venue than its inspection"
    return Refusal(Reason(text, FINDING_OTHER_VENUE))


def invalid_payload(op_type: str, field: str, problem: str, text: str) -> Refusal:
    """A payload its model refuses: the first field at fault and pydantic's error type."""
    params = {"op_type": op_type, "field": field, "problem": problem}
    return Refusal(Reason(text, INVALID_PAYLOAD, params))


def wrong_role(role: str, action: str, text: str) -> Refusal:
    """A person of `role` may not do `action` (an event type, "review", "export", …)."""
    return Refusal(Reason(text, WRONG_ROLE, {"role": role, "action": action}))


def not_own(what: str, person_id: str, device_person: str) -> Refusal:
    text = (
        f"{what} names person {person_id}, but this device acts for {device_person}; "
        "a device records only the work of its own person"
    )
    return Refusal(Reason(text, NOT_OWN, {"person": person_id, "device_person": device_person}))


def not_a_date(what: str, value: str, named: str) -> Refusal:
    """A date field (`what`, one of DATES; `named` in the English text) whose `value` the
    payload's model let through but that is no date."""
    text = f"{named} {value!r} is not a date (use YYYY-MM-DD)"
    return Refusal(Reason(text, NOT_A_DATE, {"what": what, "value": value}))


def free_text(what: str, rule: str, value: str) -> Refusal:
    """A text that must say something and says nothing (emoji, punctuation, a lone
    letter): `rule` is its field's rule, so the device says what the field needs."""
    text = f"{what} {value!r} says nothing: write it in words (emoji and punctuation do not count)"
    return Refusal(Reason(text, FREE_TEXT, {"text_rule": rule}))


def text_too_long(what: str, rule: str, most: int, length: int) -> Refusal:
    """A text longer than its field's form takes (`fieldapp.domain.free_text.RULES`), so
    the server takes no more than the device's form would: `rule` is its field's rule."""
    text = f"{what} has {length} characters; it takes at most {most}"
    params = {"text_rule": rule, "most": most, "length": length}
    return Refusal(Reason(text, TEXT_TOO_LONG, params))


def unknown_op_type(op_type: str) -> Refusal:
    text = f"unknown op type {op_type!r}; this server speaks protocol v1"
    return Refusal(Reason(text, UNKNOWN_OP_TYPE, {"op_type": op_type}))


def unknown_event_type(event_type: str, text: str) -> Refusal:
    return Refusal(Reason(text, UNKNOWN_EVENT_TYPE, {"event_type": event_type}))


def op_id_reused() -> Reason:
    return Reason("op id reused with different content; original kept", OP_ID_REUSED)


def server_error(error_id: str) -> Reason:
    text = (
        f"the server could not apply this op (error id {error_id}); "
        "it has been logged for the administrator"
    )
    return Reason(text, SERVER_ERROR, {"error_id": error_id})
