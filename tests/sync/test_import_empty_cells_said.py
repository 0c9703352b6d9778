"""An empty cell was said as a value that is wrong: an empty grid as 服务器上没有网格“”,
an empty kind code as “”不能用作编码, in English "the en is empty"; and a bad phone was
refused without the value the office typed. Each now says what the office sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh") -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])
    return result.output


def _csv(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def test_an_empty_cell_is_said_to_be_empty_and_a_bad_phone_is_quoted(tmp_path):
    db = tmp_path / "server.sqlite3"
    _admin(db, "init")
    _admin(db, "import-grids", _csv(tmp_path / "g.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\n"))
    venues = _csv(
        tmp_path / "v.csv",
        "编号,场所名称,类别,网格,电话\nDM-1,好店,小商场,,\nDM-2,新店,小商场,T1,12345\n",
    )
    chinese = _admin(db, "import-venues", venues)
    assert "第 2 行 网格 列：这一格为空：请填写" in chinese
    assert "没有网格“”" not in chinese
    assert "第 3 行 电话 列：电话号码“12345”无效" in chinese
    english = _admin(db, "import-venues", venues, lang="en")
    assert "row 2, column 网格: this cell is empty: fill it in" in english
    assert "row 3, column 电话: the phone number '12345' is not valid" in english

    kinds = _csv(tmp_path / "k.csv", "code,zh,en\nfoot_massage,足浴店,\n,棋牌室,Chess room\n")
    chinese = _admin(db, "import-kinds", kinds)
    assert "第 3 行 code 列：这一格为空：请填写" in chinese
    assert "“”" not in chinese
    english = _admin(db, "import-kinds", kinds, lang="en")
    assert "row 2, column en: this cell is empty: fill it in" in english
    assert "row 3, column code: this cell is empty: fill it in" in english
