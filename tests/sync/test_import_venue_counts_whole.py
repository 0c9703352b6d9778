"""Counts are whole: a sheet with 房间数 12.5 was imported, the server held {"rooms": 12.5}
and the inspection's per-room section asked 12 rooms. The import refuses it (the row, the
column, what to write), in CSV and XLSX alike; an Excel cell 12.0 is 12; area may be 35.5."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.venue_facts import value_problem

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _server(tmp_path: Path) -> Path:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = tmp_path / "网格.csv"
    grids.write_text("编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n", "utf-8")
    assert _admin(db, "import-grids", str(grids)).exit_code == 0
    return db


def _xlsx(path: Path, rows: list[list[object]]) -> str:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


HEAD = ["编号", "场所名称", "类别", "网格", "房间数", "员工数", "面积（㎡）"]


def _attributes(db: Path) -> dict[str, dict[str, object]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT code, attributes FROM venue").fetchall()
    return {code: json.loads(held or "{}") for code, held in rows}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_half_a_room_is_refused_naming_the_row_and_column(tmp_path: Path, suffix: str) -> None:
    db = _server(tmp_path)
    rows: list[list[object]] = [HEAD, ["DM-1", "好店", "小旅馆", "V1", 12.5, 3, 35.5]]
    path = tmp_path / f"v.{suffix}"
    if suffix == "csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", "utf-8")
    sheet = str(path) if suffix == "csv" else _xlsx(path, rows)
    chinese = _admin(db, "import-venues", sheet)
    assert chinese.exit_code != 0
    assert "第 2 行 房间数 列：“12.5”不是整数：这一列是个数，请填写整数，如 12" in chinese.output
    english = _admin(db, "import-venues", sheet, lang="en")
    assert english.exit_code != 0
    assert "row 2, column 房间数: '12.5' is not a whole number" in english.output
    assert _attributes(db) == {}  # all or nothing: nothing held


def test_a_whole_number_written_12_0_is_12_and_area_may_be_a_fraction(tmp_path: Path) -> None:
    db = _server(tmp_path)
    sheet = _xlsx(tmp_path / "v.xlsx", [HEAD, ["DM-1", "好店", "小旅馆", "V1", 12.0, 3, 35.5]])
    result = _admin(db, "import-venues", sheet)
    assert result.exit_code == 0, result.output
    assert _attributes(db) == {"DM-1": {"rooms": 12, "staff": 3, "area": 35.5}}


def test_a_device_may_not_send_half_a_room() -> None:
    """What the server and the device's correction check (a device sends numbers)."""
    assert value_problem("rooms", 12.5) == "rooms must be a whole number (it counts)"
    assert value_problem("rooms", 12.0) is None
    assert value_problem("area", 12.5) is None


def test_more_rooms_than_the_checklist_asks_are_refused(tmp_path: Path) -> None:
    """The foot-massage checklist asks its room section once per room, at most
    MAX_INSTANCES times: an 80-room venue was imported and 20 rooms were never asked."""
    db = _server(tmp_path)
    office = Path(__file__).parents[2] / "docs" / "examples" / "office"
    assert _admin(db, "import-kinds", str(office / "kinds.csv")).exit_code == 0
    assert _admin(db, "publish-checklist", str(office / "foot_massage.toml")).exit_code == 0
    rows = [
        HEAD,
        ["DM-1", "好店", "足浴店", "V1", 80, 3, 35.5],
        ["DM-2", "小店", "足浴店", "V1", 60, 3, 9],
    ]
    sheet = _xlsx(tmp_path / "v.xlsx", rows)
    chinese = _admin(db, "import-venues", sheet)
    assert chinese.exit_code != 0
    assert (
        "第 2 行 房间数 列：80 超过了 足浴店 检查表能逐一检查的数量（最多 60 个），多出的不会被检查："
        "请核对数字；确实更多时，请把场所分成几个场所登记"
    ) in chinese.output
    assert "第 3 行" not in chinese.output  # 60 rooms are all asked
    english = _admin(db, "import-venues", sheet, lang="en")
    assert "row 2, column 房间数: 80 is more than the Foot-massage shop checklist" in english.output
    assert _attributes(db) == {}  # all or nothing
