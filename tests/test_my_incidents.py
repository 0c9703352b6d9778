"""An inspector looks up the incidents they reported (F3, 我上报的事件) in the real app on
the demo workspace at 80x24: newest first, each with its state as far as it has got
(handed over to 派出所, closed), not others' incidents; Enter shows one in full, Esc goes
back; the footer and F1 show the keys; a long list pages from the store; and in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import DAYS_AGO, incident_at, incident_day
from pilot_support import open_screen, settle
from test_key_footer import check_footer

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.my_incidents import PAGE, MyIncidentsScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")
SMALL = (80, 24)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def report(description: str, when: str, address: str = "鼎美村村口") -> str:
    made = reporting.IncidentReport("fireworks_sale", when, description, address=address)
    return reporting.report_incident(made).id


def reported_and_worked() -> tuple[str, str]:
    """Two incidents by the inspector, the older handed over to 派出所 by the supervisor,
    and one the supervisor reported; the device acts as the inspector again."""
    older = report(
        "小卖部门口摆摊销售烟花",
        incident_at("09:15", days_ago=DAYS_AGO + 1),
        address="鼎美村小卖部",
    )
    newer = report("有人燃放烟花", incident_at(), address="鼎美村祠堂")
    demo.act_as("supervisor")
    data = {"unit": "police_station", "reference": "鼎综治移〔2026〕7号", "date": incident_day()}
    events.append_event(older, "handed_over", data=data)
    report("网格长自己上报的", incident_at("08:00"), address="镇政府门口")
    demo.act_as("inspector")
    return older, newer


async def test_an_inspector_sees_what_they_reported_and_how_far_it_got(
    demo_home: Path,
) -> None:
    older, newer = reported_and_worked()
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f3", MyIncidentsScreen)
        table = screen.query_one(PagedTable)
        assert [str(table.get_row_at(n)[-1]) for n in range(table.row_count)] == [
            "鼎美村祠堂",
            "鼎美村小卖部",
        ]  # newest first; the supervisor's own report is not mine
        text = shown(app)
        assert "我上报的事件" in text and "已上报" in text and "已移交" in text
        assert "镇政府门口" not in text
        await pilot.press("down")
        await settle(app, pilot)
        assert "派出所" in text or "派出所" in shown(app)  # narrow: in the line below
        assert "⏎ 查看" in text and "esc 返回" in text and "pgdn" not in text  # one page
        await check_footer(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, IncidentRecordScreen)
        record = shown(app)
        assert "小卖部门口摆摊销售烟花" in record and "鼎综治移〔2026〕7号" in record
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and table.selected_key == older
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert newer


async def test_a_long_list_pages_from_the_store(demo_home: Path) -> None:
    for n in range(PAGE + 3):
        at = incident_at(f"{n % 24:02d}:00", days_ago=DAYS_AGO + 2 - n // 24)  # 3 days, in order
        report(f"投诉{n}", at, address=f"村口{n}")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f3", MyIncidentsScreen)
        table = screen.query_one(PagedTable)
        assert table.row_count == PAGE and "第 1/2 页，共 53 起" in shown(app)
        assert "pgdn 下一页" in shown(app)
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert table.row_count == 3 and "第 2/2 页" in shown(app)
        assert str(table.get_row_at(2)[-1]) == "村口0"  # the oldest last
        await pilot.press("pageup")
        await settle(app, pilot)
        assert table.row_count == PAGE and str(table.get_row_at(0)[-1]) == f"村口{PAGE + 2}"


async def test_in_english_and_empty(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", MyIncidentsScreen)
        text = shown(app)
        assert "My incidents" in text and "You have not reported any incident yet" in text
        assert "esc Back" in text
