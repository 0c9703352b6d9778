"""Grid levels are the office's data: a fourth level (楼栋 under 网格) imported on the
server reaches a supervisor's device, and every screen that lays grids out by level shows
it one step further in, under its own area — not flush left as an unknown level; the
office may give it scheduled activities of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import pin_the_synced_key
from pilot_support import settle
from sync_world import sync_as_the_app
from textual.widgets import Select

from fieldapp.cli import main
from fieldapp.domain.clock import today
from fieldapp.i18n import set_language
from fieldapp.services.activities.due import due_activities
from fieldapp.services.common.grid_tree import grid_tree
from fieldapp.services.daily_report.status import report_status
from fieldapp.services.rounds import completion
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.review_filters import ReviewFiltersDialog
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")

LEVELS = "code,zh,en,depth,report_deadline\nbuilding,楼栋,Building,4,17:30\n"
GRIDS = "code,name,level,parent\nB1,鼎美村一组1号楼,building,A1\nB2,鼎美村一组2号楼,building,A1\n"


def _admin(url: str, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", url, *args])
    assert (result.exit_code == 0) is ok, result.output
    set_language("zh")
    return result.output


def _checks(levels: str) -> str:
    """The office's activity types: a fire-door check held by each grid at `levels`."""
    return (
        '[{"code": "door_check", "zh": "楼栋防火门检查", "en": "Fire-door check", '
        f'"cadence": {{"every": "month"}}, "levels": {levels}}}]'
    )


def _four_levels(url: str, workdir: Path) -> None:
    (workdir / "levels4.csv").write_text(LEVELS, encoding="utf-8")
    (workdir / "grids4.csv").write_text(GRIDS, encoding="utf-8")
    _admin(url, "import-levels", str(workdir / "levels4.csv"))
    _admin(url, "import-grids", str(workdir / "grids4.csv"))
    refused = _admin(url, "setting", "set", "activity_types", _checks('["floor"]'), ok=False)
    assert "activity_types[1].levels: 'floor' is not a grid level" in refused
    _admin(url, "setting", "set", "activity_types", _checks('["building"]'))


async def test_a_fourth_level_is_laid_out_under_its_area(
    live_server, seed, make_device, server_workdir: Path
):
    _four_levels(live_server.db_url, server_workdir)
    supervisor = make_device("supervisor").enroll("p-sup")
    sync_as_the_app(supervisor)

    tree = [(n.code, n.depth) for n in grid_tree(["T1"])]
    assert tree == [("T1", 0), ("V1", 1), ("A1", 2), ("B1", 3), ("B2", 3), ("V2", 1)]
    report_lines = {s.code: s for s in report_status()}
    assert (
        report_lines["B1"].depth == 3 and report_lines["B1"].deadline.strftime("%H:%M") == "17:30"
    )
    day = today()
    done = {c.code: c for c in completion(day, day)}
    assert done["B2"].depth == 3 and done["B2"].parent == "A1"
    due = sorted((d.kind.code, d.grid_code) for d in due_activities(day))
    assert due == [("door_check", "B1"), ("door_check", "B2")]  # held by each 楼栋

    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("g")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ReviewFiltersDialog)
        options = [str(label) for label, _ in dialog.query_one("#filter-grid", Select)._options]
        shown = [o for o in options if "鼎美" in o or "芸美" in o]
        assert shown == [
            "鼎美镇",
            "　鼎美村",
            "　　鼎美村一组",
            "　　　鼎美村一组1号楼",  # the 楼栋, one step in from its area
            "　　　鼎美村一组2号楼",
            "　芸美村",
        ]


def test_a_level_goes_only_under_a_level_above_it(tmp_path: Path) -> None:
    """A village under a village, and a building under a village under a building, were
    taken; so was V1 made an area while its area A1 stayed under it. A grid moved under
    another parent was listed, but not the open hazards that went with it to other
    supervisors: the list says how many, in both languages."""
    import sqlite3

    def admin(*args: str, lang: str = "zh") -> str:
        db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db, *args]).output

    def sheet(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return str(tmp_path / name)

    admin("init")
    admin("import-levels", sheet("levels.csv", "code,zh,en,depth\nbuilding,楼栋,Building,4\n"))
    tree = "code,name,level,parent\nT1,东山镇,town,\nV1,东村,village,T1\nA1,一片,area,V1\n"
    assert "已导入" in admin("import-grids", sheet("g.csv", tree))
    bad = "code,name,level,parent\nV2,西村,village,V1\nB1,一栋,building,T1\nV3,南村,village,B1\n"
    said = admin("import-grids", sheet("bad.csv", bad))
    assert "第 2 行 level 列：村（社区）网格不能放在村（社区）网格 V1 之下" in said
    assert "第 4 行 level 列：村（社区）网格不能放在楼栋 B1 之下" in said
    assert "第 3 行" not in said  # a building may go under a town
    relevel = admin("import-grids", sheet("v1.csv", "code,name,level,parent\nV1,东村,area,T1\n"))
    assert (
        "第 2 行 level 列：改成这个层级后，服务器上它下面的网格 A1（片区网格）就不比它低了"
        in relevel
    )
    with sqlite3.connect(tmp_path / "server.sqlite3") as held:
        grids = held.execute("SELECT code, level FROM grid ORDER BY code").fetchall()
    assert grids == [("A1", "area"), ("T1", "town"), ("V1", "village")]  # nothing imported
    assert "已导入" in admin(
        "import-venues", sheet("v.csv", "code,name,kind,grid\nD1,好店,小旅馆,A1\n")
    )
    with sqlite3.connect(tmp_path / "server.sqlite3") as held:  # two open hazards, one closed
        for n, state in enumerate(("open", "reported", "closed")):
            held.execute(
                "INSERT INTO finding (id, venue_id, item_code, severity, description, deadline,"
                " photos, created_at, created_by, state, conflict) SELECT ?, id, 'COM-01',"
                " 'general', '', '2026-12-31', '[]', '2026-12-01', 'p1', ?, 0 FROM venue",
                (f"f{n}", state),
            )
    # V1,东村,town, (an empty parent cell) made the village a town: now said, to be checked
    moved = admin("import-grids", sheet("m.csv", "code,name,level,parent\nV1,东村,town,\n"))
    assert moved.splitlines()[1:] == [
        "以下服务器原有的网格换了上级或层级，请核对；不对的，请改正文件后再导入。",
        "  V1 东村：上级 T1 → 无（顶层），层级 村（社区）网格 → 镇网格。",
        "    其下未销号的隐患 2 条随之移动。",  # in its area A1's venue
    ]
    back = admin("import-grids", sheet("t.csv", tree), lang="en").splitlines()[1:]
    assert back[1:] == [
        "  V1 东村: parent none (top level) → T1, level Town grid → Village grid.",
        "    2 open hazards (not yet closed) under it move with it.",
    ], back
    assert admin("import-grids", sheet("t.csv", tree)).splitlines()[1:] == []  # as held
