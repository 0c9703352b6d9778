"""A file headed in Chinese was told of its columns in English: 第 1 行 grid 列：表头缺少
“grid”列 to a file whose headers read 网格, and 不止一列是 name 列 to one that named
场所名称 twice. A column is now named as the file names its columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _refusal(db: Path, sheet: Path, text: str, lang: str) -> str:
    sheet.write_text(text, "utf-8")
    args = ["--lang", lang, "admin", "--db", f"sqlite:///{db}", "import-venues", str(sheet)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    return result.output


def test_a_chinese_header_row_is_told_of_its_columns_in_its_own_names(tmp_path):
    db = tmp_path / "server.sqlite3"
    assert CliRunner().invoke(main, ["admin", "--db", f"sqlite:///{db}", "init"]).exit_code == 0
    sheet = tmp_path / "v.csv"
    missing = "编号,场所名称,类别,地址\nDM-1,好店,超市,鼎美路1号\n"
    chinese = _refusal(db, sheet, missing, "zh")
    assert "第 1 行：表头缺少“网格”列（也可写作“网格编码”、“所属网格”、“grid”）" in chinese
    assert "grid 列" not in chinese
    english = _refusal(db, sheet, missing, "en")
    assert "add 网格 (or '网格编码', '所属网格', 'grid') to row 1" in english

    twice = "编号,场所名称,类别,网格,场所名称\nDM-1,好店,超市,V1,好店\n"
    assert "表头中不止一列是 场所名称 列（“场所名称”、“场所名称”）" in _refusal(
        db, sheet, twice, "zh"
    )
    english = _refusal(db, sheet, twice, "en")
    assert "the header row names the 场所名称 column more than once" in english
