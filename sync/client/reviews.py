"""Supervisors' reviews of submitted inspections, pulled (`inspection_review` changes).

The server sends a review to the inspector whose inspection it is and to the supervisors
of its grid. Each is stored on the device's copy of the inspection (`review_state`,
`review_comment`); reviews apply in feed order, so the newest in the server's order wins.
A review of an inspection this device does not hold is passed over.

The returns of this device's person's own inspections that the device did not know yet
are handed back, so the sync can tell the inspector (a supervisor's device, which holds
the inspections it reviewed, learns nothing new from its own review).
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.returns import ReturnedInspection
from fieldapp.store.db import db
from sync.client.rows import rows_in
from sync.protocol import Change

REVIEW_STATES = ("reviewed", "returned")


def apply_reviews(changes: Sequence[Change], warnings: list[str]) -> list[ReturnedInspection]:
    """Store the reviews; the returns of my inspections that are news."""
    updates = []
    for change in changes:
        state = change.record.get("state")
        if state not in REVIEW_STATES:
            warnings.append(f"review of inspection {change.id} skipped: unknown state {state!r}")
            continue
        updates.append((state, str(change.record.get("comment", "")), change.id))
    if not updates:
        return []
    newest = {inspection_id: (state, comment) for state, comment, inspection_id in updates}
    sql = (
        "SELECT i.id, i.review_state, i.review_comment, i.venue_id, v.code, v.name, "
        "i.submitted_at FROM inspection i JOIN venue v ON v.id = i.venue_id "
        "WHERE i.inspector_id = (SELECT person FROM sync_state WHERE id = 1) AND i.id IN ({})"
    )
    news = [
        ReturnedInspection(iid, venue_id, code, name, newest[iid][1], submitted_at or "")
        for iid, state, comment, venue_id, code, name, submitted_at in rows_in(sql, newest)
        if newest[iid][0] == "returned" and newest[iid] != (state, comment)
    ]
    # An inspection not held here matches no row.
    db.cursor().executemany(
        "UPDATE inspection SET review_state = ?, review_comment = ? WHERE id = ?", updates
    )
    return sorted(news, key=lambda r: r.submitted_at)
