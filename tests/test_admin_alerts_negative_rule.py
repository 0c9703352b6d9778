"""`fieldapp admin alerts disable -3`: a negative rule number is the value, and the
command's own check says there is no such rule; click read "-3" as an option and said
"错误：没有选项 -3". A mistyped option there is still said as one."""

from __future__ import annotations

from click.testing import CliRunner, Result

from fieldapp.cli import main


def _disable(db: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["--lang", lang, "admin", "--db", db, "alerts", "disable", *args]
    )


def test_a_negative_rule_number_is_said_to_be_no_rule(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0

    chinese = _disable(db, "zh", "-3")
    assert chinese.exit_code == 1, chinese.output
    assert "没有提醒规则 #-3" in chinese.output
    assert "没有选项" not in chinese.output
    english = _disable(db, "en", "-3")
    assert english.exit_code == 1
    assert "There is no alert rule #-3" in english.output


def test_a_mistyped_option_is_still_said_as_one(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    result = _disable(db, "zh", "--nosuch")
    assert result.exit_code == 2
    assert "没有选项 --nosuch" in result.output
