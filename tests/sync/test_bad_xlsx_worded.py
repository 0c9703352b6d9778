"""A file an import cannot read as a table is said so in the chosen language: one named
.xlsx that is not one (or is damaged) quoted openpyxl's English (无法读取这个 XLSX 文件（File
is not a zip file）), for an import and a checklist workbook alike; a .toml was read as CSV
and refused for the columns it lacked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


@pytest.mark.parametrize("command", ["import-venues", "import-levels", "publish-checklist"])
def test_a_file_that_is_not_xlsx_is_said_so_without_the_library_s_english(
    tmp_path: Path, command: str
) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("编号,名称\nDM-1,好店\n", "utf-8")
    db = ["admin", "--db", f"sqlite:///{tmp_path / 'server.sqlite3'}"]
    assert CliRunner().invoke(main, [*db, "init"]).exit_code == 0
    chinese = CliRunner().invoke(main, ["--lang", "zh", *db, command, str(fake)])
    assert chinese.exit_code == 1
    assert "这不是 XLSX 文件，或文件已损坏：请用 Excel 或 WPS 打开后重新另存为 .xlsx" in (
        chinese.output
    )
    assert "zip" not in chinese.output
    english = CliRunner().invoke(main, ["--lang", "en", *db, command, str(fake)])
    assert "not an XLSX file, or a damaged one: open it in Excel or WPS" in english.output
    assert "zip" not in english.output


@pytest.mark.parametrize("command", ["import-levels", "import-venues"])
def test_a_file_that_is_no_table_is_said_so_not_read_for_missing_columns(
    tmp_path: Path, command: str
) -> None:
    """import-levels bad.toml read the TOML as CSV and listed the columns it lacked."""
    toml = tmp_path / "bad.toml"
    toml.write_text('[levels]\ncode = "town"\n', "utf-8")
    db = ["admin", "--db", f"sqlite:///{tmp_path / 'server.sqlite3'}"]
    assert CliRunner().invoke(main, [*db, "init"]).exit_code == 0
    chinese = CliRunner().invoke(main, ["--lang", "zh", *db, command, str(toml)])
    assert chinese.exit_code == 1
    assert "这不是 CSV 或 XLSX 文件（.toml）：请导入 .csv 或 .xlsx 文件" in chinese.output
    assert "表头缺少" not in chinese.output
    english = CliRunner().invoke(main, ["--lang", "en", *db, command, str(toml)])
    assert "not a CSV or XLSX file (.toml): import a .csv or .xlsx file" in english.output
