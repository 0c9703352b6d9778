"""The supervisor's review of hazards (隐患): queues, filters, bulk actions, detail.

This module is the one import for the three parts, which live in their own modules:

- `queues`: scope, filters, one page of a queue and the queue counts;
- `bulk`: actions on one or many findings, one transaction per bulk action;
- `detail`: one finding in full for the detail pane.

Inspection review (reviewed / returned with a comment) lives in `inspections`.
May use: services.common and services.inspection (events go through its `findings`).
"""

from __future__ import annotations

from fieldapp.services.review.bulk import (
    BULK_EVENTS,
    ActionRefused,
    BulkResult,
    NotPermitted,
    acknowledge_conflicts,
    bulk_apply,
    note_needed,
)
from fieldapp.services.review.detail import (
    ConflictLine,
    EventLine,
    FindingDetail,
    PastInspection,
    describe_event,
    finding_detail,
    item_text,
    past_inspections,
    person_names,
)
from fieldapp.services.review.queues import (
    ACTIVE_STATES,
    QUEUES,
    SORTS,
    ReviewFilters,
    ReviewRow,
    in_queue_order,
    inspector_choices,
    my_scope,
    queue_count,
    queue_counts,
    review_queue,
)
from fieldapp.store.db import fk

__all__ = [
    "ACTIVE_STATES",
    "BULK_EVENTS",
    "QUEUES",
    "SORTS",
    "ActionRefused",
    "BulkResult",
    "ConflictLine",
    "EventLine",
    "FindingDetail",
    "NotPermitted",
    "PastInspection",
    "ReviewFilters",
    "ReviewRow",
    "acknowledge_conflicts",
    "bulk_apply",
    "describe_event",
    "finding_detail",
    "fk",
    "in_queue_order",
    "inspector_choices",
    "item_text",
    "my_scope",
    "note_needed",
    "past_inspections",
    "person_names",
    "queue_count",
    "queue_counts",
    "review_queue",
]
