"""What a tester's sheets lost or could not say: the registry's 类别 and 到达日期 (the
titles the app shows) were silently ignored, so tags and arrival dates were dropped and
an impossible date passed; a column no import reads is now refused by name. Venue codes
differing only in case were two venues; levels and roles by the names the app shows
(村, 网格员) were refused; the summary named its table in English."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from fieldapp.cli import main


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _csv(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def _query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute(sql))


def _server(tmp_path: Path) -> Path:
    """A server holding town T1, village V1 and area A1, their levels by Chinese name."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = _csv(
        tmp_path / "网格.csv",
        "编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\nA1,一片,片区,V1\n",
    )
    result = _admin(db, "import-grids", grids)
    assert result.exit_code == 0, result.output
    assert "已导入 3 行（网格）" in result.output
    return db


REGISTRY = "网格,户号,姓名,性别,出生年份,身份证号,联系电话,类别,到达日期\n"


def test_the_registry_reads_the_columns_by_the_titles_the_app_shows(tmp_path):
    db = _server(tmp_path)
    sheet = _csv(
        tmp_path / "台账.csv",
        REGISTRY + "V1,DM-1,张三,男,1980,,13800138000,租户/流动人口;独居老人,2026-03-01\n",
    )
    result = _admin(db, "import-people-registry", sheet)
    assert result.exit_code == 0, result.output
    assert "已导入 1 行（人员台账）" in result.output
    rows = _query(db, "SELECT tags, arrived_on FROM household_member")
    assert rows == [('["tenant","elderly_alone"]', "2026-03-01")]


def test_an_impossible_date_or_unknown_group_in_those_columns_is_refused(tmp_path):
    db = _server(tmp_path)
    sheet = _csv(tmp_path / "台账.csv", REGISTRY + "V1,DM-1,张三,男,1980,,,租客,2026-13-01\n")
    zh = _admin(db, "import-people-registry", sheet).output
    assert "第 2 行 到达日期 列：“2026-13-01”不是日期" in zh
    assert "第 2 行 类别 列：“租客”不是人员类别：请填写 常住、租户/流动人口、" in zh
    en = _admin(db, "import-people-registry", sheet, lang="en").output
    assert "row 2, column 类别: '租客' is not a group: use one of resident, tenant," in en
    assert _query(db, "SELECT count(*) FROM household_member") == [(0,)]


def test_a_column_no_import_reads_is_refused_by_name_with_the_accepted_ones(tmp_path):
    db = _server(tmp_path)
    sheet = tmp_path / "场所.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["场所编号", "名称", "类型", "网格", "备注"])
    book.active.append(["DM-0001", "小卖部", "超市", "V1", "夜间营业"])
    book.save(sheet)
    zh = _admin(db, "import-venues", str(sheet))
    assert zh.exit_code == 1
    assert (
        "第 1 行：表头中的“备注”不是这项导入能读的列：为免这一列的内容丢失，整个文件都没有导入。"
        "请删去这一列"
    ) in zh.output
    assert "不会导入" not in zh.output  # it read as if the column alone were left out
    assert "“编号”、“场所名称”、“类别”" in zh.output
    en = _admin(db, "import-venues", str(sheet), lang="en").output
    assert "'备注' in the header row is not a column this import reads, so nothing was" in en
    assert "one of id, code, name, kind, grid" in en
    assert _query(db, "SELECT count(*) FROM venue") == [(0,)]


def test_venue_codes_differing_in_case_are_one_venue_stored_upper_case(tmp_path):
    db = _server(tmp_path)
    header = "场所编号,名称,类型,网格\n"
    both = _csv(tmp_path / "a.csv", header + "TST-0009,甲店,超市,V1\ntst-0009,乙店,超市,V1\n")
    result = _admin(db, "import-venues", both)
    assert "第 3 行 场所编号 列：TST-0009 与第 2 行重复" in result.output
    lower = _csv(tmp_path / "b.csv", header + "tst-0009,乙店,超市,V1\n")
    assert _admin(db, "import-venues", lower).exit_code == 0
    upper = _csv(tmp_path / "c.csv", header + "TST-0009,甲店,超市,V1\n")
    result = _admin(db, "import-venues", upper, lang="en")
    assert "Imported 1 row (venues): 0 new, 1 already on the server updated." in result.output
    assert _query(db, "SELECT code, name FROM venue") == [("TST-0009", "甲店")]


def test_the_venue_code_is_called_as_its_header_calls_it(tmp_path):
    db = _server(tmp_path)
    sheet = _csv(tmp_path / "v.csv", "场所编号,名称,类型,网格\n,甲店,超市,V1\n")
    assert (
        "第 2 行 场所编号 列：场所编号为空：请填写编号" in _admin(db, "import-venues", sheet).output
    )


def test_levels_and_roles_by_the_names_the_app_shows(tmp_path):
    db = _server(tmp_path)
    assert _query(db, "SELECT code, level FROM grid ORDER BY code") == [
        ("A1", "area"),
        ("T1", "town"),
        ("V1", "village"),
    ]
    staff = "编号,姓名,角色,电话,网格\np1,王五,网格员,,A1\np2,赵六,网格长,,V1\n"
    result = _admin(db, "import-people", _csv(tmp_path / "p.csv", staff))
    assert "已导入 2 行（人员）" in result.output
    assert _query(db, "SELECT id, role FROM person ORDER BY id") == [
        ("p1", "inspector"),
        ("p2", "supervisor"),
    ]
    bad = _csv(tmp_path / "q.csv", "编号,姓名,角色\np3,钱七,组长\n")
    zh = _admin(db, "import-people", bad).output
    assert "第 2 行 角色 列：“组长”不是角色：请填写 网格员、网格长、管理员 中的一个" in zh
    en = _admin(db, "import-people", bad, lang="en").output
    assert "'组长' is not a role: use one of inspector, supervisor, admin" in en
    grid = _csv(tmp_path / "g.csv", "编号,名称,级别\nX1,某网格,网格\n")
    zh = _admin(db, "import-grids", grid).output
    assert "“网格”不是网格层级：请填写 镇网格、村（社区）网格、片区网格 中的一个" in zh


def test_each_import_help_lists_its_own_chinese_headers(tmp_path):
    db = _server(tmp_path)
    grids = _admin(db, "import-grids", "--help").output
    assert "层级" in grids and "类型" not in grids
    people = _admin(db, "import-people", "--help").output
    assert "角色" in people and "类型" not in people
    registry = _admin(db, "import-people-registry", "--help").output
    assert "类别" in registry and "到达日期" in registry


def test_office_imports_name_their_table_in_the_cli_language_and_list_their_headers(tmp_path):
    db = _server(tmp_path)
    levels = _csv(tmp_path / "层级.csv", "编码,中文名称,英文名称,层次\nhamlet,屯,Hamlet,4\n")
    assert "已导入 1 行（网格层级）。" in _admin(db, "import-levels", levels).output
    assert "Imported 1 row (grid levels)." in _admin(db, "import-levels", levels, lang="en").output
    assert "上报截止时间" in _admin(db, "import-levels", "--help").output


def test_grid_codes_are_found_whatever_their_case(tmp_path):
    """v1 in a sheet was not the grid V1: a grids sheet made a second grid v1, and a venue,
    a person or a household of grid a1 was refused, as were t1 and v1 given to the office
    commands' --grid; now each finds its grid, written as the server holds its code, as
    venue and route codes are found whatever their case."""
    db = _server(tmp_path)
    grids = _csv(
        tmp_path / "grids.csv", "code,name,level,parent\nv1,鼎美社区,村,t1\nA2,二片,片区,v1\n"
    )
    assert _admin(db, "import-grids", grids).exit_code == 0
    assert _query(db, "SELECT code, name, parent_code FROM grid ORDER BY code") == [
        ("A1", "一片", "V1"), ("A2", "二片", "V1"), ("T1", "东山镇", None), ("V1", "鼎美社区", "T1"),
    ]  # fmt: skip
    venues = _csv(tmp_path / "venues.csv", "code,name,kind,grid\nTST-0001,小店,小商场,a1\n")
    result = _admin(db, "import-venues", venues)
    assert result.exit_code == 0, result.output
    assert _query(db, "SELECT code, grid_code FROM venue") == [("TST-0001", "A1")]
    people = _csv(tmp_path / "people.csv", "id,name,role,grids\np-1,王五,网格员,v1;a2\n")
    result = _admin(db, "import-people", people)
    assert result.exit_code == 0, result.output
    assert _query(db, "SELECT grid_code FROM person_grid ORDER BY grid_code") == [("A2",), ("V1",)]
    attendance = _admin(db, "patrol-attendance", "--from", "2026-06-01", "--grid", "v1")
    assert attendance.exit_code == 0, attendance.output
    registry = _csv(tmp_path / "台账2.csv", REGISTRY + "a1,DM-2,李四,女,1990,,,,\n")
    result = _admin(db, "import-people-registry", registry)
    assert result.exit_code == 0, result.output
    assert _query(db, "SELECT grid_code, code FROM household") == [("A1", "DM-2")]
    assert _admin(db, "reader-key", "create", "--name", "市大数据局", "--grid", "t1").exit_code == 0
    assert _query(db, "SELECT grids FROM reader_key") == [('["T1"]',)]
    hook = ["--on", "hazard_overdue", "--channel", "webhook", "--url", "https://example.org/h"]
    assert _admin(db, "alerts", "add-rule", "--grid", "v1", *hook).exit_code == 0
    assert _query(db, "SELECT grid_code FROM alert_rule") == [("V1",)]


def test_person_ids_are_found_whatever_their_case(tmp_path):
    """import-people with rows P1 and p1 made two people, and a later p1 a third, while
    venue and grid codes are found whatever their case: now p1 is the person P1."""
    db = _server(tmp_path)
    both = _csv(tmp_path / "people.csv", "id,name,role\nP1,王五,网格员\np1,王六,网格员\n")
    refused = _admin(db, "import-people", both)
    assert refused.exit_code != 0
    assert "第 3 行 id 列：P1 与第 2 行重复：请删去或改正其中一行" in refused.output
    assert _query(db, "SELECT id FROM person WHERE upper(id) = 'P1'") == []  # nothing
    assert (
        _admin(
            db, "import-people", _csv(tmp_path / "a.csv", "id,name,role\nP1,王五,网格员\n")
        ).exit_code
        == 0
    )
    again = _admin(db, "import-people", _csv(tmp_path / "b.csv", "id,name,role\np1,王六,网格员\n"))
    assert again.exit_code == 0, again.output
    assert _query(db, "SELECT id, name FROM person WHERE upper(id) = 'P1'") == [("P1", "王六")]
