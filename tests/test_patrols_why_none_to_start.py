"""Enter on the patrols' due list (ctrl+g) with nothing to start said 时段开始前半小时起
才能开始 in two cases it was untrue: at 17:58, inside that half hour of the 18:00 window,
for a route that begins tomorrow (its run walked today early, not counted), and to a
person with no route at all (a supervisor, the attendance below being others'). Each
case now says its own reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from patrol_screen_support import ROUTE_ID, placard, seed_patrol_store
from patrol_support import FrozenClock

from fieldapp.i18n import t

DAY = "2026-02-04"


def _why() -> str:
    from fieldapp.tui.views.patrol_row import why_none_to_start
    from fieldapp.tui.views.patrols import load_patrols

    day = dt.date.fromisoformat(DAY)
    return why_none_to_start(load_patrols(day, day))


def test_a_route_beginning_tomorrow_and_no_route_of_mine_say_so(home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.services.patrols import runs
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    windows = {"days": ["daily"], "windows": ["18:00-20:00"]}
    PatrolRoute.update(schedule=windows, starts_on="2026-02-05").execute()
    clock = FrozenClock(monkeypatch, DAY, "17:45")
    early = runs.start_run(ROUTE_ID)  # as a placard scanned starts it: early
    runs.record_scan(early.id, placard("CP-01"), "wedge")
    runs.finish_run(early.id)
    clock.set("17:58")
    begins = t("patrol.due.begins", route=t("app.aside", text="烟花爆竹巡逻", aside="FW-01"),
               day="2026-02-05")  # fmt: skip
    assert _why() == t("patrol.due.not_begun", routes=begins)

    PatrolRoute.update(starts_on="", people=["someone-else"]).execute()
    assert _why() == t("patrol.due.none_assigned")
