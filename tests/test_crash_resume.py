"""Crash safety: kill -9 the program mid-inspection, start it again, and it offers to
resume at the same item with every answer there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from inspect_support import seed_store, settle

from fieldapp.store.models import Answer, Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.resume import ResumeDialog
from fieldapp.tui.screens.inspect import InspectScreen

DRIVER = Path(__file__).parent / "crash_driver.py"


@pytest.mark.slow
async def test_sigkill_mid_inspection_then_resume(home: Path) -> None:
    seed_store()
    env = {**os.environ, "FIELDAPP_HOME": str(home), "TEXTUAL_ANIMATIONS": "none"}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the driver has answered
        assert line.startswith("READY"), line + (process.stderr.read() if process.stderr else "")
        _, inspection_id, current = line.split()
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert current == "COM-06"

    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ResumeDialog), dialog
        assert dialog.inspection_id == inspection_id
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        assert screen.item.code == "COM-06"  # the same item
        assert "店主不在" in str(screen.query_one("#item-detail").render())
        answers = {
            code: (answer.outcome, answer.value, answer.note)
            for code, answer in screen.view.answers.items()
        }
    assert answers == {
        "COM-01": ("value", "3", ""),
        "COM-02": ("pass", "", ""),
        "COM-03": ("fail", "", ""),
        "COM-04": ("pass", "", ""),
        "COM-05": ("na", "", ""),
        "COM-06": ("note", "", "店主不在"),
    }
    assert Answer.select().where(Answer.inspection == inspection_id).count() == 6
    finding = Finding.get(inspection=inspection_id, item_code="COM-03")
    assert finding.description  # saved before the kill
