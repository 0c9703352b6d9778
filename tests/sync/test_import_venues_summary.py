"""What import-venues says: how many rows were new venues and how many changed venues the
server held (a file that renamed DM-0015 said only 已导入 2 行（场所）), and a refusal's
columns named as the file names them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _csv(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def test_the_summary_tells_new_venues_from_venues_it_changed(tmp_path):
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(tmp_path / "网格.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n")
    assert _admin(db, "import-grids", grids).exit_code == 0
    header = "编号,场所名称,类别,网格\n"
    first = _admin(
        db, "import-venues", _csv(tmp_path / "a.csv", header + "DM-1,富源五金店,小商场,V1\n")
    )
    assert "已导入 1 行（场所）：新增 1 个场所，更新了 0 个已有场所。" in first.output
    sheet = _csv(tmp_path / "b.csv", header + "DM-1,测试店,小商场,V1\nDM-2,新店,小商场,V1\n")
    second = _admin(db, "import-venues", sheet)
    assert second.exit_code == 0, second.output
    assert "已导入 2 行（场所）：新增 1 个场所，更新了 1 个已有场所。" in second.output
    changed = _csv(tmp_path / "c.csv", header + "DM-1,测试店,小商场,V1\nDM-2,新店二,小商场,V1\n")
    english = _admin(db, "import-venues", changed, lang="en")
    assert "Imported 2 rows (venues): 0 new, 1 already on the server updated." in english.output
    assert "Of these, 1 row matched its venue on the server and was left unchanged." in (
        english.output
    )
    with sqlite3.connect(db) as connection:
        names = list(connection.execute("SELECT code, name FROM venue ORDER BY code"))
    assert names == [("DM-1", "测试店"), ("DM-2", "新店二")]


def test_importing_an_unchanged_file_again_changes_no_venue(tmp_path):
    """The same file imported again said 更新了 N 个已有场所 and the next sync downloaded
    every venue again; now unchanged rows are left alone and counted as such."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(tmp_path / "网格.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n")
    assert _admin(db, "import-grids", grids).exit_code == 0
    sheet = _csv(
        tmp_path / "v.csv",
        "编号,场所名称,类别,网格,电话,纬度,经度,房间数\n"
        "DM-1,富源五金店,小商场,V1,13812345678,24.6,118.1,3\n"
        "DM-2,新店,小商场,v1,,,,\n",
    )
    assert _admin(db, "import-venues", sheet).exit_code == 0

    def feed() -> list[tuple[str, str]]:
        with sqlite3.connect(db) as connection:
            query = "SELECT record_id, at FROM change_log WHERE type = 'venue' ORDER BY seq"
            return list(connection.execute(query))

    def stamps() -> list[tuple[str, str]]:
        with sqlite3.connect(db) as connection:
            return list(connection.execute("SELECT code, updated_at FROM venue ORDER BY code"))

    before, stamped = feed(), stamps()
    again = _admin(db, "import-venues", sheet)
    assert again.exit_code == 0, again.output
    assert "已导入 2 行（场所）：新增 0 个场所，更新了 0 个已有场所。" in again.output
    assert "其中 2 行与服务器上的场所相同，未改动。" in again.output
    assert feed() == before and stamps() == stamped  # devices download nothing


def test_latitude_without_longitude_names_the_columns_as_the_file_does(tmp_path):
    """The message said 经度和纬度要同时填写（lat 和 lon 两列） to a file headed 纬度, 经度."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(tmp_path / "网格.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n")
    assert _admin(db, "import-grids", grids).exit_code == 0
    sheet = _csv(
        tmp_path / "v.csv", "编号,场所名称,类别,网格,纬度,经度\nDM-1,好店,小商场,V1,24.6,\n"
    )
    chinese = _admin(db, "import-venues", sheet)
    assert chinese.exit_code == 1
    assert (
        "第 2 行 经度 列：纬度和经度要同时填写（“纬度”和“经度”两列），或者都不填" in chinese.output
    )
    assert "lat" not in chinese.output
    english = _admin(db, "import-venues", sheet, lang="en").output
    assert "row 2, column 经度: " in english
    assert "give both latitude and longitude (columns '纬度' and '经度'), or neither" in english


def test_a_count_below_zero_is_said_to_be_one_not_to_be_no_number(tmp_path):
    """层数 -3 was refused as “-3”不是数字: it is a number, below 0."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(tmp_path / "网格.csv", "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n")
    assert _admin(db, "import-grids", grids).exit_code == 0
    sheet = _csv(
        tmp_path / "v.csv",
        "编号,场所名称,类别,网格,层数\nDM-1,好店,小商场,V1,-3\nDM-2,新店,小商场,V1,三\n",
    )
    chinese = _admin(db, "import-venues", sheet).output
    assert "第 2 行 层数 列：“-3”小于 0：请填写不小于 0 的数，如 12" in chinese
    assert "第 3 行 层数 列：“三”不是数字：请填写不小于 0 的数" in chinese
    english = _admin(db, "import-venues", sheet, lang="en").output
    assert "row 2, column 层数: '-3' is below 0: use a number ≥ 0" in english
    assert "row 3, column 层数: '三' is not a number: use a number ≥ 0" in english
