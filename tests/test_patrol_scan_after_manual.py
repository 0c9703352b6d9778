"""A checkpoint recorded by hand (`m`) and then scanned with its real placard, through the
real app at 80x24: the toast said "checked in again (already visited)", the row stayed
"by hand" and the visit log showed two visits alike. The scan now replaces the record by
hand as the checkpoint's proof: the toast says so, the row reads 已到, the log says the
visit by hand was replaced by the scan, and both visits go to the server once each."""

from __future__ import annotations

import json
from pathlib import Path

from patrol_screen_support import (
    ROUTE_ID,
    placard,
    point_id,
    run_started_by_scan,
    seed_patrol_store,
)
from pilot_support import settle
from textual.widgets import DataTable, Static

from fieldapp.i18n import t
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen


async def test_a_scan_after_a_check_in_by_hand_replaces_it(home: Path) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=0)  # CP-01 by hand: placard damaged, no note
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press("down", "enter", "enter")
        await settle(app, pilot, rounds=2)
        assert table.get_row_at(0)[2] == t("patrol.run.done_manual")

        app.scan_text(placard("CP-01"), "wedge")  # then its placard, scanned
        await settle(app, pilot, rounds=3)
        said = [n.message for n in app._notifications][-1]
        assert said == t("patrol.scan.replaces_manual", checkpoint="村东口 CP-01"), said
        assert table.get_row_at(0)[2] == t("patrol.run.done")
        assert screen.view is not None and screen.view.left == 2  # one checkpoint, not two

        run = PatrolRun.get()
        await app.push_screen(PatrolVisitsScreen(ROUTE_ID, run.day, run.window))
        await settle(app, pilot, rounds=2)
        log = app.screen
        visits = log.query_one("#visits-table", DataTable)
        details = []
        for row in range(visits.row_count):
            visits.move_cursor(row=row)
            await settle(app, pilot)
            details.append(str(log.query_one("#visits-visit", Static).render()))
        by_hand = [d for d in details if "CP-01" in d and "手动" in d]
        assert len(by_hand) == 1 and "扫码取代" in by_hand[0], details
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("f10", "y")  # finished with two left
        await settle(app, pilot, rounds=2)
    (op,) = Outbox.select().where(Outbox.type == "patrol_run.submit")
    sent = [s for s in json.loads(op.payload)["scans"] if s["checkpoint_id"] == point_id("CP-01")]
    assert sorted(s["source"] for s in sent) == ["manual", "wedge"]  # both on record, once
    visit_ops = [json.loads(o.payload)["scan"] for o in Outbox.select().where(
        Outbox.type == "patrol_run.visit")]  # fmt: skip
    assert sorted(v["id"] for v in visit_ops) == sorted({v["id"] for v in visit_ops})


def test_attendance_counts_the_scan_not_the_visit_by_hand_before_it() -> None:
    """The server and the device judge a window alike (`patrols.assess`): by hand at 06:40,
    scanned at 06:50, the checkpoint is done once, scanned, at 06:50."""
    import datetime as dt

    from fieldapp.domain import patrols

    day = dt.date(2026, 11, 2)
    window = patrols.Window.parse("06:30-09:00")
    visits = [patrols.Visit("a", dt.datetime(2026, 11, 2, 6, 40), manual=True),
              patrols.Visit("a", dt.datetime(2026, 11, 2, 6, 50))]  # fmt: skip
    verdict = patrols.assess(["a", "b"], day, window, visits, dt.datetime(2026, 11, 2, 7))
    assert verdict.done == ("a",) and verdict.manual == ()
    assert verdict.first_at == dt.datetime(2026, 11, 2, 6, 50)
