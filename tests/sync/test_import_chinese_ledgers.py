"""The office's own Excel ledgers import as they are: Chinese header names (场所编号, 名称,
类型, 网格…), kinds and risk levels by the names the app shows (出租房, 超市, 高), phones
checked as the people registry checks them, and a sheet with headers but no rows refused
(a tester's ledger was refused four times for lacking a "code" column, and a venue's
phone "abc123" was accepted)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from fieldapp.cli import main


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _xlsx(path: Path, *rows: tuple[object, ...]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def _server(tmp_path: Path) -> Path:
    """A server database holding town T1 and village V1, imported from a Chinese sheet."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = tmp_path / "网格.csv"
    grids.write_text(
        "网格编码,名称,层级,上级网格\nT1,东山镇,town,\nV1,鼎美村,village,T1\n", "utf-8"
    )
    result = _admin(db, "import-grids", str(grids))
    assert result.exit_code == 0, result.output
    return db


def _venues(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as connection:
        query = "SELECT code, kind, risk_level, phone, contact, lat FROM venue"
        return {row[0]: row[1:] for row in connection.execute(query)}


HEADERS = ("场所编号", "名称", "类型", "网格", "风险等级", "负责人", "联系电话", "纬度", "经度")


def test_a_ledger_with_chinese_headers_kinds_and_risk_levels_is_imported(tmp_path):
    db = _server(tmp_path)
    sheet = _xlsx(
        tmp_path / "场所台账.xlsx",
        HEADERS,
        (
            "DM-0001",
            "鼎美村12号出租屋",
            "出租屋",
            "V1",
            "高",
            "陈阿姨",
            "138 0000 1234",
            24.5,
            118.1,
        ),
        ("DM-0002", "惠民超市", "超市", "V1", "低", "王老板", "0592-6012345", None, None),
        ("DM-0003", "鼎美农贸市场", "农贸市场", "V1", "中", "", "", None, None),
        ("DM-0004", "海景宾馆", "宾馆", "V1", "", "", "", None, None),
        ("DM-0005", "悦来旅馆", "小旅馆", "V1", "High", "", "", None, None),
        ("DM-0006", "鼎美出租房", "rental_housing", "V1", "low", "", "", None, None),
    )
    result = _admin(db, "import-venues", str(sheet))
    assert result.exit_code == 0, result.output
    assert "已导入 6 行" in result.output
    assert _venues(db) == {
        "DM-0001": ("rental_housing", "high", "13800001234", "陈阿姨", 24.5),
        "DM-0002": ("supermarket", "low", "0592-6012345", "王老板", None),
        "DM-0003": ("market", "normal", "", "", None),
        "DM-0004": ("hotel", "normal", "", "", None),
        "DM-0005": ("small_hotel", "high", "", "", None),
        "DM-0006": ("rental_housing", "low", "", "", None),
    }


def test_a_missing_column_is_named_with_its_chinese_names(tmp_path):
    db = _server(tmp_path)
    sheet = _xlsx(
        tmp_path / "v.xlsx", ("场所编号", "场所名字", "类型", "网格"), ("A", "B", "超市", "V1")
    )
    result = _admin(db, "import-venues", str(sheet))
    assert result.exit_code == 1
    assert (
        "表头缺少“场所名称”列（也可写作“名称”、“Venue”、“name”）：请在第 1 行加上这一列"
        in result.output
    )
    assert "表头中的“场所名字”不是这项导入能读的列" in result.output
    assert "code" not in result.output  # the 场所编号 column was read as code
    result = _admin(db, "import-venues", str(sheet), lang="en")
    assert "add 场所名称 (or '名称', 'Venue', 'name') to row 1" in result.output
    assert "“" not in result.output  # English quotes in straight single quotes
    assert _venues(db) == {}


def test_a_wrong_kind_risk_level_or_phone_is_refused_in_either_language(tmp_path):
    db = _server(tmp_path)
    sheet = _xlsx(
        tmp_path / "v.xlsx",
        HEADERS,
        ("DM-0001", "悦来旅店", "旅店", "V1", "很高", "", "abc123", None, None),
    )
    result = _admin(db, "import-venues", str(sheet))
    assert result.exit_code == 1
    assert "共 3 处问题" in result.output
    assert "第 2 行 类型 列：“旅店”不是场所类型：请填写 农贸市场、宾馆、超市" in result.output
    assert "第 2 行 风险等级 列：“很高”不是风险等级：请填写“低”“中”“高”之一" in result.output
    assert (
        "第 2 行 联系电话 列：电话号码“abc123”无效：请填写以 1 开头的 11 位手机号" in result.output
    )
    result = _admin(db, "import-venues", str(sheet), lang="en")
    assert (
        "row 2, column 类型: '旅店' is not a venue kind: use one of market, hotel, supermarket"
        in result.output
    )
    assert "'很高' is not a risk level: use one of low, normal, high" in result.output
    assert "row 2, column 联系电话: the phone number 'abc123' is not valid" in result.output
    assert _venues(db) == {}


def test_a_csv_phone_abc123_is_refused_as_the_registry_refuses_it(tmp_path):
    db = _server(tmp_path)
    sheet = tmp_path / "venues.csv"
    sheet.write_text("code,name,kind,grid,phone\nDM-0001,鼎美超市,supermarket,V1,abc123\n", "utf-8")
    result = _admin(db, "import-venues", str(sheet))
    assert result.exit_code == 1
    assert "第 2 行 phone 列：电话号码“abc123”无效" in result.output
    assert _venues(db) == {}


def test_a_file_with_headers_and_no_rows_is_refused_as_csv_and_as_xlsx(tmp_path):
    db = _server(tmp_path)
    csv_file = tmp_path / "venues.csv"
    csv_file.write_text("code,name,kind,grid\n\n", "utf-8")
    xlsx_file = _xlsx(tmp_path / "venues.xlsx", HEADERS)
    for sheet in (csv_file, xlsx_file):
        result = _admin(db, "import-venues", str(sheet))
        assert result.exit_code == 1, result.output
        assert f"{sheet.name}：未导入任何内容，共 1 处问题：" in result.output
        assert "表头下面没有数据：请从第 2 行起每行填写一条" in result.output
        assert "已导入" not in result.output
        result = _admin(db, "import-venues", str(sheet), lang="en")
        assert result.exit_code == 1
        assert "there are headers but no data rows" in result.output
    empty = _xlsx(tmp_path / "empty.xlsx")
    result = _admin(db, "import-venues", str(empty))
    assert result.exit_code == 1
    assert "文件是空的：请在第 1 行写表头" in result.output


def test_the_people_registry_reads_its_chinese_headers(tmp_path):
    db = _server(tmp_path)
    sheet = _xlsx(
        tmp_path / "人口台账.xlsx",
        ("网格", "户号", "姓名", "性别", "联系电话"),
        ("V1", "0101", "陈美玲", "女", "13900001111"),
    )
    result = _admin(db, "import-people-registry", str(sheet))
    assert result.exit_code == 0, result.output
    missing = _xlsx(tmp_path / "缺户号.xlsx", ("网格", "姓名"), ("V1", "陈美玲"))
    result = _admin(db, "import-people-registry", str(missing))
    assert "表头缺少“户号”列（也可写作“household”）" in result.output


def test_checkpoints_and_staff_phones_are_checked_too(tmp_path):
    db = _server(tmp_path)
    points = _xlsx(
        tmp_path / "巡查点.xlsx",
        ("巡查点编号", "名称", "类型", "网格", "联系电话"),
        ("CP-01", "鼎美村口", "village_entrance", "V1", "abc123"),
    )
    result = _admin(db, "import-checkpoints", str(points))
    assert result.exit_code == 1
    assert "第 2 行 联系电话 列：电话号码“abc123”无效" in result.output
    staff = tmp_path / "people.csv"
    staff.write_text("人员编号,姓名,角色,网格,电话\np-1,陈晓明,inspector,V1,12345\n", "utf-8")
    result = _admin(db, "import-people", str(staff), lang="en")
    assert result.exit_code == 1
    assert "row 2, column 电话: the phone number '12345' is not valid" in result.output
