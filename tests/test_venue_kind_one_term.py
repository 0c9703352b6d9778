"""A venue kind has one English name on every screen: a 小旅馆 read "Guesthouse" in Find
venue and on Home but "Small hotel" on the read-only inspection."""

from __future__ import annotations

from pathlib import Path

from inspect_support import answer_every_item
from pilot_support import shown_from_start

from fieldapp.services.inspection import inspections
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def test_a_guesthouse_is_a_guesthouse_on_the_read_only_inspection(demo_home: Path) -> None:
    venue = Venue.select().where(Venue.kind == "small_hotel").order_by(Venue.code).first()
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        text = shown(app)
    assert "Guesthouse" in text and "Small hotel" not in text, text
