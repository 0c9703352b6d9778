"""Protocol v1's version, prefix, op types and feed record types."""

from __future__ import annotations

from typing import Literal

from fieldapp.domain.findings import EVENT_TYPES
from fieldapp.domain.incidents import EVENT_TYPES as INCIDENT_EVENT_TYPES

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

OP_INSPECTION_SUBMIT = "inspection.submit"
OP_FINDING_EVENT = "finding.event"
OP_DAILY_REPORT_SUBMIT = "daily_report.submit"
OP_EXPORT_RECORDED = "export.recorded"  # for the server's audit trail
OP_INCIDENT_EVENT = "incident.event"
OP_HOUSEHOLD_UPSERT = "household.upsert"
OP_PERSONAL_REVEAL = "personal_data.reveal"
OP_PERSON_MERGE = "person.merge"
OP_PERSONAL_EXPORT = "personal_data.export"
OP_FOLLOWUP_PLAN = "followup.plan"
OP_FOLLOWUP_READING = "followup.reading"
OP_CASE_EVENT = "followup_case.event"
OP_ACTIVITY_RECORD = "activity.record"
OP_PATROL_RUN_SUBMIT = "patrol_run.submit"
OP_PATROL_RUN_VISIT = "patrol_run.visit"  # one checkpoint visit of a run, sent as it is made
OP_PATROL_RUN_TAKE_OVER = "patrol_run.take_over"  # my run open on a lost device, walked here
OP_PATROL_RUN_CLOSE = "patrol_run.close"  # a supervisor closes a run open on a lost device
OP_CAMPAIGN_SWITCH = "campaign.switch"  # a supervisor switches a campaign on or off
OP_VENUE_ATTRIBUTES = "venue.attributes"  # an inspector corrects a venue's attributes
OP_INSPECTION_REVIEW = "inspection.review"  # a supervisor marks reviewed or returns one
OP_TYPES: tuple[str, ...] = (
    OP_INSPECTION_SUBMIT,
    OP_FINDING_EVENT,
    OP_DAILY_REPORT_SUBMIT,
    OP_EXPORT_RECORDED,
    OP_INCIDENT_EVENT,
    OP_HOUSEHOLD_UPSERT,
    OP_PERSONAL_REVEAL,
    OP_PERSON_MERGE,
    OP_FOLLOWUP_PLAN,
    OP_FOLLOWUP_READING,
    OP_CASE_EVENT,
    OP_PERSONAL_EXPORT,
    OP_ACTIVITY_RECORD,
    OP_PATROL_RUN_SUBMIT,
    OP_PATROL_RUN_VISIT,
    OP_PATROL_RUN_TAKE_OVER,
    OP_PATROL_RUN_CLOSE,
    OP_CAMPAIGN_SWITCH,
    OP_VENUE_ATTRIBUTES,
    OP_INSPECTION_REVIEW,
)

# Record types of the pull feed.
CHANGE_TYPES: tuple[str, ...] = (
    "grid",
    "person",
    "venue",
    "checklist",
    "campaign",  # a campaign definition with what the office switched (on, phase, grids)
    "kind",  # a venue kind the office added or changed (names, cadence, precautions)
    "grid_level",  # a grid level the office added (楼栋 under 网格)
    "setting",  # an office setting (cadences, report deadlines, thresholds)
    "placard_key",
    "finding",
    "finding.event",
    "inspection",
    "inspection_verdict",  # the server's verdict on a claimed scan, for its inspector
    "inspection_review",  # a supervisor's review, for the inspector and the grid's supervisors
    "daily_report",
    "incident",
    "incident.event",
    "household",
    "followup",
    "activity",  # a scheduled activity held (publicity day, drill, joint meeting, check)
    "checkpoint",  # a patrol point with a placard (not a venue)
    "patrol_route",
    "patrol_run",  # a run with its scans and the server's verdict on each
)

FINDING_EVENT_TYPES: tuple[str, ...] = EVENT_TYPES  # one list, the state machine's
INCIDENT_EVENT_TYPE_NAMES: tuple[str, ...] = INCIDENT_EVENT_TYPES  # the incident table's

OpType = Literal[
    "inspection.submit",
    "finding.event",
    "daily_report.submit",
    "export.recorded",
    "incident.event",
    "household.upsert",
    "personal_data.reveal",
    "person.merge",
    "followup.plan",
    "followup.reading",
    "followup_case.event",
    "personal_data.export",
    "activity.record",
    "patrol_run.submit",
    "patrol_run.visit",
    "patrol_run.take_over",
    "patrol_run.close",
    "campaign.switch",
    "venue.attributes",
    "inspection.review",
]
OpStatus = Literal["applied", "duplicate", "rejected"]
