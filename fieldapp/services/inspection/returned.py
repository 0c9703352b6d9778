"""My submitted inspections a supervisor returned, not yet done again.

A submitted inspection never changes: a correction is a new inspection of the venue
(inspect the venue again). A return counts as done again once the venue has an inspection
submitted after the returned one; until then Home shows it and `b` lists it.
"""

from __future__ import annotations

from fieldapp.domain.returns import ReturnedInspection
from fieldapp.services.common.identity import me
from fieldapp.store.db import db

# Read by the partial index `inspection_returned` (store v23): the unary + keep SQLite,
# which has no statistics, off the status and date indexes, which made it walk every
# inspection of the person (~190 ms at 51,000, on each home start); the venue's later
# inspections by the venue's index.
_SQL = """
SELECT i.id, i.venue_id, v.code, v.name, i.review_comment, i.submitted_at
FROM inspection i JOIN venue v ON v.id = i.venue_id
WHERE i.review_state = 'returned' AND +i.status = 'submitted' AND i.inspector_id = ?
  AND NOT EXISTS (
    SELECT 1 FROM inspection later
    WHERE later.venue_id = i.venue_id AND +later.status = 'submitted'
      AND +later.submitted_at > i.submitted_at)
ORDER BY +i.submitted_at
"""


def returned_inspections() -> list[ReturnedInspection]:
    """Mine, returned and not inspected again since, oldest first."""
    found = db.execute_sql(_SQL, (me().person_id,)).fetchall()
    return [
        ReturnedInspection(iid, venue_id, code, venue, comment, submitted_at or "")
        for iid, venue_id, code, venue, comment, submitted_at in found
    ]
