"""The dashboard's tables (F6) show their headers whole: the completion table's columns up
to today's report at 120 columns in English ("Today" was cut off) and in Chinese at 80, and
the assessment (考核与专项) its every column at 80 (the last read "空" for 空岗漏岗). A long
grid name gives up width for them, cut with "…"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home, settle
from textual.widgets import TabbedContent

from fieldapp.tui.app import FieldApp, make_app


def header_line(app: FieldApp, table_id: str) -> str:
    """The table's header as drawn: its first line, cut at the table's and screen's edges."""
    table = app.screen.query_one(table_id)
    region = table.region.intersection(app.screen.region)
    strip = app.screen._compositor.render_strips()[region.y]
    return strip.crop(region.x, region.right).text


@pytest.mark.parametrize(
    ("lang", "size", "tab", "table", "headers"),
    [
        ("en", (120, 36), "tab-grids", "#grids-table",
         ["Grid", "Completion", "Done/due", "Reported", "Zero", "Late", "Today"]),
        ("zh", (120, 36), "tab-grids", "#grids-table",
         ["网格", "完成率", "完成/应检", "上报天数", "零报告", "迟报", "今日"]),
        ("zh", (80, 24), "tab-grids", "#grids-table",
         ["网格", "完成率", "完成/应检", "上报天数", "零报告", "迟报", "今日"]),
        ("zh", (80, 24), "tab-assessment", "#assessment-table",
         ["网格", "得分", "完成率", "日报", "逾期", "定期工作", "空岗漏岗", "事件办结"]),
    ],
)  # fmt: skip
async def test_the_dashboard_headers_are_seen_whole(
    demo_supervisor: Path,
    lang: str,
    size: tuple[int, int],
    tab: str,
    table: str,
    headers: list[str],
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        app.screen.query_one(TabbedContent).active = tab
        await settle(app, pilot)
        line = header_line(app, table)
    whole = r"\s+".join(re.escape(header) for header in headers) + r"(\s|$)"
    assert re.search(whole, line), line


@pytest.mark.parametrize(("lang", "title"), [("en", "By village this month (%)"),
                                             ("zh", "各村本月完成率与上报率（%）")])  # fmt: skip
async def test_the_grids_plot_title_is_whole_beside_its_table_at_120_columns(
    demo_supervisor: Path, lang: str, title: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_home(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        app.screen.query_one(TabbedContent).active = "tab-grids"
        await settle(app, pilot)
        label = app.screen.query_one("#grids-plot-title")
        region = label.region
        strips = app.screen._compositor.render_strips()[region.y : region.bottom]
        seen = "".join(strip.crop(region.x, region.right).text for strip in strips)
    assert title in seen, seen
