"""F3 with an empty queue still offered a Assign, h Hand over, o Outcome in the footer,
and `a` then said "Choose incidents first (space marks one…)" about a list with nothing
to choose (before that, 请先选择隐患, the hazard review's words). As in the review (F5),
an empty queue offers no action on incidents: the keys come back once one is listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import footer_keys_seen, open_screen, settle

from fieldapp.services.common.identity import me
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.incidents import IncidentsScreen

ACTIONS = ("bulk('assigned')", "bulk('handed_over')", "bulk('outcome_recorded')")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_empty_queue_offers_no_action(demo_supervisor: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        assert not screen.rows
        assert not set(ACTIONS) & set(footer_keys_seen(screen))
        assert screen.check_action("bulk", ("assigned",)) is False  # F1, palette alike
        await pilot.press("a")
        await settle(app, pilot)
        assert app.screen is screen and not list(app._notifications)  # nothing said
        report_incident(IncidentReport("fireworks_sale", incident_at(), "售卖烟花",
                                       address="东村路口", grid_code=me().grids[0][0]))  # fmt: skip
        await pilot.press("5")  # every queue: the one reported is listed
        await settle(app, pilot, rounds=2)
        assert screen.rows
        assert set(ACTIONS) <= set(footer_keys_seen(screen))
