"""Functional: the inspector who reported an incident (F4) adds to it later. F3 → Enter
showed only the incident in full, with no key to add anything. Its view now offers n
备注 (a `note` event, which the incident lifecycle lets anyone send in any state): the
note is kept on the device, queued for the server with the other incident events, and
in the incident's history at once. The supervisor's actions are still not offered. The
note's dialog is titled by its action, not "备注：1 条事件" / "Note — 1 selected" (the queue's
wording for a selection): the incident is the one shown, named below the title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from incident_time_support import incident_at
from incident_view_support import own_incident_view
from pilot_support import footer_keys_seen, settle
from textual.widgets import Label, Static

from fieldapp.services.incidents import reporting
from fieldapp.services.incidents.events import OP_INCIDENT_EVENT
from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.incident_record import event_line
from fieldapp.tui.widgets.key_footer import KeyFooter


@pytest.mark.parametrize(("lang", "key"), [("zh", "n 备注"), ("en", "n Note")])
async def test_the_reporter_adds_a_note_to_their_incident(
    demo_home: Path, lang: str, key: str
) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        record = await own_incident_view(app, pilot)
        offered = [k for k in footer_keys_seen(record) if k.startswith("bulk")]
        assert offered == ["bulk('note')"], offered  # no assign, hand over, outcome, close
        assert key in record.query_one(KeyFooter).text
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        assert str(dialog.query_one(".dialog-title", Label).render()) == key.removeprefix("n ")
        assert "村口" in str(dialog.query_one("#bulk-targets", Static).render())
        await pilot.press(*"摊主已收摊烟花已搬走", "f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is record
        notes = IncidentEvent.select().where(
            IncidentEvent.incident == incident.id, IncidentEvent.type == "note"
        )
        assert [e.note for e in notes] == ["摊主已收摊烟花已搬走"]
        queued = [json.loads(o.payload) for o in Outbox.select() if o.type == OP_INCIDENT_EVENT]
        assert any(p["event"]["type"] == "note" for p in queued), queued
        assert record.record is not None  # read again: the note is in its history
        assert any("摊主已收摊烟花已搬走" in event_line(e) for e in record.record.history)
