"""Supervisors' reviews of submitted inspections, pulled (`inspection_review` changes).

The server sends a review to the inspector whose inspection it is and to the supervisors
of its grid. Each is stored on the device's copy of the inspection (`review_state`,
`review_comment`); reviews apply in feed order, so the newest in the server's order wins.
A review of an inspection this device does not hold is passed over.
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.store.db import db
from sync.protocol import Change

REVIEW_STATES = ("reviewed", "returned")


def apply_reviews(changes: Sequence[Change], warnings: list[str]) -> None:
    updates = []
    for change in changes:
        state = change.record.get("state")
        if state not in REVIEW_STATES:
            warnings.append(f"review of inspection {change.id} skipped: unknown state {state!r}")
            continue
        updates.append((state, str(change.record.get("comment", "")), change.id))
    if updates:  # an inspection not held here matches no row
        db.cursor().executemany(
            "UPDATE inspection SET review_state = ?, review_comment = ? WHERE id = ?", updates
        )
