"""Click's own usage errors — an option that does not exist, a missing argument, a value
not among the choices, a word where a number goes — are said in the chosen language
(Chinese by default), with the option names and the --help hint kept. Click wrote them in
English whatever --lang said ("Error: No such option: --nosuch")."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese_after():
    yield
    set_language("zh")


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="fieldapp")


def _server(tmp_path) -> str:
    db = str(tmp_path / "server.sqlite3")
    assert _run("admin", "--db", db, "init").exit_code == 0
    return db


def test_an_unknown_option_and_a_missing_argument_are_said_in_chinese_by_default(tmp_path):
    db = _server(tmp_path)
    result = _run("admin", "--db", db, "import-venues", "--nosuch", "venues.csv")
    assert result.exit_code == 2
    assert "用法：fieldapp admin import-venues [选项] FILE" in result.output
    assert "运行 fieldapp admin import-venues --help 查看说明。" in result.output
    assert "错误：没有选项 --nosuch" in result.output
    assert "No such option" not in result.output

    result = _run("admin", "--db", db, "import-venues")
    assert result.exit_code == 2
    assert "错误：缺少参数 FILE：请写上" in result.output
    assert "Missing argument" not in result.output


def test_the_same_mistakes_are_said_in_english_with_lang_en(tmp_path):
    db = _server(tmp_path)
    result = _run("--lang", "en", "admin", "--db", db, "import-venues", "--nosuch", "v.csv")
    assert result.exit_code == 2
    assert "Try 'fieldapp admin import-venues --help' for help." in result.output
    assert "Error: No such option --nosuch" in result.output
    result = _run("--lang", "en", "admin", "--db", db, "import-venues")
    assert "Error: Missing argument FILE: give it" in result.output


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["demo", "--as", "mayor"],
            "错误：--as 不能是 mayor：请从 inspector / supervisor 中选一个",
            "Error: --as cannot be mayor: choose one of inspector / supervisor",
        ),
        (
            ["demo", "--seed", "seven"],
            "错误：--seed 要写整数，seven 不是整数",
            "Error: --seed takes a whole number; seven is not one",
        ),
        (
            ["demo", "--venues", "0"],
            "错误：--venues 的 0 超出范围（至少 1）",
            "Error: --venues 0 is out of range (≥ 1)",
        ),
        (["nosuch"], "错误：没有命令 nosuch", "Error: No such command nosuch"),
        (["--nosuch"], "错误：没有选项 --nosuch", "Error: No such option --nosuch"),
    ],
)
def test_a_bad_choice_a_bad_number_and_an_unknown_command_read_in_the_language(args, zh, en):
    result = _run(*args)
    assert result.exit_code == 2
    assert zh in result.output, result.output
    assert "Invalid value" not in result.output
    result = _run("--lang", "en", *args)
    assert result.exit_code == 2
    assert en in result.output, result.output
    assert "Try 'fieldapp" in result.output


def test_a_commands_own_lang_words_its_usage_errors():
    """`fieldapp demo --lang en --venues x` was refused in Chinese: usage errors followed
    the root's --lang only, while demo's own --lang already chose its --help's language."""
    result = _run("demo", "--lang", "en", "--venues", "x")
    assert result.exit_code == 2
    assert "Usage: fieldapp demo [OPTIONS]" in result.output
    assert "Error: --venues takes a whole number; x is not one" in result.output
    assert "错误" not in result.output

    assert (
        "Error: --venues takes a whole number"
        in _run("demo", "--venues", "x", "--lang", "en").output
    )

    result = _run("--lang", "en", "demo", "--lang", "zh", "--venues", "x")
    assert result.exit_code == 2
    assert "用法：fieldapp demo [选项]" in result.output
    assert "错误：--venues 要写整数，x 不是整数" in result.output and "Error:" not in result.output
