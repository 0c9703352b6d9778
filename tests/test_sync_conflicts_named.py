"""The sync screen (F12) names the hazard or incident each recorded conflict is about. It
listed "已记录的冲突： · “复查未整改”到达时隐患已是“已销号”，未生效。" with no word of which
hazard; the op's payload names the record, and the device's store knows it as a venue's
code and checklist item (or an incident's place)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import settle
from textual.widgets import Static

from fieldapp.domain import findings as machine
from fieldapp.services.incidents import reporting
from fieldapp.services.syncing import runs as syncing
from fieldapp.services.syncing.conflicts import name_conflicts
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.sync import SyncScreen
from sync.client.base import Conflict, SyncResult
from sync.client.refused_events import record_of


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_conflict_names_its_hazard_or_incident(demo_home: Path, lang: str) -> None:
    reason = machine.check_transition(machine.CLOSED, "reopened", "inspector") or ""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        finding = Finding.select().first()
        place = "鼎美村村口"
        report = reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address=place)
        incident = reporting.report_incident(report)
        ops = [  # as the sync client keeps them: the op's type and its payload's record
            ("finding.event", {"finding_id": finding.id, "event": {"id": "e-1"}}),
            ("incident.event", {"incident_id": incident.id, "event": {"id": "e-2"}}),
            ("finding.event", {"finding_id": "not-on-this-device", "event": {"id": "e-3"}}),
        ]
        conflicts = [Conflict(reason, kind, record_of(kind, json.dumps(p))) for kind, p in ops]
        result = SyncResult(conflicts=conflicts)
        name_conflicts(result)  # as run_sync does in the sync's worker
        outcome = syncing.SyncOutcome(syncing.DONE, syncing.sync_status(), result)
        await app.push_screen(SyncScreen(outcome=outcome))
        await settle(app, pilot, rounds=2)
        lines = str(app.screen.query_one("#sync-warnings", Static).render()).splitlines()
    colon = "：" if lang == "zh" else ": "
    hazard = f"· {finding.venue.code} {finding.item_code}{colon}"
    assert lines[1].startswith(hazard), lines
    assert lines[2].startswith(f"· {place}{colon}"), lines
    arrived = "到达时" if lang == "zh" else "arrived when"
    assert lines[3].startswith("· ") and arrived in lines[3].split(colon)[0], lines
