"""F3 for a supervisor with no incident at all showed the queue's headers over an empty
table and "No incidents match." — as if a filter hid some. With none yet, the line below
says how to report one (F4); once there is one, a queue without it still says that none
matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import open_screen, settle
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.incidents import IncidentsScreen


def status(screen: IncidentsScreen) -> str:
    return str(screen.query_one("#incident-status", Static).render())


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_no_incident_yet_says_how_to_report_one(demo_supervisor: Path, lang: str) -> None:
    assert Incident.select().count() == 0
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        assert screen.query_one("#incident-status").region.height > 0  # in sight at 80×24
        assert status(screen) == t("incident.queue.none_yet")
        await pilot.press("5")  # every queue: none there either
        await settle(app, pilot, rounds=2)
        assert status(screen) == t("incident.queue.none_yet")
        report_incident(IncidentReport("fireworks_sale", incident_at(), "售卖烟花",
                                       address="东村路口", grid_code=me().grids[0][0]))  # fmt: skip
        await pilot.press("4")  # conflicts: the one reported is not there
        await settle(app, pilot, rounds=2)
        assert not screen.rows and status(screen) == t("incident.queue.empty")
