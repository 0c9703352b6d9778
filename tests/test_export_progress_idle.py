"""The export screen (ctrl+e) shows no progress before an export runs: its bar was an
indeterminate one, animated (━━━╺━━━╸━ --%) as if exporting while the form was still
being filled in. It is hidden, its line kept, until F10 starts an export."""

from __future__ import annotations

from pathlib import Path

from pilot_support import open_screen, screen_lines, settle
from textual.widgets import Input, ProgressBar

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


async def test_the_bar_shows_only_once_an_export_runs(demo_supervisor: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        bar = screen.query_one("#export-progress", ProgressBar)
        assert not bar.visible and bar.total is not None  # not shown, not animating
        assert not any("--%" in line or "━" in line for line in screen_lines(app))
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert screen.written  # exported
        assert bar.visible and bar.percentage == 1.0


async def test_a_refusal_after_an_export_hides_its_finished_bar(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    """After a finished export, a refused F10 (a path that is a folder) still showed the
    old 100% bar beside the refusal, as if the refused export were done."""
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert screen.written and "100%" in "\n".join(screen_lines(app))
        screen.query_one("#export-path", Input).value = str(tmp_path)
        await pilot.press("f10")
        await settle(app, pilot)
        shown = "\n".join(screen_lines(app))
        assert "文件夹" in shown, shown  # the refusal is said…
        assert "100%" not in shown and "━" not in shown  # …and no bar says it is done
