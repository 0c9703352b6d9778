"""A file named .xlsx that is not one (or is damaged) is said in the chosen language: the
Chinese message quoted openpyxl's English (无法读取这个 XLSX 文件（File is not a zip
file）), for an import and for a checklist workbook alike."""

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
