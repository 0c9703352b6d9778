"""The command line in its own language from the first command: a subcommand's --help
works before `admin init` (the `admin` group opened the server database first and said
there was none), and a mistyped date or a folder given as a file is said in the chosen
language like every other mistake, not in click's English ("Invalid value for '--from'",
"File '/tmp' is a directory.")."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main


def _run(*args: str, lang: str = "zh") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.mark.parametrize(
    "command",
    [["import-kinds"], ["checklist", "export"], ["setting", "set"], ["web-user", "add"]],
    ids=" ".join,
)
def test_an_admin_subcommand_help_works_before_there_is_a_server_database(tmp_path, command):
    db = tmp_path / "server.sqlite3"
    result = _run("admin", "--db", str(db), *command, "--help")
    assert result.exit_code == 0, result.output
    assert f"admin {' '.join(command)} [选项]" in result.output
    assert "没有服务器数据库" not in result.output
    assert not db.exists()  # asking for help makes nothing

    # Without --help the command still needs the database, and says so.
    result = _run("admin", "--db", str(db), *command[:1], "x")
    assert result.exit_code == 1
    assert "没有服务器数据库" in result.output


def test_a_date_that_is_none_is_refused_in_the_chosen_language(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    today = date.today().isoformat()
    result = _run("export", "--from", "2026-0230", "--out", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2  # a usage error, as click's own refusal of a value
    assert f"错误：--from 2026-0230 不是日期：请按 年-月-日 填写，如 {today}" in result.output
    assert "Invalid value" not in result.output
    result = _run("export", "--to", "6/12/2026", lang="en")
    assert result.exit_code == 2
    assert (
        f"Error: --to 6/12/2026 is not a date: write it as YYYY-MM-DD, e.g. {today}"
        in result.output
    )
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    "command", ["import-kinds", "import-venues", "import-people-registry", "publish-checklist"]
)
def test_a_folder_given_for_a_file_to_import_is_refused_in_the_chosen_language(tmp_path, command):
    db = tmp_path / "server.sqlite3"
    assert _run("admin", "--db", str(db), "init").exit_code == 0
    folder = tmp_path / "kinds"
    folder.mkdir()
    result = _run("admin", "--db", str(db), command, str(folder))
    assert result.exit_code == 2  # as click's own refusal of a path
    assert f"错误：{folder} 是文件夹：请写出要读取的文件" in result.output
    assert "is a directory" not in result.output
    result = _run("admin", "--db", str(db), command, str(folder), lang="en")
    assert f"Error: {folder} is a folder: give the file to read" in result.output
