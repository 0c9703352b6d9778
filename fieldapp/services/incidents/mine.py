"""The incidents this person reported (我上报的事件): one page of them, newest first.

What a field worker looks up after reporting: when, what, where and how far it has got
(assigned, handed over to whom, the outcome, closed). The rows are the supervisor's queue's
(`queue.rows_of`); the state is the one the last sync brought.
"""

from __future__ import annotations

from typing import Any

from fieldapp.services.common.identity import me
from fieldapp.services.incidents.queue import IncidentRow, rows_of
from fieldapp.store.incident_models import Incident


def _mine() -> Any:
    return Incident.select().where(Incident.created_by == me().person_id)


def my_incident_rows(*, limit: int, offset: int = 0) -> tuple[list[IncidentRow], int]:
    """One page of the incidents I reported, newest first, and how many there are."""
    query = _mine().order_by(Incident.occurred_at.desc(), Incident.id.desc())
    return rows_of(list(query.limit(limit).offset(offset))), _mine().count()
