"""`fieldapp idle-lock -5`: a negative number is the value and the command's own range
check says what to type; click read "-5" as an option and said "错误：没有选项 -5". A
mistyped option is still said as one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.store import close_store


def _idle_lock(home: Path, *args: str) -> Result:
    close_store()  # the command opens the store itself
    return CliRunner().invoke(main, list(args), env={"FIELDAPP_HOME": str(home)})


def test_a_negative_number_reaches_the_range_check(tmp_path: Path) -> None:
    for value in ("-5", "-0.5"):
        result = _idle_lock(tmp_path, "idle-lock", value)
        assert result.exit_code == 1, result.output
        assert "错误：闲置锁定时间须在 1 到 60 分钟之间。" in result.output
        assert "没有选项" not in result.output
    english = _idle_lock(tmp_path, "--lang", "en", "idle-lock", "-5")
    assert "Error: The idle lock is 1 to 60 minutes." in english.output
    assert _idle_lock(tmp_path, "idle-lock", "10").exit_code == 0


def test_a_mistyped_option_is_still_said_as_one(tmp_path: Path) -> None:
    for args in (["--nosuch"], ["--nosuch=3"], ["-x", "5"]):
        result = _idle_lock(tmp_path, "idle-lock", *args)
        assert result.exit_code == 2, (args, result.output)
        assert f"错误：没有选项 {args[0].split('=')[0]}" in result.output
    assert _idle_lock(tmp_path, "idle-lock", "--help").exit_code == 0
