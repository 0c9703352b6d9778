"""A date typed in the right form whose day or month does not exist (2026-02-30,
2026-13-01) is said as such, in one place for every form and the command line, not as
'not a date, write year-month-day' (which it already is)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pilot_support import open_screen
from textual.widgets import Input, Static

from fieldapp.cli import main
from fieldapp.domain.typed import no_such_day
from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("zh", "2026-02-30", "2026 年 2 月没有 30 日，请检查日期"),
        ("zh", "2026/4/31", "2026 年 4 月没有 31 日，请检查日期"),
        ("zh", "2026-13-01", "没有 13 月：月份是 1 到 12，请检查日期"),
        ("en", "2026-02-30", "February 2026 has no day 30; check the date"),
        ("en", "2026-13-01", "There is no month 13: months are 1 to 12; check the date"),
        ("zh", "2024-02-29", None),  # a leap day is a day
        ("zh", "2026-0230", None),  # not in the form: the form's own sentence says how
        ("zh", "soon", None),
    ],
)
def test_a_day_that_does_not_exist_is_said_as_such(lang: str, typed: str, said: str | None):
    set_language(lang)
    try:
        assert no_such_day(typed) == said
    finally:
        set_language("zh")


def test_the_command_line_says_the_day_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    out = str(tmp_path / "x.xlsx")
    result = CliRunner().invoke(main, ["export", "--from", "2026-02-30", "--out", out])
    assert result.exit_code == 1
    assert "--from 2026-02-30：2026 年 2 月没有 30 日，请检查日期" in result.output
    result = CliRunner().invoke(main, ["--lang", "en", "export", "--to", "2026-13-01"])
    assert result.exit_code == 1
    assert "--to 2026-13-01: There is no month 13" in result.output


async def test_the_export_form_says_the_day_does_not_exist(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        status = screen.query_one("#export-status", Static)
        screen.query_one("#export-to", Input).value = "2026-02-30"
        await pilot.press("f10")
        await pilot.pause()
        assert str(status.render()) == "2026 年 2 月没有 30 日，请检查日期"
        assert not screen.running
