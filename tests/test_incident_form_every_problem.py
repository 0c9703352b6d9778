"""The incident form (F4) says every problem at once, in the form's order, as the people
dialog does; it said one at a time (grid, then address, then description). The cursor
goes to the first problem's field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, screen_lines, settle
from textual.widgets import Input, Select, Static

from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog

pytestmark = pytest.mark.usefixtures("chinese")


async def test_every_problem_is_said_at_once_in_form_order(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        dialog.query_one("#incident-time", Input).value = "明天"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said.splitlines() == [
            "请选择事件类别。",
            "请填写事件地点（地址）；从检查、巡逻或查找场所（光标所在场所）中上报时会带出场所。",
            "请选择事件所在的网格：您负责不止一个网格。",
            "时间 明天 无法识别：请按 2026-02-11 06:40 的格式填写。",
            "请简要描述发生了什么。",
        ]
        assert app.focused is dialog.query_one("#incident-category", Select)
        shown = "\n".join(screen_lines(app))
        assert "请选择事件类别。" in shown and "请简要描述发生了什么。" in shown, shown
        # Broken after "；", not after the "、" of a list ("从检查、" / "巡逻或…"), which
        # left the line half empty.
        lines = [line.strip(" █") for line in screen_lines(app)]
        assert "请填写事件地点（地址）；" in lines, shown
        assert "从检查、巡逻或查找场所（光标所在场所）中上报时会带出场所。" in lines, shown
        # Mended up to the grid: the rest still said together, the cursor on the grid.
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        dialog.query_one("#incident-address", Input).value = "村口"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said.splitlines()[0] == "请选择事件所在的网格：您负责不止一个网格。"
        assert said.splitlines()[-1] == "请简要描述发生了什么。"
        assert app.focused is dialog.query_one("#incident-grid", Select)
    assert Incident.select().count() == 0
