"""An export whose start is after its end says what to do (swap them, or make the start
on or before the end), on the export form (ctrl+e) and on the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pilot_support import open_screen
from textual.widgets import Input, Static

from fieldapp.cli import main
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


def test_the_command_line_says_how_to_mend_a_reversed_range(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    out = str(tmp_path / "x.xlsx")
    reversed_range = ["export", "--out", out, "--from", "2026-07-01", "--to", "2026-06-01"]
    result = CliRunner().invoke(main, ["--lang", "en", *reversed_range])
    assert result.exit_code != 0
    assert (
        "The start date 2026-07-01 is after the end date 2026-06-01: swap them, or make the"
        " start on or before the end" in result.output
    )
    assert not Path(out).exists()


async def test_the_export_form_says_how_to_mend_a_reversed_range(demo_supervisor: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-from", Input).value = "2026-07-01"
        screen.query_one("#export-to", Input).value = "2026-06-01"
        await pilot.press("f10")
        await pilot.pause()
        assert str(screen.query_one("#export-status", Static).render()) == (
            "开始日期晚于结束日期：2026-07-01 在 2026-06-01 之后，请对调两者，或把开始日期改为不晚于结束日期。"
        )
        assert not screen.running
