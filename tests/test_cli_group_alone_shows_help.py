"""A command group named with no subcommand (`fieldapp admin setting`) shows its help,
as --help does, and ends well: it said "错误：Usage: … Options: --help Show this message…",
the whole help as a refusal after the error prefix, with the usage line twice."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from fieldapp.cli import main


def _groups(group: click.Group, ctx: click.Context, path: list[str]) -> list[list[str]]:
    """Every group under `group` that needs a subcommand (`admin alerts` alone runs, as
    the root alone opens the TUI)."""
    found = [path] if path and not group.invoke_without_command else []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found += _groups(command, ctx, [*path, name])
    return found


GROUPS = _groups(main, click.Context(main), [])
USAGE = {
    "zh": "用法：fieldapp {path} [选项] 命令",
    "en": "Usage: fieldapp {path} [OPTIONS] COMMAND",
}


def test_every_group_is_found() -> None:
    assert ["admin", "setting"] in GROUPS and ["admin", "web-user"] in GROUPS
    assert ["checklist"] in GROUPS and ["admin", "campaign"] in GROUPS


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", GROUPS, ids=" ".join)
def test_a_group_alone_shows_its_help(tmp_path, path: list[str], lang: str) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert runner.invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    args = ["admin", "--db", db, *path[1:]] if path[0] == "admin" else path
    result = runner.invoke(main, ["--lang", lang, *args], prog_name="fieldapp")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(USAGE[lang].format(path=" ".join(path)))
    assert ("命令：" if lang == "zh" else "Commands:") in result.output
    assert "错误" not in result.output and "Error" not in result.output


@pytest.mark.parametrize("path", GROUPS, ids=" ".join)
def test_a_group_alone_needs_no_database(tmp_path, monkeypatch, path: list[str]) -> None:
    """With no --db and no database made yet, the help still shows: `admin` opened the
    database before the group alone was found, and said '…server.sqlite3 没有服务器数据库'."""
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FIELDAPP_SERVER_DB", raising=False)
    result = CliRunner().invoke(main, path, prog_name="fieldapp")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(USAGE["zh"].format(path=" ".join(path)))  # as --help
    assert not (tmp_path / "home" / "server").exists()
