"""`fieldapp admin web-user add` as a script or a careless hand runs it: a name with a
space or an emoji ('wang 😀') was taken and blurred web-user list's columns; without a
terminal, Python's getpass printed "Warning: Password input may be echoed." in English in
the Chinese UI; and when the input ran out it said only 已中止：命令没有完成。, not that
--password-stdin gives the password from a script."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

PASSWORD = "correct horse battery"


def _add(url: str, lang: str, name: str, *more: str, given: str | None = None):  # type: ignore[no-untyped-def]
    admin = ["--lang", lang, "admin", "--db", url, "--actor", "p-sup"]
    return CliRunner().invoke(main, [*admin, "web-user", "add", name, "--person", "p-sup", *more],
                              input=given)  # fmt: skip


@pytest.mark.parametrize("name", ["wang 😀", "wang li", "😀", "li!"])
def test_a_name_outside_the_rule_is_refused_saying_the_rule(seed, server_db_url, name) -> None:
    chinese = _add(server_db_url, "zh", name, "--password-stdin", given=f"{PASSWORD}\n")
    assert chinese.exit_code == 1
    assert chinese.output == (
        f"错误：“{name}”不能用作用户名：用户名须为 1 到 64 个字母（可用汉字）、数字或 . _ -，"
        "以字母或数字开头，不能有空格或表情符号\n"
    )
    english = _add(server_db_url, "en", name, "--password-stdin", given=f"{PASSWORD}\n")
    assert english.output == (
        f"Error: '{name}' cannot be a user name: use 1 to 64 letters (Chinese characters too), "
        "digits or . _ -, starting with a letter or a digit, with no spaces or emoji\n"
    )
    listed = CliRunner().invoke(
        main, ["--lang", "zh", "admin", "--db", server_db_url, "web-user", "list"]
    )
    assert listed.output == "尚无网页用户：用 fieldapp admin web-user add 添加。\n"


def test_names_of_letters_chinese_digits_and_dots_are_taken(seed, server_db_url) -> None:
    for name in ("王芳", "li.wei-2", "zhang_3"):
        made = _add(server_db_url, "zh", name, "--password-stdin", given=f"{PASSWORD}\n")
        assert made.exit_code == 0, made.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_input_that_runs_out_points_to_password_stdin(seed, server_db_url, lang) -> None:
    ended = _add(server_db_url, lang, "li", given="")
    assert ended.exit_code == 1
    said = {
        "zh": "错误：没有读到密码，输入已经结束：在脚本中请加 --password-stdin，把密码作为标准输入的一行给出",
        "en": "Error: No password was read, as the input ended: in a script, add "
        "--password-stdin and give the password as a line on standard input",
    }
    assert ended.output.splitlines()[-1] == said[lang]


def test_without_a_terminal_no_english_getpass_warning(seed, server_db_url) -> None:
    """A real process with no controlling terminal, its input piped, as a script runs it."""
    command = [sys.executable, "-m", "fieldapp", "admin", "--db", server_db_url,
               "web-user", "add", "li", "--person", "p-sup"]  # fmt: skip
    done = subprocess.run(
        command, input=f"{PASSWORD}\n{PASSWORD}\n", capture_output=True, text=True,
        start_new_session=True, timeout=60, env={**os.environ, "PYTHONWARNINGS": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == "密码：\n再输入一次密码：\n网页用户 li 已保存，代表 李四（p-sup）登录\n"
