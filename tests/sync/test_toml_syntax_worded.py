"""A TOML syntax error in a checklist or campaign file is said in the chosen language:
publish-checklist quoted tomllib's English inside the Chinese message (TOML 语法错误，在第
10 列（Illegal character '\\n'）). The line and column stay; what is wrong is said in plain
words where tomllib tells it apart, otherwise the general advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

UNCLOSED = '[checklist]\nid = "x"\ntitle = "消防检查\nversion = 1\n'


def _run(*args: str, lang: str):
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.mark.parametrize(
    ("text", "chinese", "english"),
    [
        (UNCLOSED,
         "bad.toml 第 3 行：TOML 语法错误，在第 14 列：引号没有闭合：请在文字末尾补上引号",
         "bad.toml:3: TOML syntax error at column 14: a quote is not closed: close the text"),
        ('[checklist]\nid = x\n',
         "bad.toml 第 2 行：TOML 语法错误，在第 6 列：“=”后面的值写法不对：文字要用引号括起来",
         "bad.toml:2: TOML syntax error at column 6: the value after '=' is not written right"),
        ('[checklist]\nid = "x"\nid = "y"\n',
         "bad.toml 第 3 行：TOML 语法错误，在第 9 列：同一个键或表写了两次",
         "bad.toml:3: TOML syntax error at column 9: the same key or table is written twice"),
        ('title = "a\\q"\n',
         "bad.toml 第 1 行：TOML 语法错误，在第 13 列：文字中的反斜杠“\\”写法不对",
         "bad.toml:1: TOML syntax error at column 13: a backslash in the text is not written"),
    ],
)  # fmt: skip
def test_publish_checklist_says_a_syntax_error_in_the_chosen_language(
    tmp_path: Path, text: str, chinese: str, english: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    db = ["admin", "--db", f"sqlite:///{tmp_path / 'server.sqlite3'}"]
    assert _run(*db, "init", lang="zh").exit_code == 0
    said = _run(*db, "publish-checklist", str(bad), lang="zh")
    assert said.exit_code == 1
    assert f"错误：{chinese}" in said.output
    assert "(at line" not in said.output and "Illegal" not in said.output
    assert english in _run(*db, "publish-checklist", str(bad), lang="en").output


def test_a_campaign_file_and_checklist_validate_say_it_too(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(UNCLOSED, "utf-8")
    db = ["admin", "--db", f"sqlite:///{tmp_path / 'server.sqlite3'}"]
    assert _run(*db, "init", lang="zh").exit_code == 0
    campaign = _run(*db, "campaign", "publish", str(bad), lang="zh").output
    assert "TOML 语法错误，在第 14 列：引号没有闭合" in campaign
    assert "Illegal character" not in campaign
    validate = _run("checklist", "validate", str(bad), lang="zh").output
    assert "TOML 语法错误，在第 14 列：引号没有闭合" in validate
