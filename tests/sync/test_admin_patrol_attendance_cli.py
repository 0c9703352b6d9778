"""`fieldapp admin patrol-attendance` as the office reads it: a header line names the
tab-separated columns (in the chosen language), a reversed range is refused with what to
do (as the export does), and an unknown grid is said as `fieldapp report --grid` says it.
Before, the lines had no header and both mistakes read "no patrol was scheduled"."""

from __future__ import annotations

from click.testing import CliRunner, Result
from patrol_support import import_patrols

from fieldapp.cli import main

KEY_DAY = "2026-02-04"


def _attendance(url: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["--lang", lang, "admin", "--db", url, "patrol-attendance", *args]
    )


def test_the_lines_come_under_a_header_in_either_language(
    seed, server_db_url: str, server_workdir
) -> None:
    import_patrols(server_workdir)
    chinese = _attendance(server_db_url, "zh", "--from", KEY_DAY)
    assert chinese.exit_code == 0, chinese.output
    header, *rows = chinese.output.splitlines()
    assert header.split("\t") == [
        "日期", "时段", "网格", "路线", "考勤", "到点", "漏巡点位", "迟到点位",
    ]  # fmt: skip
    assert rows and all(len(row.split("\t")) == 8 for row in rows)
    assert rows[0].startswith(f"{KEY_DAY}\t")
    english = _attendance(server_db_url, "en", "--from", KEY_DAY, "--grid", "T1")
    assert english.exit_code == 0, english.output
    assert english.output.splitlines()[0].split("\t") == [
        "Day", "Window", "Grid", "Route", "Attendance", "Visited",
        "Missed checkpoints", "Late checkpoints",
    ]  # fmt: skip


def test_a_reversed_range_and_an_unknown_grid_are_refused(seed, server_db_url: str) -> None:
    reversed_range = _attendance(server_db_url, "zh", "--from", "2026-12-06", "--to", "2026-12-01")
    assert reversed_range.exit_code == 2
    assert (
        "开始日期晚于结束日期：2026-12-06 在 2026-12-01 之后，请对调两者" in reversed_range.output
    )
    assert "没有排定的巡逻" not in reversed_range.output
    english = _attendance(server_db_url, "en", "--from", "2026-12-06", "--to", "2026-12-01")
    assert "The start date 2026-12-06 is after the end date 2026-12-01: swap them" in english.output

    unknown = _attendance(server_db_url, "zh", "--from", KEY_DAY, "--grid", "NOPE")
    assert unknown.exit_code == 1
    assert "错误：没有编码为 NOPE 的网格" in unknown.output
    assert "没有排定的巡逻" not in unknown.output
    english = _attendance(server_db_url, "en", "--from", KEY_DAY, "--grid", "NOPE")
    assert "Error: There is no grid with code NOPE" in english.output


def test_windows_are_judged_by_the_office_clock_not_the_servers(
    seed, server_db_url: str, server_workdir, monkeypatch
) -> None:
    """A server on UTC at 12:30 is 20:30 in the office (Asia/Shanghai): today's 18:00-20:00
    window is over, no checkpoint visited; on the server's own clock it was still ahead."""
    import datetime as dt

    from fieldapp.domain import clock

    import_patrols(server_workdir)
    today = dt.date.today()
    moment = dt.datetime.combine(today, dt.time(12, 30), tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "_now", lambda: moment)
    monkeypatch.setenv("FIELDAPP_OFFICE_TZ", "Asia/Shanghai")
    result = _attendance(server_db_url, "en", "--from", today.isoformat())
    assert result.exit_code == 0, result.output
    evening = [row.split("\t") for row in result.output.splitlines() if "18:00" in row]
    assert [row[4] for row in evening] == ["Not patrolled"], result.output
