"""Functional: a checklist with conditions, walked by keyboard in the real app — an answer
hides a section, hidden items are not asked, not counted and not failures, and an answer
given before it was hidden stays in the record, marked hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import (
    VENUE_ID,
    inspect_screen,
    open_inspection,
    seed_store,
    settle,
    switch_on_campaign,
)
from textual.widgets import Static

from fieldapp.services.common import settings
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Answer, Finding, Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.summary import SummaryScreen

SIZE = (120, 36)
pytestmark = pytest.mark.usefixtures("chinese")  # English in one test: not after it

GAS_FORM = """\
id = "small_restaurant"
version = 90
kinds = ["small_restaurant"]
title_zh = "小餐饮巡查表（条件）"
title_en = "Small restaurant checklist (conditional)"

[params]
min_extinguishers = 2

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量"
en = "Extinguishers (count)"
answer = "number"
severity = "general"
rectification_days = 3
fail_if = "value < param.min_extinguishers"

[[sections.items]]
code = "COM-17"
zh = "燃气类型"
en = "Gas in use"
answer = "choice"
severity = "none"
options = [{ value = "无" }, { value = "管道气" }, { value = "瓶装气" }]

[[sections]]
code = "CAT"
zh = "燃气检查"
en = "Gas checks"
show_if = 'COM-17 != "无"'

[[sections.items]]
code = "CAT-01"
zh = "可燃气体报警器"
en = "Gas-leak alarm"
answer = "choice"
severity = "general"
rectification_days = 7
options = [
  { value = "已安装且有效", outcome = "pass" },
  { value = "未安装", outcome = "major" },
  { value = "已安装但损坏", outcome = "general" },
]

[[sections.items]]
code = "CAT-03"
zh = "地下、半地下场所未使用瓶装液化气"
en = "No bottled LPG below ground"
answer = "yesno"
severity = "major"
rectification_days = 0
show_if = 'COM-17 == "瓶装气"'
"""


def _text(screen: InspectScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


def _load_form(folder: Path) -> None:
    folder.mkdir()
    (folder / "small_restaurant.toml").write_text(GAS_FORM, encoding="utf-8")
    clear_cache()
    report = load_checklists(folder)
    assert report.ok, report.messages()


async def test_an_answer_hides_a_section_and_its_answers_stay_marked_hidden(
    home: Path, tmp_path: Path
) -> None:
    seed_store()
    _load_form(tmp_path / "forms")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await inspect_screen(app, pilot)
        inspection_id = screen.inspection_id
        assert _text(screen, "inspect-progress") == "第1节 · 1/4 · 已答 0"

        await pilot.press("1", "enter")  # one extinguisher: below the office's 2
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("f10")
        assert screen.item.code == "COM-17"
        assert "1=无 2=管道气 3=瓶装气" in _text(screen, "item-hint")
        await pilot.press("2", "enter")  # piped gas: the gas section stays, CAT-03 goes
        assert screen.item.code == "CAT-01"
        assert _text(screen, "inspect-progress") == "第2节 · 3/3 · 已答 2"
        assert "2=未安装（重大）" in _text(screen, "item-hint")
        await pilot.press("2", "enter")  # not installed: a major hazard
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("f10")
        assert Finding.get(item_code="CAT-01").severity == "major"

        await pilot.press("tab", "left")  # leave the field, back one item
        assert screen.item.code == "COM-17"
        # no gas after all: the section goes (ctrl+k is the app's campaigns key, not delete)
        await pilot.press("home", "shift+end", "1", "enter")
        assert _text(screen, "inspect-progress") == "第1节 · 2/2 · 已答 2"

        await pilot.press("f10")  # the field has focus: F10 finishes
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.total == 2
        assert summary.summary.failures == {"general": 1, "major": 0}
        await pilot.press(*"王老板", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    inspection = Inspection.get_by_id(inspection_id)
    assert inspection.status == "submitted"
    assert inspection.summary["hidden"] == ["CAT-01"]
    answers = {a.item_code: (a.outcome, a.value) for a in Answer.select()}
    assert answers == {
        "COM-01": ("fail", "1"),
        "COM-17": ("value", "无"),
        "CAT-01": ("fail", "未安装"),  # kept in the record, not a hazard
    }
    assert [f.item_code for f in Finding.select()] == ["COM-01"]


async def test_the_offices_threshold_overrides_the_checklists(home: Path, tmp_path: Path) -> None:
    seed_store()
    _load_form(tmp_path / "forms")
    settings.put("checklist_params", {"min_extinguishers": 1})
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_inspection(app, pilot)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        await pilot.press("1", "enter")  # one is enough in this town
        assert app.screen is screen
        assert screen.item.code == "COM-17"


def _asked(phase: str | None) -> list[str]:
    if phase is not None:
        switch_on_campaign("epidemic", phase)
    return list(inspections.load(inspections.start_inspection(VENUE_ID)).state.visible)


def test_a_small_restaurant_outside_any_campaign_asks_no_epidemic_item(home: Path) -> None:
    seed_store()
    assert "CAT-07" not in _asked(None)
    assert "CAT-07" not in _asked("无病例")  # on, but dine-in is closed only once there are cases
    assert _asked("有病例")[-1] == "CAT-07"


async def test_home_and_inspection_say_which_campaign_is_on(home: Path) -> None:
    seed_store()
    switch_on_campaign("epidemic", "有病例")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert str(app.screen.query_one("#home-campaigns", Static).render()) == (
            "专项行动：疫情防控（有病例）"
        )
        await open_inspection(app, pilot)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        assert _text(screen, "inspect-checklist").endswith("专项：疫情防控（有病例）")
