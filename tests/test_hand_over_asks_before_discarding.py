"""Esc on the hand-over dialog (移交: `h` in the supervisor's incident queue, F3, and in
the review queue, F5) asks before throwing away what was typed or chosen, as the
incident, person and activity forms do; on a dialog as it was opened it closes at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import open_screen, settle
from textual.widgets import Input

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.incidents import IncidentsScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def test_esc_on_a_hand_over_typed_into_asks_first(demo_home: Path) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address="鼎美村村口"
        )
    )
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("h")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert app.screen is queue
        await pilot.press("h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.query_one("#bulk-reference", Input).value = "鼎综治移〔2026〕7号"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing: the dialog as it was
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#bulk-reference", Input).value == "鼎综治移〔2026〕7号"
        dialog.query_one("#bulk-reference", Input).value = ""
        dialog.choose("#bulk-unit", "police_station")  # a unit chosen is asked about too
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # discard
        await settle(app, pilot)
        assert app.screen is queue
    assert Incident.get_by_id(incident.id).state == "reported"
