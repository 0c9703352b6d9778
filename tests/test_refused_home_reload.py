"""Home shows a refusal as soon as the sync that learnt it ends: the refused inspection's
hazard leaves the hazard list and its venue is due again, without pressing r.

The sync's outcome is posted as the sync worker posts it, after the refusal was recorded
in the store as the sync client records it (`test_refused_records_ui.refuse_last_op`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item
from pilot_support import at_home, settle
from test_refused_records_ui import SMALL, refuse_last_op

from fieldapp.services.inspection import inspections
from fieldapp.services.syncing import runs as syncing
from fieldapp.store.models import Finding, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import SyncFinished
from sync.client.base import RejectedOp, SyncResult

pytestmark = pytest.mark.usefixtures("chinese")


def _submitted_with_a_hazard(venue: Venue) -> str:
    """An inspection of `venue` with one failed item; its hazard's id."""
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    item = next(i for i in inspections.load(inspection_id).checklist.items if i.answer == "yesno")
    inspections.record_answer(inspection_id, item, "fail")
    inspections.submit(inspection_id, "店主")
    return str(Finding.get(inspection=inspection_id).id)


async def test_home_reloads_when_a_sync_ends_with_a_refusal(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    finding_id = _submitted_with_a_hazard(venue)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await at_home(app, pilot)
        home = app.screen
        before = home.home_view
        assert finding_id in [f.finding_id for f in before.findings]

        op = refuse_last_op()
        rejected = RejectedOp(op.op_id, op.seq, op.type, op.last_error, op.refusal_code)
        outcome = syncing.SyncOutcome(
            syncing.INCOMPLETE, syncing.sync_status(), SyncResult(rejected=[rejected])
        )
        app.post_message(SyncFinished(outcome, manual=False))
        await settle(app, pilot, rounds=3)
        after = home.home_view
        assert finding_id not in [f.finding_id for f in after.findings]
        assert after.due_total == before.due_total + 1  # its venue is due again
