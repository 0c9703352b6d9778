"""A patrol run at 80×24 after its window ended: a checkpoint checked in by hand after the
end read "已到（手动）（迟" (18 cells in a 16-cell column, the ）cut with no mark); seven
seconds after 20:00 the status said "时段已过 1 分钟"; and at 60×20 the status line lost its
end, the checkpoints left ("1/4 个点位"). Now the mark is one short word, the first minute
after the end is "just closed", and the status wraps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, point_id, seed_patrol_store
from pilot_support import settle

from fieldapp.domain import clock
from fieldapp.i18n import set_language, t
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen

DAY = dt.date(2026, 12, 6)


def _walk_past_the_end(monkeypatch: pytest.MonkeyPatch) -> str:
    """CP-01 and CP-02 by hand at 19:59 in the 18:00-20:00 window, CP-03 at 20:00:07."""
    from fieldapp.services.patrols import runs

    def at(hh: int, mm: int, ss: int = 0) -> None:
        moment = dt.datetime.combine(DAY, dt.time(hh, mm, ss)).astimezone()
        monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))

    seed_patrol_store()
    PatrolRoute.update(schedule={"days": ["daily"], "windows": ["18:00-20:00"]}).where(
        PatrolRoute.id == ROUTE_ID
    ).execute()
    at(19, 59)
    run = runs.start_run(ROUTE_ID)
    for code in ("CP-01", "CP-02"):
        runs.record_manual(run.id, point_id(code), "placard_missing")
    at(20, 0, 7)
    runs.record_manual(run.id, point_id("CP-03"), "placard_missing")
    return str(run.id)


def partial_window_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk above finished, and the clock at 20:05: its window over, partly done (CP-04
    not visited), CP-03 reached late."""
    from fieldapp.services.patrols.runs import finish_run

    finish_run(_walk_past_the_end(monkeypatch))
    moment = dt.datetime.combine(DAY, dt.time(20, 5)).astimezone()
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def _screen_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_late_check_in_by_hand_is_marked_whole(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = _walk_past_the_end(monkeypatch)
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await app.push_screen(PatrolRunScreen(run_id))
        await settle(app, pilot, rounds=3)
        lines = _screen_lines(app)
        row = next(line for line in lines if "CP-03" in line)
        assert t("patrol.run.done_manual_late") in row, row
        status = next(line for line in lines if "18:00-20:00" in line)
        # seven seconds after the end: not "1 minute ago"; late, as a check-in now would be
        assert t("patrol.run.just_closed") + t("patrol.run.late_now") in status, status
        assert t("patrol.run.time_over", minutes=1) not in status, status


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_checkpoints_left_stay_in_sight_at_60_columns(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = _walk_past_the_end(monkeypatch)
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot, rounds=2)
        await app.push_screen(PatrolRunScreen(run_id))
        await settle(app, pilot, rounds=3)
        shown = "".join(line.strip() for line in _screen_lines(app))
        left = t("patrol.run.left", left=1, count=4)
        assert left.replace(" ", "") in shown.replace(" ", ""), shown
