"""`fieldapp admin setting set KEY -5`: a negative value is the value, and the setting's
own check says what is wrong with it; click read "-5" as an option and said "错误：没有选项
-5". A mistyped option there is still said as one."""

from __future__ import annotations

from click.testing import CliRunner, Result

from fieldapp.cli import main


def _setting(db: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db, "setting", "set", *args])


def test_a_negative_value_reaches_the_settings_own_check(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0

    chinese = _setting(db, "zh", "report_reminder_minutes", "-5")
    assert chinese.exit_code == 1
    assert "report_reminder_minutes 应为 0 到 1440 之间的整数分钟" in chinese.output
    assert "没有选项" not in chinese.output
    english = _setting(db, "en", "report_reminder_minutes", "-1.5")
    assert english.exit_code == 1
    assert "report_reminder_minutes must be" in english.output
    assert _setting(db, "zh", "report_reminder_minutes", "30").exit_code == 0


def test_a_mistyped_option_is_still_said_as_one(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    for args in (["cadence_days", "--nosuch"], ["--nosuch", "14"]):
        result = _setting(db, "zh", *args)
        assert result.exit_code == 2
        assert "没有选项 --nosuch" in result.output
