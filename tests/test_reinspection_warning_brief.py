"""Starting the re-inspection of a returned inspection that left hazards open warns of
them in a toast that goes after some 8 s: it stayed 30 s over the hazard form, which
now warns of an open hazard on its item itself."""

from __future__ import annotations

from pathlib import Path

from pilot_support import at_home, settle

from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import make_app


def returned_with_one_open_hazard(venue_id: str) -> None:
    inspection_id = inspections.start_inspection(venue_id, reason="placard_missing")
    view = inspections.load(inspection_id)
    failed = False
    for item in view.checklist.items:
        if item.answer == "yesno" and not failed:
            inspections.record_answer(inspection_id, item, "fail")
            failed = True
        elif item.answer == "yesno":
            inspections.record_answer(inspection_id, item, "pass")
        else:
            value = {"number": "2", "date": "2026-01-01"}.get(item.answer, "ok")
            inspections.record_answer(inspection_id, item, "value", value)
    inspections.submit(inspection_id, "店主")
    Inspection.update(review_state="returned").where(Inspection.id == inspection_id).execute()


async def test_the_open_hazards_warning_goes_after_some_seconds(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    returned_with_one_open_hazard(venue.id)
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(app, pilot)
        app.open_venue(venue.id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=3)
        warned = [n for n in app._notifications if n.severity == "warning"]
    head = t("returned.open_hazards", count=1, hazards="").split(":")[0][:20]
    [warning] = [n for n in warned if n.message.startswith(head)]
    assert warning.timeout <= 10, warning.timeout
