"""The server's refusal reasons speak the person's language: a refused op comes back with
a code and parameters next to the English text, the device keeps them with the refused
record, and the sync screen words the reason from its catalogue (Chinese by default,
English on request); a code this version does not know shows the server's own text.

A real `python -m sync.server` on loopback refuses a real op: the inspector's daily report
for a grid that is not theirs."""

from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path

import pytest
from pilot_support import screen_text
from test_sync_ui import SIZE, chinese, demo_server_running, press_f12_and_wait, until_probed

from fieldapp.i18n import set_language
from fieldapp.services.common import outbox
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.demo import server as demo_server
from fieldapp.services.syncing import refusals
from fieldapp.store.models import Outbox, SyncState
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.sync import refusal_lines

__all__ = ["chinese", "demo_server_running"]  # fixtures

pytestmark = pytest.mark.slow


def _flat(text: str) -> str:
    """Text without its whitespace: a Static wraps a long reason at any width."""
    return re.sub(r"\s+", "", text)


def _grid_outside(home: Path, person: str) -> tuple[str, str]:
    """A grid of the server's (code, name) that is not among the person's grids."""
    path = demo_server.server_dir(home) / "server.sqlite3"
    with sqlite3.connect(path) as server:
        grids = {code: (parent, name) for code, parent, name in server.execute(
            "SELECT code, parent_code, name FROM grid")}  # fmt: skip
        mine = {row[0] for row in server.execute(
            "SELECT grid_code FROM person_grid WHERE person_id = ?", (person,))}  # fmt: skip
    while True:  # the person's grids and every grid below them
        below = {code for code, (parent, _name) in grids.items() if parent in mine}
        if below <= mine:
            break
        mine |= below
    code = sorted(set(grids) - mine)[0]
    return code, grids[code][1]


def a_report_outside_my_grids(home: Path) -> tuple[int, str]:
    """A daily report for a grid that is not the inspector's: the server refuses it."""
    person = SyncState.get_by_id(1).person
    code, name = _grid_outside(home, person)
    op = outbox.enqueue(
        "daily_report.submit",
        {
            "id": str(uuid.uuid4()),
            "grid_code": code,
            "date": "2026-01-05",
            "reporter": person,
            "counts": {},
            "zero_report": True,
            "remarks": "",
            "submitted_at": "2026-01-05T08:00:00Z",
        },
    )
    return op.seq, name


async def _sync_screen_text() -> str:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        await press_f12_and_wait(app, pilot)
        return screen_text(app)


async def test_a_refusal_outside_my_grids_reads_in_chinese_then_in_english(
    demo_server_running: demo_server.DemoServer,
) -> None:
    seq, grid_name = a_report_outside_my_grids(demo_server_running.home)
    text = _flat(await _sync_screen_text())
    assert _flat(f"#{seq} 日报（") in text
    assert _flat(f"：所属网格“{grid_name}”不在您的负责范围内，请联系管理员分配该网格") in text
    assert "notamongthegrids" not in text  # not the server's English

    row = Outbox.get(Outbox.seq == seq)
    assert row.state == "rejected" and row.refusal_code == "outside_grid"
    assert "not among the grids of" in row.last_error  # the server's text kept as it came

    set_language("en")
    text = _flat(await _sync_screen_text())
    assert _flat(f"#{seq} Daily report (refused") in text
    assert _flat(f"grid {grid_name} is not among your grids; ask the administrator") in text
    assert "不在您的负责范围内" not in text


def test_a_code_this_version_does_not_know_shows_the_server_text(home: Path) -> None:
    op = outbox.enqueue("daily_report.submit", {"id": "r-1", "grid_code": "G9"})
    Outbox.update(
        state="rejected",
        last_error="the grid is closed for the holidays",
        refused_at="2026-01-05T08:00:00Z",
        refusal_code="grid_on_holiday",
        refusal_params='{"grid": "G9"}',
    ).where(Outbox.seq == op.seq).execute()
    (refusal,) = refusals.outstanding()
    assert refusal.code == "grid_on_holiday" and refusal.params == {"grid": "G9"}
    assert refusal.why == "the grid is closed for the holidays"
    assert any(
        line.endswith("：the grid is closed for the holidays") for line in refusal_lines([refusal])
    )


def test_a_refusal_without_a_code_or_with_parameters_missing_shows_the_server_text() -> None:
    assert reason_in_words(None, None, "from an older server") == "from an older server"
    assert reason_in_words("outside_grid", {}, "grid G9 is not yours") == "grid G9 is not yours"
    worded = reason_in_words("wrong_role", {"role": "inspector", "action": "verified"}, "x")
    assert worded == "您的角色（网格员）无权办理此项，须由网格长办理"
    set_language("en")
    assert reason_in_words("already_submitted", {}, "x") == (
        "this record was already sent; the server keeps the first"
    )
