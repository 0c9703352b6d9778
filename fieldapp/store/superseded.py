"""Whether an inspection is still current: a submitted re-inspection that names it in
`supersedes` replaces it (a returned inspection done again). The review queues and the
counts of inspections leave a replaced one out, so it and its replacement count once.
"""

from __future__ import annotations

from peewee import Expression

from fieldapp.store.models import Inspection


def not_superseded_sql(row: str = "i") -> str:
    """An SQL condition on the inspection row `row` (a table alias or name): no submitted
    inspection replaces it (read by the partial index `inspection_supersedes`, store v24)."""
    return (
        "NOT EXISTS (SELECT 1 FROM inspection s"
        f" WHERE s.supersedes = {row}.id AND s.status = 'submitted')"
    )


def not_superseded() -> Expression:
    """`not_superseded_sql` for a Peewee query on `Inspection`."""
    replacing = Inspection.alias()
    return Inspection.id.not_in(
        replacing.select(replacing.supersedes).where(
            replacing.supersedes.is_null(False) & (replacing.status == "submitted")
        )
    )
