"""F12 brought another device's change of an incident (2 changes downloaded), yet the
incident's view still said 已移交 / Handed over, and F3's list too until F3 was opened
again: the list and the view did not read themselves after a sync, as F11 does
(3db80eb). A sync whose pull brought incidents now shows them at once, in the view and,
on the way back, in the list.

The pull is what the sync client leaves: the incident's new state in the store, and an
outcome whose result says incident events came (`SyncResult.pulled_types`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at, incident_day
from pilot_support import open_screen, screen_text, settle

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting
from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import SyncFinished
from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.incidents import IncidentsScreen
from fieldapp.tui.widgets import PagedTable
from sync.client.base import SyncResult

# (the list's state before, the view's after, the list's after)
SAID = {"zh": ("已移交", "已处理待结案", "待结案"), "en": ("Handed over", "Outcome", "To close")}


def _pulled_outcome(incident_id: str) -> syncing.SyncOutcome:
    """Another supervisor recorded the outcome: its event pulled here."""
    events.append_event(incident_id, "outcome_recorded", data={"outcome": "goods_seized"})
    result = SyncResult(pulled=2, pulled_types={"incident", "incident.event"})
    return syncing.SyncOutcome(syncing.DONE, syncing.sync_status(), result)


def _row_text(screen: IncidentsScreen) -> str:
    table = screen.query_one(PagedTable)
    return " ".join(str(cell) for cell in table.get_row_at(0))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_pulled_incident_change_shows_in_its_view_and_the_list(
    demo_home: Path, lang: str
) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    demo.act_as("supervisor")
    data = {"unit": "police_station", "reference": "公移〔2026〕12号", "date": incident_day()}
    events.append_event(incident.id, "handed_over", data=data)
    handed, outcome, to_close = SAID[lang]
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_screen(app, pilot, "f3", IncidentsScreen)
            assert handed in _row_text(screen)
            await pilot.press("enter")
            await settle(app, pilot)
            view = app.screen
            assert isinstance(view, IncidentRecordScreen)
            app.post_message(SyncFinished(_pulled_outcome(incident.id), manual=False))
            await settle(app, pilot, rounds=3)
            text = screen_text(app)
            assert outcome in text and handed not in text.split("\n")[1:4], text
            await pilot.press("escape")
            await settle(app, pilot, rounds=3)
            assert app.screen is screen
            assert to_close in _row_text(screen) and handed not in _row_text(screen)
    finally:
        set_language("zh")
