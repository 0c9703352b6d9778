"""The dashboard's tables (F6) show every column with its header whole, at 120 columns and
at 80, in Chinese and English: "Today" was cut off at 120 in English, the assessment's last
header read "空" for 空岗漏岗 at 80, and at 80 the completion table's patrols read "漏巡/漏"
with the incidents out of sight. A long grid name gives up width for them: the name of
the grid it is under, then its end ("第一…"); its indent stays."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home, screen_lines, settle
from test_dashboard_legend_entries_whole import grids_plot_title
from textual.widgets import TabbedContent

from fieldapp.tui.app import FieldApp, make_app


def header_line(app: FieldApp, table_id: str) -> str:
    """The table's header as drawn: its first line, cut at the table's and screen's edges."""
    table = app.screen.query_one(table_id)
    region = table.region.intersection(app.screen.region)
    strip = app.screen._compositor.render_strips()[region.y]
    return strip.crop(region.x, region.right).text


GRIDS_EN = ["Grid", "Rate", "Done/due", "Filed", "Zero", "Late", "Today", "Missed", "Cases"]
GRIDS_ZH = ["网格", "完成率", "完成/应检", "日报", "零报告", "迟报", "今日", "漏巡/应巡", "事件"]
ASSESSMENT_EN = [
    "Grid",
    "Score",
    "Rate",
    "Filed",
    "Overdue",
    "Activities",
    "Missed",
    "Cases",
]
ASSESSMENT_ZH = ["网格", "得分", "完成率", "日报", "逾期", "定期工作", "空岗漏岗", "事件办结"]


@pytest.mark.parametrize(
    ("lang", "size", "tab", "table", "headers"),
    [
        ("en", (120, 36), "tab-grids", "#grids-table", GRIDS_EN),
        ("zh", (120, 36), "tab-grids", "#grids-table", GRIDS_ZH),
        # At 80 columns Chinese lost the patrols' header to "漏巡/漏" and the incidents'
        # column wholly (it scrolled in), English both and the assessment's last two.
        ("zh", (80, 24), "tab-grids", "#grids-table", GRIDS_ZH),
        ("en", (80, 24), "tab-grids", "#grids-table", GRIDS_EN),
        ("zh", (80, 24), "tab-assessment", "#assessment-table", ASSESSMENT_ZH),
        ("en", (80, 24), "tab-assessment", "#assessment-table", ASSESSMENT_EN),
        ("zh", (80, 24), "tab-inspections", "#inspections-table", ["日期", "检查次数"]),
        ("en", (80, 24), "tab-hazards", "#hazards-table", ["Week", "Opened", "Closed"]),
        ("zh", (80, 24), "tab-overdue", "#overdue-table", ["日期", "逾期"]),
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
        shown = "\n".join(screen_lines(app))
    whole = r"\s+".join(re.escape(header) for header in headers) + r"(\s|$)"
    assert re.search(whole, line), line
    if lang == "en" and size == (80, 24):  # sub-grids read "DM-1 第…", "鼎·第一…" alike
        assert NAMES_EN_80.get(table, "") in shown, shown


# Grid names English gives the room at 80 columns, by shorter headers of the figures.
NAMES_EN_80 = {"#grids-table": "第二网格", "#assessment-table": "鼎美村第二网格"}


@pytest.mark.parametrize(("lang", "title"), [("en", "By village this month (%)"),
                                             ("zh", "各村本月完成率与上报率（%）")])  # fmt: skip
async def test_the_grids_plot_title_is_whole_beside_its_table_at_120_columns(
    demo_supervisor: Path, lang: str, title: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        seen = await grids_plot_title(app, pilot)
    assert any(title in line for line in seen), seen
