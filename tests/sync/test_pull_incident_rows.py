"""Pulled incidents and their events on the device (sync/client/incident_rows): an incident
of a grid this device does not hold, or an event of an incident it does not hold, is
skipped with a warning that says why, and the rest of the page is applied.

Applied directly to a real store file (`tree`) in the feed's record shapes
(sync.server.incidents), as the pull does.
"""

from __future__ import annotations

from rounds_support import INSPECTOR_A11
from test_pull_apply import pull

from fieldapp.store.incident_models import Incident, IncidentEvent

STAMP = "2026-06-10T02:00:00.000Z"


def incident(incident_id: str, grid: str) -> dict:
    return {
        "id": incident_id, "category": "fire", "grid_code": grid, "venue_id": None,
        "address": "东村3组", "occurred_at": STAMP, "description": "电动车楼道充电",
        "people": [], "photos": [], "media": [], "created_at": STAMP,
        "created_by": INSPECTOR_A11, "state": "reported", "assigned_to": "", "conflict": False,
    }  # fmt: skip


def reported(event_id: str, incident_id: str, order: int) -> dict:
    return {
        "id": event_id, "incident_id": incident_id, "type": "reported", "actor": INSPECTOR_A11,
        "role": "inspector", "device_id": "d-2", "base_event": None, "at": STAMP, "note": "",
        "photos": [], "data": {}, "received_at": STAMP, "server_order": order,
        "conflict": False, "conflict_reason": "",
    }  # fmt: skip


def test_an_incident_of_a_grid_not_on_this_device_is_skipped_and_the_rest_applied(tree) -> None:
    warnings = pull(("incident", incident("i-9", "V9")), ("incident", incident("i-1", "A11")))
    assert warnings == ["incident i-9 skipped: its grid is not on this device"]
    assert [i.id for i in Incident.select()] == ["i-1"]


def test_an_event_of_an_incident_not_on_this_device_is_skipped_and_the_rest_applied(
    tree,
) -> None:
    warnings = pull(
        ("incident", incident("i-1", "A11")),
        ("incident.event", reported("e-9", "i-elsewhere", 0)),
        ("incident.event", reported("e-1", "i-1", 0)),
    )
    assert warnings == ["event e-9 skipped: its incident is not on this device"]
    assert [(e.id, e.incident_id) for e in IncidentEvent.select()] == [("e-1", "i-1")]
