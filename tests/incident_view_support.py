"""An incident's view as its reporter opens it: F3 (my incidents), then Enter on the
incident highlighted, settled with its record read."""

from __future__ import annotations

from typing import Any

from pilot_support import open_first_incident

from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.my_incidents import MyIncidentsScreen


async def own_incident_view(app: Any, pilot: Any) -> IncidentRecordScreen:
    return await open_first_incident(app, pilot, MyIncidentsScreen)
