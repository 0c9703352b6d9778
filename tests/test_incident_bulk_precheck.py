"""The incident queue refuses a bulk key at once when none of the chosen incidents can
take it — saying why — instead of after the form is filled; with some that can, the
confirmation opens for them as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import open_screen, settle

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.incidents import IncidentsScreen

pytestmark = pytest.mark.usefixtures("chinese")
SMALL = (80, 24)


def report(place: str) -> str:
    return reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address=place)
    ).id


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def test_closing_a_just_reported_incident_is_refused_at_once(demo_home: Path) -> None:
    report("鼎美村村口")
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("c")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen  # no form to fill in first
        said = shown(app).replace(" ", "").replace("\n▌", "")
        assert "事件当前为“已上报”，还不能执行“结案”：先按o记录处理结果。" in said, said


async def test_closing_with_one_closable_among_those_marked_opens_the_confirmation(
    demo_home: Path,
) -> None:
    report("鼎美村村口")
    closable = report("镇政府门口")
    demo.act_as("supervisor")
    events.append_event(closable, "outcome_recorded", data={"outcome": "warned"})
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("ctrl+a", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
