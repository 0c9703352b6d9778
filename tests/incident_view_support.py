"""An incident's view as its reporter opens it: F3 (my incidents), then Enter on the
incident highlighted, settled with its record read."""

from __future__ import annotations

from typing import Any

from pilot_support import open_screen, settle

from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.my_incidents import MyIncidentsScreen


async def own_incident_view(app: Any, pilot: Any) -> IncidentRecordScreen:
    await open_screen(app, pilot, "f3", MyIncidentsScreen)
    await pilot.press("enter")
    await settle(app, pilot, rounds=2)
    record = app.screen
    assert isinstance(record, IncidentRecordScreen)
    return record
