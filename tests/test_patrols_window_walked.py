"""Patrols (ctrl+g) once a window's run is finished, and while one is open, at 80x24.

Enter inside the open window after its run was finished said "no patrol can start: one
starts half an hour before its window", as if the window were still to come: it says
this window's patrol is finished, a sentence ending in a full stop in both languages,
and how many checkpoints were missed (it said 已经完成 beside 部分完成（漏岗）). The
missed-checkpoint column held one "code name" of two missed ("CP-02 烟花爆竹销售点"):
it says how many and their codes. The due list cut the route's code ("春节烟花爆竹巡逻
（DM-FW…  · 进行中"): the name is cut, the code and the in-progress mark are said whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, enter_on_due_routes, placard, seed_patrol_store
from pilot_support import open_screen, settle
from textual.widgets import DataTable

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen


def _walk_two_of_four() -> None:
    from fieldapp.services.patrols import runs

    run = runs.start_run(ROUTE_ID)
    for code in ("CP-01", "CP-03"):
        runs.record_scan(run.id, placard(code), "wedge")
    runs.finish_run(run.id)  # CP-02 and CP-04 missed; the window is open all day


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_enter_after_the_windows_run_was_finished_says_it_is_done(
    home: Path, lang: str
) -> None:
    seed_patrol_store()
    _walk_two_of_four()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, notes = await enter_on_due_routes(app, pilot)
        said = notes[-1]
        routes = f"{t('app.aside', text='烟花爆竹巡逻', aside='FW-01')} 00:00-23:59"
        # finished with two missed, as the attendance's 部分完成（漏岗） says: not 已经完成
        routes += t("patrol.due.walked_missed", count=2)
        assert said == t("patrol.due.walked", routes=routes), said
        assert ("部分完成，漏岗 2 个" if lang == "zh" else "2 checkpoints missed") in said
        assert said.endswith("。" if lang == "zh" else "."), said
        assert t("patrol.due.none_to_start") not in said
        table = screen.query_one("#patrols-attendance", DataTable)
        missed = str(table.get_row_at(0)[4])
        assert missed == t("patrol.attendance.missed_codes", count=2, codes="CP-02 CP-04")
        assert table.columns["missed"].width >= len(missed)  # type: ignore[index]


async def test_the_due_route_keeps_its_code_whole_before_the_in_progress_mark(
    home: Path,
) -> None:
    from fieldapp.services.patrols import runs
    from fieldapp.store.patrol_models import PatrolRoute

    seed_patrol_store()
    PatrolRoute.update(name="春节烟花爆竹巡逻", code="DM-FW").execute()
    runs.start_run(ROUTE_ID)  # open: the row is marked in progress
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        cell = str(screen.query_one("#patrols-due", DataTable).get_row_at(0)[0])
        assert cell.endswith("（DM-FW）" + t("patrol.due.resume")), cell
        assert cell.startswith("春节烟花爆竹"), cell
        # The attendance at 80 columns: its route and assignee were past the edge, behind a
        # sideways scrollbar; the row under the cursor says them on the line under it.
        await pilot.press("tab")
        await settle(app, pilot)
        table = screen.query_one("#patrols-attendance", DataTable)
        assert table.has_focus and table.row_count and table.max_scroll_x == 0
        assert screen.data is not None
        line = screen.query_one("#patrols-row")
        shown = [line.render_line(y).text.rstrip() for y in range(line.size.height)]
        said = t("patrol.attendance.row", route="春节烟花爆竹巡逻（DM-FW）",
                 assignee=screen.data.rows[0].assignee)  # fmt: skip
        assert "".join(shown) == said, shown
