"""A date typed in the right form whose day or month does not exist (2026-02-30,
2026-13-01) is said as such, in one place for every form and the command line, not as
'not a date, write year-month-day' (which it already is)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pilot_support import a_stall_selling_fireworks, open_screen, settle
from textual.widgets import Input, Static

from fieldapp.cli import main
from fieldapp.domain.typed import no_such_day
from fieldapp.i18n import set_language
from fieldapp.services.incidents.reporting import ReportRefused, parse_time
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.export import ExportScreen


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("zh", "2026-02-30", "2026 年 2 月没有 30 日，请检查日期。"),
        ("zh", "2026/4/31", "2026 年 4 月没有 31 日，请检查日期。"),
        ("zh", "2026-13-01", "没有 13 月：月份是 1 到 12，请检查日期。"),
        ("en", "2026-02-30", "February 2026 has no day 30; check the date."),
        ("en", "2026-13-01", "There is no month 13: months are 1 to 12; check the date."),
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
    # A usage error like a start after the end: exit 2, after "错误：" as every refusal.
    assert result.exit_code == 2
    assert "错误：--from 2026-02-30：2026 年 2 月没有 30 日，请检查日期。" in result.output
    result = CliRunner().invoke(main, ["--lang", "en", "export", "--to", "2026-13-01"])
    assert result.exit_code == 2
    assert "Error: --to 2026-13-01: There is no month 13" in result.output


@pytest.mark.parametrize(
    ("lang", "month", "said"),
    [
        ("zh", "2026-13", "错误：--month 2026-13：没有 13 月：月份是 1 到 12，请检查日期。"),
        ("en", "2026-00", "Error: --month 2026-00: There is no month 0: months are 1 to 12"),
        ("zh", "soon", "错误：月份“soon”看不懂；请写成 2026-12"),
    ],
)
def test_the_monthly_report_says_there_is_no_such_month(tmp_path, monkeypatch, lang, month, said):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    pdf = str(tmp_path / "m.pdf")
    args = ["--lang", lang, "monthly-report", "--month", month, "--pdf", pdf]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2  # as a date option's day that does not exist
    assert said in result.output


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
        assert str(status.render()) == "结束日期：2026 年 2 月没有 30 日，请检查日期。"
        assert not screen.running


async def test_the_incident_form_says_the_day_of_its_time_does_not_exist(
    demo_home: Path,
) -> None:
    """The time field (F4, 发生时间) is a date and a time: a day that does not exist is
    said as such, not as 'cannot read the time, write it as 2026-02-11 06:40'."""
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        a_stall_selling_fireworks(dialog)
        dialog.query_one("#incident-time", Input).value = "2026-02-30 10:00"
        dialog.query_one("#incident-description", Input).value = "路口摆摊卖烟花"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said == "2026 年 2 月没有 30 日，请检查日期。"
        assert app.screen is dialog and not Incident.select().exists()


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("zh", "2026/4/31 08:00", "2026 年 4 月没有 31 日，请检查日期。"),
        ("en", "2026-02-30 10:00", "February 2026 has no day 30; check the date."),
        ("en", "2026-13-01T10:00", "There is no month 13: months are 1 to 12; check the date."),
        # Written right, at an hour or minute that does not exist: said as such, not as
        # "cannot read the time, write it as 2026-02-11 06:40".
        ("en", "2026-02-11 25:00", "There is no hour 25: hours are 0 to 23; check the time."),
        ("zh", "2026-12-06 25:61", "没有 25 时：小时是 0 到 23，请检查时间。"),
        ("zh", "2026-12-06 06:61", "没有 61 分：分钟是 0 到 59，请检查时间。"),
        ("en", "2026-02-11 noon", "Cannot read the time 2026-02-11 noon: write it as"),
    ],
)
def test_an_incident_time_on_no_such_day_is_said_as_such(lang: str, typed: str, said: str):
    set_language(lang)
    with pytest.raises(ReportRefused) as refused:
        parse_time(typed)
    assert str(refused.value).startswith(said)
