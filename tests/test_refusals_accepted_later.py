"""A refusal stays listed (sync screen, status line) until read, unless its record went on
record later: a daily report refused, then filed again for the same grid and day and
applied, leaves nothing missing at the office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import at_home, settle
from test_refused_records_ui import SMALL, shown

from fieldapp.domain.clock import now_iso
from fieldapp.services.daily_report import reports
from fieldapp.services.syncing import runs as syncing
from fieldapp.services.syncing.refusals import outstanding
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import SyncFinished
from sync.client.base import RejectedOp, SyncResult

pytestmark = pytest.mark.usefixtures("chinese")

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


async def test_the_sync_screen_shown_again_counts_only_refusals_still_standing(
    demo_home: Path,
) -> None:
    """A sync refused a daily report; it was filed again and applied since. Ctrl+F12 shows
    that sync's outcome again: it no longer says a record was refused, nor lists it."""
    reports.file_report(GRID, remarks="first")
    refused = Outbox.get(Outbox.seq == _newest_op("rejected"))
    rejected = RejectedOp(refused.op_id, refused.seq, refused.type, refused.last_error)
    outcome = syncing.SyncOutcome(
        syncing.INCOMPLETE, syncing.sync_status(), SyncResult(rejected=[rejected])
    )
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await at_home(app, pilot)
        app.post_message(SyncFinished(outcome, manual=False))
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+f12")
        await settle(app, pilot, rounds=2)
        assert "1 条被服务器拒收（见下）" in shown(app)
        await pilot.press("escape")
        await settle(app, pilot)

        reports.file_report(GRID, remarks="again")
        _newest_op("acked")
        app.check_connection()  # the status the next probe reads
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+f12")
        await settle(app, pilot, rounds=2)
        text = shown(app)
        assert "被服务器拒收" not in text and "同步未全部完成" not in text
