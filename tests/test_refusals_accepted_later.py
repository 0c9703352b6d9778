"""A refusal stays listed (sync screen, status line) until read, unless its record went on
record later: a daily report refused, then filed again for the same grid and day and
applied, leaves nothing missing at the office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp.domain.clock import now_iso
from fieldapp.services.daily_report import reports
from fieldapp.services.syncing.refusals import outstanding
from fieldapp.store.models import Outbox

GRID = "T01-DM"


def _newest_op(state: str) -> int:
    op = Outbox.select().order_by(Outbox.seq.desc()).get()
    changes: dict[str, object] = {"state": state}
    if state == "rejected":
        changes |= {"last_error": "grid unknown", "refused_at": now_iso()}
    Outbox.update(**changes).where(Outbox.seq == op.seq).execute()
    return int(op.seq)


def test_a_refused_daily_report_filed_again_and_applied_is_not_listed(demo_home: Path) -> None:
    reports.file_report(GRID, remarks="first")
    refused = _newest_op("rejected")
    assert [r.seq for r in outstanding()] == [refused]

    reports.file_report(GRID, remarks="again")  # waiting: the refusal still stands
    assert [r.seq for r in outstanding()] == [refused]
    _newest_op("acked")
    assert outstanding() == ()
    assert Outbox.get(Outbox.seq == refused).state == "rejected"  # kept for the record


def test_a_report_of_another_day_does_not_answer_a_refusal(demo_home: Path) -> None:
    reports.file_report(GRID, day=dt.date.today() - dt.timedelta(days=1), remarks="yesterday")
    refused = _newest_op("rejected")
    reports.file_report(GRID, remarks="today")
    _newest_op("acked")
    assert [r.seq for r in outstanding()] == [refused]
