"""`inspection.review`: a supervisor marks a submitted inspection reviewed, or returns it to
its inspector with a comment (called inside the op's transaction, like `submit.py`).

Only a supervisor (by the server's own record of the device's person) whose grids cover
the inspection's venue may review it. Each review is appended (`review_models`); the
newest in the server's order is the inspection's review. The feed carries it to the
inspector's own devices and to the supervisors of the grid.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import InspectionReviewSubmit, refusals
from sync.server import db as server_db
from sync.server.feed import NewChange, person_audience
from sync.server.models import Inspection
from sync.server.op_checks import check_text
from sync.server.review_models import InspectionReview
from sync.server.scope import DeviceContext, require_own
from sync.server.submit import Applied, venue_in_scope

CHANGE_TYPE = "inspection_review"


def apply_inspection_review(who: DeviceContext, sub: InspectionReviewSubmit) -> Applied:
    what = f"the review of inspection {sub.inspection_id}"
    require_own(who, sub.reviewer, what)
    if not who.is_supervisor:
        text = (
            f"a person with the role {who.role} may not review inspections; "
            "a supervisor of the grid must do it"
        )
        raise refusals.wrong_role(who.role, "review", text)
    if sub.state == "returned" and not sub.comment.strip():
        text = f"{what} returns it without a comment; say what the inspector must do"
        raise refusals.refused(text, refusals.RETURNED_WITHOUT_COMMENT)
    if sub.state == "returned":
        check_text(f"the comment of {what}", "return_reason", sub.comment)
    inspection = Inspection.get_or_none(Inspection.id == sub.inspection_id)
    if inspection is None:
        text = (
            f"inspection {sub.inspection_id} is not known to the server; sync first "
            "(the inspector's device may not have sent it yet, or it was refused)"
        )
        raise refusals.unknown_record("inspection", sub.inspection_id, text)
    venue = venue_in_scope(who, inspection.venue_id)
    # Lock the inspection so two reviews of it are numbered one after the other (and
    # their feed entries, appended at commit, come in that order too).
    if server_db.is_postgres():
        Inspection.select().where(Inspection.id == inspection.id).for_update().execute()
    order = InspectionReview.select().where(InspectionReview.inspection == inspection.id).count()
    review = InspectionReview.create(
        inspection=inspection.id,
        state=sub.state,
        comment=sub.comment,
        reviewer=who.person_id,
        reviewer_role=who.role,
        device_id=who.device_id,
        at=sub.at,
        received_at=server_db.now_iso(),
        server_order=order,
    )
    record = review_record(review, inspection.venue_id, inspection.inspector_id, who.person_name)
    return Applied(
        [
            NewChange(CHANGE_TYPE, inspection.id, record, venue.grid_code, "supervisor"),
            NewChange(CHANGE_TYPE, inspection.id, record, venue.grid_code,
                      person_audience(inspection.inspector_id)),
        ]
    )  # fmt: skip


def review_record(
    review: InspectionReview, venue_id: str, inspector_id: str, reviewer_name: str
) -> dict[str, Any]:
    """The review as the feed carries it (its id is the inspection's)."""
    return {
        "id": review.inspection_id,
        "venue_id": venue_id,
        "inspector_id": inspector_id,
        "state": review.state,
        "comment": review.comment,
        "reviewer": review.reviewer,
        "reviewer_name": reviewer_name,
        "at": review.at,
        "received_at": review.received_at,
        "server_order": review.server_order,
    }
