"""The sync screen (F12) lists the conflicts the server recorded for this device's events
in the UI's language. It printed the fold's English reason inside the Chinese UI:
"已记录的冲突： · reopened is not valid when the finding is closed"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Static

from fieldapp.domain import findings as machine
from fieldapp.domain import incidents
from fieldapp.services.syncing import runs as syncing
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.sync import SyncScreen
from sync.client.base import Conflict, SyncResult

SAID = {
    "zh": (
        "· “复查未整改”到达时隐患已是“已销号”，未生效。",
        "· 您的角色不能执行“复查通过”：只有网格长或管理员可以复查、移交和销号。",
        "· 复查须由报告整改以外的人进行",
        "· a strange reason",
    ),
    "en": (
        "· 'Found not fixed' arrived when the hazard was already 'Closed out', so it did not apply.",
        "· Your role cannot 'Verified'",
        "· A fix is re-checked by someone other than the one who reported it",
        "· a strange reason",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_conflicts_of_a_sync_are_said_in_the_ui_language(
    demo_home: Path, lang: str
) -> None:
    reasons = [  # as the fold words them, and so the server sends them
        machine.check_transition(machine.CLOSED, "reopened", "inspector"),
        machine.check_transition(machine.REPORTED, "verified", "inspector"),
        machine.self_verified("verified", "p-1", "p-1"),
        "a strange reason",  # a shape not known here: kept as the server said it
    ]
    incident = machine.check_transition("closed", "assigned", "supervisor", incidents.INCIDENT)
    said = [*(r for r in reasons if r), incident or ""]
    result = SyncResult(conflicts=[Conflict(r) for r in said])
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        outcome = syncing.SyncOutcome(syncing.DONE, syncing.sync_status(), result)
        await app.push_screen(SyncScreen(outcome=outcome))
        await settle(app, pilot, rounds=2)
        said = str(app.screen.query_one("#sync-warnings", Static).render())
    lines = said.splitlines()
    for line, expected in zip(lines[1:], SAID[lang], strict=False):
        assert line.startswith(expected)
    assert "not valid" not in said and "may not send" not in said
    assert "事件已是" in said if lang == "zh" else "the incident was already" in said
