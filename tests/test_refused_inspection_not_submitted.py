"""A refused inspection never reached the office: its record says no review state (it
awaits no review) and its venue history counts it apart from the submitted ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item
from pilot_support import settle
from test_refused_records_ui import SMALL, refuse_last_op, shown

from fieldapp.services.inspection import history, inspections
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import meta_lines
from fieldapp.tui.screens.venue_history import VenueHistoryScreen

pytestmark = pytest.mark.usefixtures("chinese")


def _refused_inspection(venue: Venue) -> str:
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    refuse_last_op()
    return inspection_id


def test_a_refused_inspections_record_awaits_no_review(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    inspection_id = _refused_inspection(venue)
    text = "\n".join(meta_lines(history.inspection_record(inspection_id)))
    assert "审阅" not in text and "待审阅" not in text
    assert "店主" in text  # the rest of the header is still there


async def test_venue_history_counts_a_refused_inspection_apart(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    submitted = len(history.venue_inspections(venue.id))
    _refused_inspection(venue)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=2)
        app.push_screen(VenueHistoryScreen(venue.id, venue.name, venue.code))
        await settle(app, pilot, rounds=3)
        text = shown(app)
        assert f"已提交的检查：{submitted} 次，另有 1 次被服务器拒收" in text
