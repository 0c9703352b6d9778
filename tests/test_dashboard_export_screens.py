"""The dashboard (F6) and the export screen (ctrl+e) against the real app on the demo
workspace."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pilot_support import SIZE, at_home, open_screen, settle
from textual.widgets import DataTable, Input, ProgressBar, Select, Static, TabbedContent
from textual_plotext import PlotextPlot

from fieldapp.services.demo.workspace import act_as
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.dashboard import DashboardScreen
from fieldapp.tui.screens.export import ExportScreen
from fieldapp.tui.widgets.grid_bars import GridBars

pytestmark = pytest.mark.usefixtures("chinese")


async def test_dashboard_shows_plots_beside_their_tables(
    frozen_clock: object, demo_home: Path
) -> None:
    act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        assert screen.data is not None
        data = screen.data
        assert len(data.per_day) == 30 and len(data.per_week) == 12
        assert sum(d.count for d in data.per_day) > 0
        assert sum(w.opened for w in data.per_week) > 0
        assert any(d.count for d in data.overdue)
        assert len(screen.query(PlotextPlot)) == 3 and len(screen.query(GridBars)) == 1
        tabs = screen.query_one(TabbedContent)
        for name, rows in (
            ("inspections", 30),
            ("hazards", 12),
            ("overdue", 30),
            ("grids", len(data.grids)),
        ):
            tabs.active = f"tab-{name}"
            await settle(app, pilot, rounds=2)
            assert screen.query_one(f"#{name}-table", DataTable).row_count == rows
            plot = screen.query_one(f"#{name}-plot", GridBars if name == "grids" else PlotextPlot)
            assert plot.size.width > 20 and plot.size.height > 5
            drawn = plot.render()  # draws without error
            assert drawn
            if name != "grids":  # counts: whole numbers on the axis, not 0.17, 0.33 …
                labels = [line.split("┤")[0].strip() for line in str(drawn).splitlines()
                          if "┤" in line]  # fmt: skip
                assert labels and all(label.isdigit() for label in labels), labels
        grids = screen.query_one("#grids-table", DataTable)
        assert "示例镇" in str(grids.get_row_at(0)[0])


async def test_dashboard_is_for_supervisors(frozen_clock: object, demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        assert not isinstance(app.screen, DashboardScreen)
        # Opened some other way, the screen itself says who it is for and closes.
        app.push_screen(DashboardScreen())
        await settle(app, pilot, rounds=2)
        assert not isinstance(app.screen, DashboardScreen)
        assert any("看板仅供网格长使用" in n.message for n in app._notifications)


async def test_export_writes_an_xlsx_with_item_columns(
    frozen_clock: object, demo_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        assert screen.query_one("#export-from", Input).value == "2026-06-01"
        assert screen.query_one("#export-to", Input).value == "2026-06-10"
        path_text = screen.query_one("#export-path", Input).value
        assert path_text.startswith(str(demo_home / "exports")) and path_text.endswith(".xlsx")
        # The whole demo history: from the first of last month.
        screen.query_one("#export-from", Input).value = "2026-04-01"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        bar = screen.query_one("#export-progress", ProgressBar)
        assert bar.total and bar.progress == bar.total and bar.percentage == 1.0
        assert screen.written == (Path(path_text),)
        assert "已导出" in str(screen.query_one("#export-status", Static).render())
    book = openpyxl.load_workbook(path_text, read_only=True)
    sheet = book.worksheets[0]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "场所编号" in header
    assert any(str(h).startswith("COM-01") for h in header), header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == Inspection.select().where(Inspection.status == "submitted").count()


async def test_export_to_a_folder_that_cannot_be_written(
    frozen_clock: object, demo_home: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-format", Select).value = "csv"
        await settle(app, pilot, rounds=2)
        assert screen.query_one("#export-path", Input).value.endswith(".csv")
        screen.query_one("#export-path", Input).value = str(blocked / "ledger.csv")
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        status = str(screen.query_one("#export-status", Static).render())
        assert "无法写入" in status and "换一个文件夹" in status, status
        assert not screen.running
        # A bad date is refused before anything runs.
        screen.query_one("#export-from", Input).value = "2026-13-01"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "没有 13 月" in str(screen.query_one("#export-status", Static).render())


async def test_the_assessment_tab_and_the_monthly_report(
    frozen_clock: object, demo_home: Path
) -> None:
    """The month's score per grid beside its rates, and `m` writes the month as XLSX and
    PDF whose score agrees with the screen."""
    act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        assert screen.data is not None
        screen.query_one(TabbedContent).active = "tab-assessment"
        await settle(app, pilot)
        table = screen.query_one("#assessment-table", DataTable)
        report = screen.data.assessment.report
        assert table.row_count == len(report.rows) and report.rows[0].code == "T01"
        town = [str(c) for c in table.get_row_at(0)]
        assert town[0] == "示例镇" and town[1] == f"{report.rows[0].score:g}"
        await pilot.press("m")
        await settle(app, pilot, rounds=2)
        book = next((demo_home / "exports").glob("月报-T01-*.xlsx"))
        assert book.with_suffix(".pdf").exists()
        rows = list(openpyxl.load_workbook(book)["月报"].iter_rows(values_only=True))
        header, first = rows[2], rows[3]
        assert first[1] == "T01" and first[header.index("考核得分")] == report.rows[0].score
        assert any("月报已导出" in n.message for n in app._notifications)


async def test_the_monthly_report_made_again_keeps_the_first(
    frozen_clock: object, demo_home: Path
) -> None:
    """F6 `m` twice overwrote 月报-T01-<month>.xlsx and .pdf without a word: the second
    pair is -2, as an export's file, and the notice names it."""
    act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f6", DashboardScreen)
        screen.query_one(TabbedContent).active = "tab-assessment"
        await settle(app, pilot)
        for _ in range(2):
            await pilot.press("m")
            await settle(app, pilot, rounds=2)
        said = [n.message for n in app._notifications if "月报已导出" in n.message]
    books = sorted(p.name for p in (demo_home / "exports").glob("月报-T01-*"))
    stem = min(books, key=len).removesuffix(".pdf")
    assert books == [f"{stem}-2.pdf", f"{stem}-2.xlsx", f"{stem}.pdf", f"{stem}.xlsx"]
    assert f"{stem}-2.xlsx" in said[-1] and f"{stem}-2.pdf" in said[-1], said
