"""A patrol run through the real app: killed with SIGKILL after two scans, started again,
resumed with both scans there, a checkpoint by hand with a reason, the hydrant's short
form, then finished with one op that carries every scan once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from patrol_screen_support import (
    ROUTE_ID,
    placard,
    point_id,
    run_started_by_scan,
    seed_patrol_store,
)
from pilot_support import settle

from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

DRIVER = Path(__file__).parent / "patrol_crash_driver.py"


def _run_driver(home: Path) -> str:
    env = {**os.environ, "FIELDAPP_HOME": str(home), "TEXTUAL_ANIMATIONS": "none"}
    process = subprocess.Popen([sys.executable, str(DRIVER)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, text=True)  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the driver has scanned
        assert line.startswith("READY"), line + (process.stderr.read() if process.stderr else "")
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return line.split()[1]


def _states(screen: PatrolRunScreen) -> list[tuple[str, bool]]:
    assert screen.view is not None
    return [(line.code, line.done) for line in screen.view.lines]


@pytest.mark.slow
async def test_a_patrol_killed_mid_run_is_resumed_and_finished_once(home: Path) -> None:
    seed_patrol_store()
    run_id = _run_driver(home)
    # What the killed program had shown as accepted is on disk.
    assert {s.checkpoint for s in PatrolScan.select()} == {point_id("CP-01"), point_id("CP-03")}
    assert PatrolRun.get_by_id(run_id).status == "open"

    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        assert "烟花爆竹巡逻" in str(app.screen.query_one("#home-patrols").render())
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolsScreen)
        assert app.screen.data is not None and app.screen.data.due[0].run_id == run_id
        await pilot.press("enter")  # resumes the run in progress
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen) and screen.patrol_run_id == run_id
        assert _states(screen) == [("CP-01", True), ("CP-02", False), ("CP-03", True),
                                   ("CP-04", False)]  # fmt: skip
        app.scan_text("CP-02", "typed")  # a typed code proves nothing: asks why
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "PresenceDialog"
        await pilot.press("escape")  # not recorded without a reason
        await settle(app, pilot)
        assert not PatrolScan.select().where(PatrolScan.checkpoint == point_id("CP-02")).exists()
        await pilot.press("down", "m")  # CP-02 by hand
        await settle(app, pilot)
        await pilot.press("down", "enter", "enter")  # placard damaged; no note
        await settle(app, pilot, rounds=2)
        await pilot.press("down", "e")  # the hydrant's form on CP-03
        await settle(app, pilot)
        await pilot.press(*"0.35", "enter")
        await settle(app, pilot)
        await pilot.press("enter", "down", "enter", "f10")  # cap intact: 是, chosen
        await settle(app, pilot)
        await pilot.press("enter", "down", "enter", "f10")  # access clear: 是
        await settle(app, pilot, rounds=2)
        assert _states(screen)[1] == ("CP-02", True)
        await pilot.press("f10")  # finish with CP-04 left: asks first
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PatrolsScreen)
    (op,) = Outbox.select().where(Outbox.type == "patrol_run.submit")
    payload = json.loads(op.payload)
    assert payload["route_id"] == ROUTE_ID and payload["id"] == run_id
    scans = {s["checkpoint_id"]: s for s in payload["scans"]}
    assert len(payload["scans"]) == 3 and set(scans) == {
        point_id(c) for c in ("CP-01", "CP-02", "CP-03")
    }
    assert scans[point_id("CP-01")]["payload"] == placard("CP-01")
    assert scans[point_id("CP-02")]["source"] == "manual"
    assert scans[point_id("CP-02")]["reason"] == "placard_damaged"
    assert scans[point_id("CP-03")]["answers"] == {"pressure_mpa": "0.35", "cap_intact": "yes",
                                                   "access_clear": "yes"}  # fmt: skip
    assert PatrolRun.get_by_id(run_id).status == "finished"


def test_the_daily_report_says_every_patrol_figure() -> None:
    from fieldapp.i18n import set_language
    from fieldapp.tui.views.work_lines import work_lines

    set_language("zh")
    counts = {"patrols_done": 2, "patrols_late": 1, "patrols_partial": 1, "patrols_missed": 1,
              "missed_posts": 5}  # fmt: skip
    line = work_lines(counts)
    assert "完成 2 次（其中迟到 1）" in line and "部分完成 1 次" in line
    assert "未巡 1 次" in line and "空岗漏岗 5 处" in line
    assert work_lines({"patrols_partial": 1}).count("部分完成 1 次") == 1  # alone, still said


async def test_a_checkpoint_placard_scanned_anywhere_starts_its_due_patrol(home: Path) -> None:
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-02"), "wedge")  # on the home screen
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        assert _states(screen)[1] == ("CP-02", True)
        await pilot.press("escape")
        await settle(app, pilot)
        app.scan_text(placard("CP-03"), "wedge")  # resumes the same run
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        assert app.screen.patrol_run_id == screen.patrol_run_id
        assert PatrolRun.select().count() == 1 and PatrolScan.select().count() == 2
        await pilot.press("f10", "y")
        await settle(app, pilot, rounds=2)
        # No patrol of it due now: the placard says what it is, nothing starts.
        PatrolRoute.update(schedule={"days": ["2020-01-01"], "windows": ["06:30-09:00"]}).execute()
        app.scan_text(placard("CP-01"), "wedge")
        await settle(app, pilot, rounds=2)
        said = [n.message for n in app._notifications]
    assert any("CP-01 是巡逻点位标牌" in text for text in said), said
    assert PatrolRun.select().count() == 1


def test_a_run_left_open_after_its_window_stays_due_until_finished(home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from patrol_support import FrozenClock

    from fieldapp.services.patrols import due, runs
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(schedule={"days": ["daily"], "windows": ["06:30-09:00"]}).execute()
    clock = FrozenClock(monkeypatch, "2026-02-04", "06:40")
    run = runs.start_run(ROUTE_ID)
    runs.record_scan(run.id, placard("CP-01"), "wedge")
    clock.set("12:00")  # the window closed three hours ago, the run was never finished
    (still,) = due.due_now()
    assert (still.run_id, still.done, still.minutes_left) == (run.id, 1, -180)
    assert runs.start_run(ROUTE_ID).id == run.id  # Enter resumes it to finish it
    runs.finish_run(run.id)
    assert due.due_now() == []


async def test_a_checkpoint_not_reached_says_so_and_one_reached_is_not_recorded_twice(
    home: Path,
) -> None:
    from textual.widgets import DataTable

    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-02"), "wedge")  # the run starts with CP-02 reached
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        assert screen.sub_title == "巡逻与考勤"  # the header says which section this is
        table = screen.query_one("#patrol-run-points", DataTable)
        table.focus()
        table.move_cursor(row=2)  # CP-03, the hydrant with a form: not reached yet
        for key in ("e", "n", "p"):  # nothing to write on a visit not made: said, no form
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen is screen, key
        said = [n.message for n in app._notifications]
        assert said[-1].startswith("1号消火栓 CP-03 还没到：先扫描它的标牌，或按 m 手工登记")
        table.move_cursor(row=1)  # CP-02, reached
        await pilot.press("m")
        await settle(app, pilot)
        assert app.screen is screen  # no reason asked: it was reached
        assert "已在" in [n.message for n in app._notifications][-1]
        assert PatrolScan.select().count() == 1


async def test_patrols_say_when_nothing_can_start_and_a_week_ends_on_the_day_shown(
    home: Path,
) -> None:
    import datetime as dt

    from fieldapp.domain.clock import today
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(active=False).execute()  # the office stopped it: nothing due
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, PatrolsScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert [n.message for n in app._notifications][-1].startswith("现在没有可以开始的巡逻")
        for _ in range(10):
            await pilot.press("left_square_bracket")
        await pilot.press("w")
        await settle(app, pilot, rounds=2)
        shown = today() - dt.timedelta(days=10)
        assert (screen.first, screen.last) == (shown - dt.timedelta(days=6), shown)


async def test_a_venue_placard_scanned_during_a_patrol_says_it_is_no_checkpoint(
    home: Path,
) -> None:
    """The venue is on this device: the scan is not of this route, and "sync" would be
    wrong advice. The message says what it is and what to do: it said to finish the run
    (F10), which makes its unvisited points missed; Esc leaves the run open, and the
    placard scanned then offers the venue's inspection."""
    from fieldapp.tui.dialogs.scanned import ScannedVenueDialog

    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        await pilot.press("enter")  # start the patrol
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        app.scan_text(placard("XC-0001"), "wedge")  # the noodle shop's placard
        await settle(app, pilot, rounds=2)
        said = [n.message for n in app._notifications]
        assert app.screen is screen
        await pilot.press("escape")  # as the message says
        await settle(app, pilot)
        app.scan_repeats.forget(placard("XC-0001").upper())  # the scanner's repeat window is over
        app.scan_text(placard("XC-0001"), "wedge")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, ScannedVenueDialog), app.screen
    assert said[-1].startswith("XC-0001 是场所标牌，不是本路线的巡逻点位，未签到"), said
    assert "不在本设备上" not in said[-1]
    assert "Esc" in said[-1] and "F10" not in said[-1], said
    assert PatrolScan.select().count() == 0
    assert PatrolRun.get().status == "open"  # the patrol goes on


async def test_a_check_starts_unanswered_and_a_sale_seen_is_said_to_be_a_problem(
    home: Path,
) -> None:
    """The fireworks point's 是/否 check starts with nothing chosen (F10 asks for an answer,
    where 是 was preselected and saved as passed). It asks whether an illegal sale was
    seen, so 是 means what it says: a sale seen, recorded as a problem (it asked 未发现违规
    销售, where 否 was the problem: a double negative answered the wrong way)."""
    from textual.widgets import Select, Static

    from fieldapp.tui.dialogs.followup import AskDialog

    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=1)  # CP-02, the fireworks point
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        assert dialog.query_one("#ask-choice", Select).value is Select.NULL
        await pilot.press("f10")  # nothing chosen: nothing recorded as passed
        await settle(app, pilot)
        assert app.screen is dialog
        assert "还没有选择" in str(dialog.query_one("#ask-problem", Static).render())
        await pilot.press("enter", "down", "enter")  # the list: 是
        assert dialog.query_one("#ask-choice", Select).value == "yes"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
        said = [n.message for n in app._notifications][-1]
        assert "“是否发现违规销售烟花爆竹？”答“是”" in said and "记为问题" in said, said
        assert "F4" in said and "未发现" not in said, said
    (scan,) = PatrolScan.select().where(PatrolScan.checkpoint == point_id("CP-02"))
    assert scan.answers == {"sale_seen": "yes"}
