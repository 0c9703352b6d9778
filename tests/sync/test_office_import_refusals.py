"""What the office sees when an import would change or lose something without a word: a
kinds sheet naming a shipped kind (hotel) replaced its name, cadence (7 days became 30)
and placard precautions, and a levels sheet a shipped level's names and depth; a header naming a column twice (code and code, or code and its
alias 编码) imported one column's data and dropped the other's. Both are refused, saying
what to do, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "server.sqlite3"
    assert _admin(path, "init").exit_code == 0
    return path


def _sheet(tmp_path: Path, text: str) -> str:
    path = tmp_path / "kinds.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _refused_in_both(db: Path, command: str, sheet: str, zh: str, en: str) -> str:
    """The import refused with `zh` and, in English, `en`; what setting list says after."""
    chinese = _admin(db, command, sheet)
    assert chinese.exit_code != 0
    assert zh in chinese.output
    assert en in _admin(db, command, sheet, lang="en").output
    return _admin(db, "setting", "list").output


def test_a_shipped_kind_is_refused_and_left_as_shipped(db: Path, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path, "code,zh,en\nhotel,宾馆X,HotelX\nfoot_massage,足浴店,Foot massage\n")
    listed = _refused_in_both(
        db,
        "import-kinds",
        sheet,
        "第 2 行 code 列：hotel 是程序自带的场所类型，它的名称和标牌上的防火须知不能用表格修改："
        "新增场所类型请换一个编码；要改它的检查周期，请用 fieldapp admin setting set "
        """cadence_days '{"hotel": 14}'""",
        "row 2, column code: hotel is a venue kind the program ships, and a sheet cannot "
        "change its names or its placard's fire precautions: give a kind of your own a new "
        "code; to change this kind's cadence, use fieldapp admin setting set cadence_days "
        """'{"hotel": 14}'""",
    )
    assert "宾馆X" not in listed and "foot_massage" not in listed  # all or nothing


def test_a_shipped_level_is_refused_and_left_as_shipped(db: Path, tmp_path: Path) -> None:
    """A levels sheet with the row village,社区X,CommunityX,3 replaced the shipped level:
    admin setting list then said 社区X, at depth 3 under 网格."""
    levels = "code,zh,en,depth\nbuilding,楼栋,Building,4\nvillage,社区X,CommunityX,3\n"
    listed = _refused_in_both(
        db,
        "import-levels",
        _sheet(tmp_path, levels),
        "第 3 行 code 列：village 是程序自带的网格层级，它的名称和层次不能用表格修改："
        "新增网格层级请换一个编码；要改它的上报截止时间，请用 fieldapp admin setting set "
        """report_deadlines '{"village": "17:00"}'""",
        "row 3, column code: village is a grid level the program ships, and a sheet cannot "
        "change its names or its depth: give a level of your own a new code; to change this "
        "level's report deadline, use fieldapp admin setting set report_deadlines "
        """'{"village": "17:00"}'""",
    )
    assert "社区X" not in listed and "building" not in listed  # all or nothing


@pytest.mark.parametrize("second", ["code", "编码"])
def test_a_column_named_twice_is_refused_naming_both(db: Path, tmp_path: Path, second: str) -> None:
    sheet = _sheet(tmp_path, f"code,{second},zh,en\nkaraoke9,k9,卡拉OK,Karaoke\n")
    chinese = _admin(db, "import-kinds", sheet)
    assert chinese.exit_code != 0
    assert (
        f"第 1 行：表头中不止一列是 code 列（“code”、“{second}”），导入只会读其中一列，"
        "其余列的内容会丢失：请删去多余的列，或改正列名"
    ) in chinese.output
    english = _admin(db, "import-kinds", sheet, lang="en")
    assert (
        f"row 1: the header row names the code column more than once ('code', '{second}'), "
        "and only one would be read, losing the others' data: remove the extra column, or "
        "correct its name"
    ) in english.output
    listed = _admin(db, "setting", "list").output
    assert "k9" not in listed and "karaoke9" not in listed


def _workbook(path: Path, sheets: dict[str, list[list[str]]]) -> str:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)


HEADER_AND_ROWS = [["code", "zh", "en"], ["karaoke", "卡拉OK", "Karaoke"]]


def _problems(db: Path, sheet: str) -> tuple[list[str], list[str]]:
    """The refusal's problem lines, in Chinese and in English (nothing imported)."""
    said = []
    for lang in ("zh", "en"):
        result = _admin(db, "import-kinds", sheet, lang=lang)
        assert result.exit_code != 0
        said.append(result.output.splitlines()[1:])
    return said[0], said[1]


def test_a_formula_cell_is_said_to_be_one(db: Path, tmp_path: Path) -> None:
    """openpyxl, as other programs that write without calculating, saves no value with
    the formula: the import read the cell as empty (“”不是…)."""
    rows = [*HEADER_AND_ROWS, ["bowling", "=1+1", "Bowling"]]
    sheet = _workbook(tmp_path / "kinds.xlsx", {"kinds": rows})
    chinese, english = _problems(db, sheet)
    assert chinese == [
        "  第 3 行 zh 列：这一格是公式（=1+1），导入不计算公式，读到的是空格：请复制这些格子，"
        "用“选择性粘贴→数值”粘回原处后再导入"
    ]
    assert english == [
        "  row 3, column zh: this cell holds a formula (=1+1), which the import does not "
        "calculate, so it reads as empty: copy the cells and paste them back as values "
        "(Paste Special → Values), then import again"
    ]


def test_data_on_the_second_sheet_is_said_to_be_unread(db: Path, tmp_path: Path) -> None:
    sheet = _workbook(tmp_path / "kinds.xlsx", {"说明": [], "kinds": HEADER_AND_ROWS})
    chinese, english = _problems(db, sheet)
    assert chinese == [
        "  第一个工作表“说明”是空的，数据在工作表“kinds”上：XLSX 只读取第一个工作表，"
        "请把有数据的工作表拖到最前面，或把数据复制到第一个工作表"
    ]
    assert english == [
        "  the first sheet, '说明', is empty and the data is on sheet 'kinds': only the first "
        "sheet of an XLSX is read, so drag the sheet with the data to the front, or copy the "
        "data to the first sheet"
    ]


def test_a_workbook_named_csv_is_said_to_be_a_workbook(db: Path, tmp_path: Path) -> None:
    workbook = Path(_workbook(tmp_path / "kinds.xlsx", {"kinds": HEADER_AND_ROWS}))
    sheet = str(workbook.rename(tmp_path / "kinds.csv"))
    chinese, english = _problems(db, sheet)
    assert chinese == [
        "  这个文件是 Excel 工作簿（.xlsx），不是 CSV：请把文件名的后缀改为 .xlsx 后再导入"
    ]
    assert english == [
        "  this file is an Excel workbook (.xlsx), not a CSV: rename it to end in .xlsx and "
        "import it again"
    ]
    (tmp_path / "old.csv").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    assert _problems(db, str(tmp_path / "old.csv")) == (
        [
            "  这个文件是旧版 Excel 工作簿（.xls），不是 CSV：请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入"
        ],
        [
            "  this file is an old Excel workbook (.xls), not a CSV: open it in Excel or WPS, "
            "save it as .xlsx and import it again"
        ],
    )


def test_a_name_another_kind_or_level_has_is_refused(db: Path, tmp_path: Path) -> None:
    """import-kinds took bar2,足浴店 beside the office's foot_massage (足浴店) and
    market2,超市 beside the shipped supermarket, and import-levels room,村: a venue of kind
    足浴店 was then stored as bar2, without its checklist, and lists showed 足浴店 twice."""
    first = _sheet(tmp_path, "code,zh,en\nfoot_massage,足浴店,Foot massage\n")
    assert _admin(db, "import-kinds", first).exit_code == 0
    kinds = "code,zh,en\nbar2,足浴店,Bar 2\nmarket2,超市,Market 2\n"
    listed = _refused_in_both(
        db,
        "import-kinds",
        _sheet(tmp_path, kinds),
        "第 2 行 zh 列：“足浴店”已是场所类型 foot_massage 的名称：两个类型同名，导入场所时会认错类型，"
        "设备上也分不清，请给这个类型换一个名称",
        "row 3, column zh: '超市' is already the name of venue kind supermarket: with two "
        "kinds of one name, a venue sheet naming it gets the wrong kind",
    )
    assert "bar2" not in listed and "market2" not in listed  # all or nothing
    renamed = _sheet(tmp_path, "code,zh,en\nfoot_massage,足浴,Foot spa\nbar2,足浴店,Bar 2\n")
    assert _admin(db, "import-kinds", renamed).exit_code == 0  # the name is freed first
    levels = _sheet(tmp_path, "code,zh,en,depth\nroom,村,Room,5\n")
    refused = _admin(db, "import-levels", levels)
    assert refused.exit_code != 0
    assert "第 2 行 zh 列：“村”已是网格层级 village 的名称" in refused.output
