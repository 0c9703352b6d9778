"""The `supersedes` of an `inspection.submit`: a re-inspection of a returned inspection
names the one it replaces (checked from `InspectionWriter.add`, kept apart from it).

It must name an inspection of the same venue that the server holds, or one accepted
earlier in the same batch; otherwise the op is refused with the reason. The column goes
out on the feed with the inspection, so supervisors' devices learn which one is replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sync.protocol import refusals
from sync.server.models import Inspection


def check_supersedes(record: dict[str, Any], batch_rows: Sequence[tuple[Any, ...]]) -> None:
    """A refusal (a ValueError) when `record` supersedes itself, an inspection the server does not hold,
    or one of another venue. `batch_rows` are the inspection rows accepted earlier in the
    batch (id first, venue id second), not written yet."""
    old, new = record.get("supersedes"), record["id"]
    if not old:
        return
    if old == new:
        text = f"inspection {new} cannot supersede itself"
        raise refusals.refused(text, refusals.SUPERSEDES_ITSELF)
    found = Inspection.select(Inspection.venue).where(Inspection.id == old).tuples().first()
    venue_id = found[0] if found else None
    if venue_id is None:  # perhaps sent earlier in this batch
        venue_id = next((row[1] for row in batch_rows if row[0] == old), None)
    if venue_id is None:
        text = (
            f"inspection {new} supersedes inspection {old}, which the server does not hold; "
            "a re-inspection replaces only a submitted inspection of the venue"
        )
        raise refusals.unknown_record("inspection", old, text)
    if venue_id != record["venue_id"]:
        text = (
            f"inspection {new} supersedes inspection {old} of another venue; a re-inspection "
            "replaces only an inspection of the same venue"
        )
        raise refusals.refused(text, refusals.SUPERSEDES_OTHER_VENUE)
