"""Esc on the re-inspect dialog (复查隐患: Enter on a hazard on Home) asks before throwing
away a note or a photo path typed into it, as the hazard, hand-over and activity forms do;
opened and left untouched, it closes at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import seed_store, settle, submitted_with_one_finding
from textual.widgets import Input

from fieldapp.domain.findings import TransitionRefused
from fieldapp.services.inspection import findings
from fieldapp.store.models import FindingEvent
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.reinspect import ReinspectDialog


async def test_esc_with_a_note_typed_asks_first_and_keeps_it(home: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    results: list[bool | None] = []
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        home_screen = app.screen
        app.push_screen(ReinspectDialog(finding_id), results.append)
        await settle(app, pilot)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert app.screen is home_screen and results == [None]

        dialog = ReinspectDialog(finding_id)
        app.push_screen(dialog, results.append)
        await settle(app, pilot)
        dialog.query_one("#reinspect-note", Input).value = "门口堆物已清走一半"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the question starts on keeping the form
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#reinspect-note", Input).value == "门口堆物已清走一半"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("y")  # discard
        await settle(app, pilot)
        assert app.screen is home_screen and results == [None, None]
    events = FindingEvent.select().where(FindingEvent.finding == finding_id)
    assert [e.type for e in events] == ["opened"]  # nothing recorded
    # The note may be left empty; typed, it says something as every note does.
    with pytest.raises(TransitionRefused, match="请用文字写明备注"):
        findings.report_rectification(finding_id, fixed=False, note="😀", photos=[])
    assert [e.type for e in events] == ["opened"]
