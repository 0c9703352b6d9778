"""The office commands' refusals that the server worded in English (no such grid, venue,
checkpoint or person; a web user's name or password; a reader key without a name or grid;
an alert rule's URL) are said in the chosen language: the Chinese CLI printed
"错误：there is no grid NOPE on the server"."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

CASES = [
    (
        ["placards", "--grid", "NOPE"],
        "错误：服务器上没有网格 NOPE：请检查网格编码，或先用 fieldapp admin import-grids 导入",
        "Error: There is no grid NOPE on the server: check the grid code, or import it first",
    ),
    (
        ["placards", "--venue", "NOPE"],
        "错误：服务器上没有场所 NOPE：请检查场所编码",
        "Error: There is no venue NOPE on the server: check the venue code",
    ),
    (
        ["placards", "--checkpoints", "--venue", "NOPE"],
        "错误：服务器上没有巡逻点位 NOPE：请检查点位编码",
        "Error: There is no checkpoint NOPE on the server: check the checkpoint code",
    ),
    (
        ["reader-key", "create", "--name", "市大数据局", "--grid", "NOPE", "--grid", "X9"],
        "错误：服务器上没有网格 NOPE、X9：",
        "Error: There is no grid NOPE, X9 on the server:",
    ),
    (
        ["reader-key", "create", "--name", " ", "--grid", "T1"],
        "错误：请给密钥起一个说明谁使用它的名称，如 --name 市大数据局",
        "Error: Give the key a name that says who uses it, e.g. --name 'City Data Bureau'",
    ),
    (
        ["alerts", "add-rule", "--grid", "NOPE", "--on", "hazard_overdue", "--channel",
         "webhook", "--url", "https://example.org/hook"],
        "错误：服务器上没有网格 NOPE：",
        "Error: There is no grid NOPE on the server:",
    ),
    (
        ["alerts", "add-rule", "--grid", "T1", "--on", "hazard_overdue", "--channel",
         "webhook", "--url", "ftp://example.org"],
        "错误：ftp://example.org 不是网址（http:// 或 https://）：请填写机器人的 Webhook 地址",
        "Error: ftp://example.org is not a web address (http:// or https://): give the robot's",
    ),
    (
        ["web-user", "add", "bob", "--person", "p-nobody", "--password-stdin"],
        "错误：没有编号为 p-nobody 的人员：",
        "Error: There is no person with id p-nobody:",
    ),
    (
        ["web-user", "add", "bob", "--person", "p-insp", "--password-stdin"],
        "错误：密码至少要有 10 个字符",
        "Error: The password must have at least 10 characters",
    ),
]  # fmt: skip


def _name(value: object) -> str:
    return " ".join(value[:3]) if isinstance(value, list) else ""


@pytest.mark.parametrize(("args", "chinese", "english"), CASES, ids=_name)
def test_an_office_refusal_is_said_in_the_chosen_language(
    seed, server_db_url, tmp_path, args, chinese, english
) -> None:
    if args[0] == "placards":
        args = [*args, "--out", str(tmp_path / "p.pdf")]
        assert CliRunner().invoke(main, ["admin", "--db", server_db_url, "init"]).exit_code == 0
    password = "short\n" if "p-insp" in args else "long-enough-password\n"  # web-user add
    for lang, said in (("zh", chinese), ("en", english)):
        result = CliRunner().invoke(
            main, ["--lang", lang, "admin", "--db", server_db_url, *args], input=password
        )
        assert result.exit_code == 1, result.output
        assert said in result.output, result.output


def test_placards_before_there_is_a_key_say_to_run_init(seed, server_db_url, tmp_path) -> None:
    args = [
        "admin",
        "--db",
        server_db_url,
        "placards",
        "--grid",
        "T1",
        "--out",
        str(tmp_path / "p.pdf"),
    ]
    chinese = CliRunner().invoke(main, ["--lang", "zh", *args])
    assert chinese.exit_code == 1
    assert "错误：尚无标牌密钥；运行 `fieldapp admin init`。" in chinese.output
    english = CliRunner().invoke(main, ["--lang", "en", *args])
    assert "Error: No placard key yet; run `fieldapp admin init`." in (english.output)
