"""A patrol route counts from the day it starts: on a real device store, a ledger exported
from 2020 for a route that started on 2026-11-01 shows no window before that day (none
missed, none due) and does show the windows missed after it; a run walked before the start
is kept, says so, and is listed as early, its checkpoints not visited never called missed
posts (漏岗: F10 said they would be, and the finished run said so); and a store from before the route's start date
was kept gets one from what it holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from patrol_screen_support import ROUTE_ID, placard, point_id, seed_patrol_store
from patrol_support import FrozenClock
from pilot_support import settle

from fieldapp.domain import patrols
from fieldapp.i18n import t
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.patrols import attendance, due, runs
from fieldapp.store import migrations
from fieldapp.store.db import db
from fieldapp.store.opening import close_store, open_store
from fieldapp.store.patrol_models import PatrolRoute, PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen
from fieldapp.tui.views.patrol_run import finish_question, point_state, run_status

STARTS_ON = "2026-11-01"


def _route_from(starts_on: str) -> None:
    seed_patrol_store()
    PatrolRoute.update(
        starts_on=starts_on, schedule={"days": ["daily"], "windows": ["06:30-09:00"]}
    ).execute()


def _patrol_sheet(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = next(s for s in book.worksheets if s.title in ("巡逻台账", "Patrols"))
        return [tuple(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()


def test_an_export_from_2020_counts_a_new_route_only_from_its_start(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _route_from(STARTS_ON)
    FrozenClock(monkeypatch, "2026-11-03", "12:00")
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=ExportFilter(first=dt.date(2020, 1, 1), last=dt.date(2026, 11, 3)))
    rows = _patrol_sheet(out)
    days = sorted(str(r[0])[:10] for r in rows)
    assert days == ["2026-11-01", "2026-11-02", "2026-11-03"]  # not years of windows before
    assert all(r[7] == "未巡逻" for r in rows), rows  # each window after the start: missed

    judged = attendance.attendance(dt.date(2020, 1, 1), dt.date(2026, 11, 3))
    assert {r.day.isoformat() for r in judged if r.status in patrols.MISSED_STATUSES} == {
        "2026-11-01", "2026-11-02", "2026-11-03",
    }  # fmt: skip
    assert attendance.patrol_counts(dt.date(2026, 10, 31)) == {}


def test_a_route_is_not_due_before_it_starts(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _route_from(STARTS_ON)
    clock = FrozenClock(monkeypatch, "2026-10-31", "07:00")
    assert due.due_now() == []
    clock.day = STARTS_ON
    clock.set("07:00")
    assert [d.route_id for d in due.due_now()] == [ROUTE_ID]
    assert runs.start_run(ROUTE_ID).day == STARTS_ON


def test_a_run_walked_before_the_start_is_kept_said_and_listed_early(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inspector walks the route the day before it starts: the run is recorded and
    says the route starts later; the supervisor finds it in attendance, the day's counts
    and the ledger as early — neither due nor missed — instead of nowhere."""
    _route_from(STARTS_ON)
    FrozenClock(monkeypatch, "2026-10-31", "07:00")
    run = runs.start_run(ROUTE_ID)
    assert due.run_view(run.id).starts_later == STARTS_ON  # the run screen says so
    runs.record_manual(run.id, point_id("CP-01"), "placard_missing")
    # the three left are not called missed posts (漏岗): not on F10, nor once it is finished
    asked = finish_question(due.run_view(run.id))
    assert asked == t("patrol.run.finish_confirm_early", count=3), asked
    runs.finish_run(run.id)
    view = due.run_view(run.id)
    assert run_status(view).startswith(
        "2026-10-31 时段 06:30-09:00 · 已结束，只能查看 · 未到 3/4 个："
    )
    assert [point_state(line, view) for line in view.lines[1:]] == ["未到"] * 3
    assert due.due_now() == []  # still not due

    FrozenClock(monkeypatch, "2026-11-01", "12:00")
    rows = attendance.attendance(dt.date(2026, 10, 30), dt.date(2026, 11, 1))
    assert [(r.day.isoformat(), r.status, r.done) for r in rows] == [
        ("2026-11-01", patrols.NOT_DONE, 0), ("2026-10-31", patrols.EARLY, 1),
    ]  # fmt: skip
    assert rows[1].missed == ()  # not a missed post: nothing was due
    assert [s.windows for s in attendance.by_assignee(rows)] == [1]
    counts = attendance.patrol_counts(dt.date(2026, 10, 31))
    assert {g: (c.early, c.missed, c.open) for g, c in counts.items()} == {"T01": (1, 0, 0)}

    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=ExportFilter(first=dt.date(2026, 10, 30), last=dt.date(2026, 11, 1)))
    assert sorted((str(r[0])[:10], r[7], r[8]) for r in _patrol_sheet(out)) == [
        ("2026-10-31", "开始前巡逻", 1), ("2026-11-01", "未巡逻", 0),
    ]  # fmt: skip


async def test_a_placard_scanned_before_the_start_starts_a_run_that_says_so(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _route_from(STARTS_ON)
    FrozenClock(monkeypatch, "2026-10-31", "07:00")
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        status = str(app.screen.query_one("#patrol-run-status").render())
        assert f"本路线从 {STARTS_ON} 起计" in status, status
    assert [r.day for r in PatrolRun.select()] == ["2026-10-31"]


def test_judge_starts_at_the_later_of_the_period_and_the_route(home: Path) -> None:
    _route_from(STARTS_ON)
    route = PatrolRoute.get_by_id(ROUTE_ID)
    noon = dt.datetime(2026, 11, 2, 12, 0)
    judged = patrols.judge([route], dt.date(2026, 10, 30), dt.date(2026, 11, 2), {}, {}, noon)
    assert [day.isoformat() for _r, day, _w, _a in judged] == ["2026-11-01", "2026-11-02"]
    assert patrols.judge([route], dt.date(2020, 1, 1), dt.date(2026, 10, 31), {}, {}, noon) == []
    route.starts_on = ""  # not known (a route from an older server): the period alone
    assert len(patrols.judge([route], dt.date(2026, 10, 30), dt.date(2026, 11, 2), {}, {},
                             noon)) == 4  # fmt: skip


def test_a_store_from_before_gives_its_routes_a_start(tmp_path: Path) -> None:
    """Version 20 had no `starts_on`: a route walked here starts on its first run's day
    (the office imported it before), one never walked on the day it was last imported."""
    path = tmp_path / "old.sqlite3"
    open_store(path, migrate=False)
    with db.atomic():
        for step in migrations.MIGRATIONS[:20]:
            step(db)
        db.execute_sql("ALTER TABLE patrol_route DROP COLUMN starts_on")
        db.execute_sql("PRAGMA user_version = 20")
        db.execute_sql("INSERT INTO grid (code, name, level) VALUES ('T01', '示例镇', 'town')")
        for rid, code in (("walked", "R-1"), ("new", "R-2")):
            db.execute_sql(
                "INSERT INTO patrol_route (id, code, name, grid_code, campaign, ordered,"
                " checkpoints, schedule, team, people, active, updated_at) VALUES"
                " (?, ?, '路线', 'T01', '', 0, '[]', '{}', '', '[]', 1, '2026-09-10T02:00:00Z')",
                (rid, code),
            )
        for day in ("2026-08-02", "2026-07-30"):
            db.execute_sql(
                "INSERT INTO patrol_run (id, route_id, person, device_id, day, window,"
                " utc_offset, started_at, note, status) VALUES"
                " (?, 'walked', 'p', 'd', ?, '06:30-09:00', 480, ?, '', 'finished')",
                (f"run-{day}", day, f"{day}T00:00:00Z"),
            )
    close_store()

    open_store(path)
    try:
        assert migrations.current_version(db) == migrations.SCHEMA_VERSION
        starts = {r.id: r.starts_on for r in PatrolRoute.select()}
        assert starts == {"walked": "2026-07-30", "new": "2026-09-10"}
        assert PatrolRun.select().count() == 2
    finally:
        close_store()
