"""The supervisor's review of hazards (隐患): queues, filters, bulk actions, detail.

One import for the three parts, which live in their own modules:

- `review_queues`: scope, filters, one page of a queue and the queue counts;
- `review_bulk`: actions on one or many findings, one transaction per bulk action;
- `review_detail`: one finding in full for the detail pane.

Inspection review (reviewed / returned with a comment) lives in `review_inspections`.
"""

from __future__ import annotations

from fieldapp.services.review_bulk import (
    BULK_EVENTS,
    ActionRefused,
    BulkResult,
    NotPermitted,
    acknowledge_conflicts,
    bulk_apply,
)
from fieldapp.services.review_detail import (
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
from fieldapp.services.review_queues import (
    ACTIVE_STATES,
    QUEUES,
    SORTS,
    ReviewFilters,
    ReviewRow,
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
    "inspector_choices",
    "item_text",
    "my_scope",
    "past_inspections",
    "person_names",
    "queue_count",
    "queue_counts",
    "review_queue",
]
