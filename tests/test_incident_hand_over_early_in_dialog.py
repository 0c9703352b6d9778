"""An incident's view, h, a unit, a reference and a date before the incident happened,
F10: a box said 移交日期 … 早于事件发生的日期 and the dialog was gone, and h again showed
empty fields, while a date in the future was refused in the dialog itself. The dialog
now says it under the fields, with the cursor in the date and what was typed kept, as
the hazard hand-over does (aa18c90). A note of 🚓 alone is refused there too, as every
note is."""

from __future__ import annotations

from pathlib import Path

from incident_time_support import DAYS_AGO, incident_at, incident_day
from pilot_support import open_first_incident, screen_text, settle
from textual.widgets import Input, Static

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog


async def test_a_hand_over_dated_before_the_incident_stays_in_its_dialog(demo_home: Path) -> None:
    happened, day_before = incident_day(), incident_day(DAYS_AGO + 1)
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊销售烟花爆竹",
                                 address="鼎美村村口")
    )  # fmt: skip
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_incident(app, pilot)
        await pilot.press("h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.choose("#bulk-unit", "fire_brigade")
        dialog.query_one("#bulk-reference", Input).value = "XF-2026-001"
        date = dialog.query_one("#bulk-date", Input)
        date.value = day_before
        note = dialog.query_one("#bulk-note", Input)
        note.value = "🚓"  # was taken, while every other note refuses an emoji alone
        await pilot.press("f10")
        await settle(app, pilot)
        # Both at once, in the form's order, the cursor in the first (the date).
        said = str(dialog.query_one("#bulk-error", Static).render())
        assert f"移交日期 {day_before} 早于事件发生的日期" in said and "请用文字写明备注" in said
        assert app.focused is date
        note.value = ""  # a hand-over's note may be left empty
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog  # still open, with what was typed
        assert f"移交日期 {day_before} 早于事件发生的日期" in screen_text(app)
        assert f"最早为 {happened}" in screen_text(app)
        assert dialog.query_one("#bulk-reference", Input).value == "XF-2026-001"
        assert date.value == day_before and app.focused is date
    assert Incident.get_by_id(incident.id).state == "reported"  # nothing applied
