"""The server's verdict on this device's own claims of presence.

An inspection record goes to supervisors only; the inspector who submitted it gets an
`inspection_verdict` change instead: whether the placard scan it claimed verified, and
if not, why (it is then kept as manual presence, unverified). The verdict is stored on the
device's own copy of the inspection, and the verdicts this device did not know yet are
returned, so the sync can tell the inspector.
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.store.db import db
from sync.client.base import Verdict
from sync.client.rows import rows_in
from sync.protocol import Change


def apply_verdicts(changes: Sequence[Change]) -> list[Verdict]:
    """Store the verdicts on the inspections held here; the ones that are news. A verdict
    on an inspection this device does not hold (its store was made anew) is passed over."""
    records = {c.record["id"]: c.record for c in changes if c.record.get("id")}
    sql = (
        "SELECT i.id, i.presence_check, i.presence_check_reason, v.name, i.submitted_at "
        "FROM inspection i JOIN venue v ON v.id = i.venue_id WHERE i.id IN ({})"
    )
    held = {row[0]: row[1:] for row in rows_in(sql, records)}
    news: list[Verdict] = []
    updates = []
    for inspection_id, r in records.items():
        if inspection_id not in held:
            continue
        check, reason = str(r.get("presence_check", "")), str(r.get("presence_check_reason", ""))
        known_check, known_reason, venue, submitted_at = held[inspection_id]
        if (check, reason) == (known_check, known_reason):
            continue
        updates.append((r.get("presence", ""), check, reason, inspection_id))
        news.append(Verdict(inspection_id, venue, check, reason, submitted_at or ""))
    if updates:
        db.cursor().executemany(
            "UPDATE inspection SET presence = ?, presence_check = ?, "
            "presence_check_reason = ? WHERE id = ?",
            updates,
        )
    return news
