"""Checklists as Excel workbooks the office edits: every shipped checklist goes TOML →
XLSX → checklist unchanged; an edited workbook publishes as the next version; a malformed
one is refused with every error at its cell and nothing is published or lost."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.domain.checklist_toml import load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR
from sync.server import db as server_db
from sync.server.checklist_xlsx import read_xlsx, write_xlsx
from sync.server.models import Checklist

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"


def _admin(url: str, *args: str, ok: bool = True) -> Result:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", url, *args])
    assert (result.exit_code == 0) is ok, result.output
    return result


@pytest.mark.parametrize("path", sorted(CHECKLISTS_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_shipped_checklist_goes_to_a_workbook_and_back_unchanged(
    path: Path, tmp_path: Path
) -> None:
    checklist = load_checklist_text(path.read_text(encoding="utf-8"), path.name)
    workbook = tmp_path / f"{path.stem}.xlsx"
    write_xlsx(checklist, workbook)
    assert read_xlsx(workbook, kinds=checklist.kinds) == checklist


def _items(book: openpyxl.Workbook) -> dict[str, int]:
    """Item code -> its row in the items sheet."""
    sheet = book["items"]
    return {sheet.cell(row, 7).value: row for row in range(2, sheet.max_row + 1)}


def test_an_office_exports_edits_and_publishes_a_checklist(seed, server_db_url, tmp_path):
    url = server_db_url
    _admin(url, "publish-checklist", str(CHECKLISTS_DIR / "small_hotel.toml"))
    workbook = tmp_path / "small_hotel.xlsx"
    exported = _admin(url, "checklist", "export", "small_hotel", "--xlsx", str(workbook)).output
    assert "Exported checklist small_hotel version 5" in exported

    book = openpyxl.load_workbook(workbook)
    meta, items = book["checklist"], book["items"]
    assert [meta.cell(r, 1).value for r in (2, 3)] == ["id", "version"]
    meta.cell(3, 2).value = 6  # the next version
    rows = _items(book)
    items.cell(rows["COM-02"], 8).value = "灭火器压力在绿区、铅封完好、在有效期内"
    items.cell(rows["COM-01"], 16).value = 2  # min: a plain bound besides the threshold
    header = [cell.value for cell in items[1]]
    items.cell(rows["COM-02"], header.index("basis_en") + 1).value = "GA 95-2015 (gauge zones)"
    assert [row[0].value for row in meta.iter_rows(min_row=2)][5:7] == ["basis", "basis_en"]
    book.save(workbook)
    assert (
        "checklist small_hotel version 6" in _admin(url, "publish-checklist", str(workbook)).output
    )

    with server_db.current().connection_context():
        published = Checklist.get(
            (Checklist.checklist_id == "small_hotel") & (Checklist.version == 6)
        )
    body = {i["code"]: i for s in published.body["sections"] for i in s["items"]}
    assert body["COM-02"]["zh"] == "灭火器压力在绿区、铅封完好、在有效期内"
    assert body["COM-01"]["min"] == 2.0
    assert body["COM-01"]["fail_if"] == "value < param.min_extinguishers"  # kept as it was
    assert body["COM-02"]["basis_en"] == "GA 95-2015 (gauge zones)"
    assert body["COM-02"]["basis"] == "GA 95-2015；灭火器压力表分区"  # the Chinese as it was


def test_a_malformed_workbook_is_refused_cell_by_cell_and_nothing_is_lost(
    seed, server_db_url, tmp_path
):
    url = server_db_url
    _admin(url, "import-kinds", str(OFFICE / "kinds.csv"))
    _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    workbook = tmp_path / "foot_massage.xlsx"
    _admin(url, "checklist", "export", "foot_massage", "--xlsx", str(workbook))
    book = openpyxl.load_workbook(workbook)
    book["checklist"].cell(3, 2).value = 2
    items = book["items"]
    rows = _items(book)
    items.cell(rows["COM-02"], 10).value = "yes/no"  # answer
    items.cell(rows["FMS-02"], 11).value = "maybe"  # required
    items.cell(rows["FMS-03"], 19).value = "critical"  # severity
    items.cell(rows["FMS-05"], 7).value = "FMS-01"  # a duplicate code
    book.save(workbook)
    before = workbook.read_bytes()

    output = _admin(url, "publish-checklist", str(workbook), ok=False).output
    assert f"foot_massage.xlsx!items!J{rows['COM-02']}: COM-02: answer must be one of" in output
    assert f"items!K{rows['FMS-02']}: FMS-02: required must be true or false" in output
    assert f"items!S{rows['FMS-03']}: FMS-03: severity must be one of" in output
    assert f"items!G{rows['FMS-05']}: FMS-01: duplicate item code" in output
    assert workbook.read_bytes() == before  # the office's edits are all still there
    with server_db.current().connection_context():
        assert [
            c.version for c in Checklist.select().where(Checklist.checklist_id == "foot_massage")
        ] == [1]

    # The structure put right, a condition's error is at its cell too.
    fixed = openpyxl.load_workbook(workbook)
    items = fixed["items"]
    items.cell(rows["COM-02"], 10).value = "yesno"
    items.cell(rows["FMS-02"], 11).value = "是"
    items.cell(rows["FMS-03"], 19).value = "general"
    items.cell(rows["FMS-05"], 7).value = "FMS-05"
    items.cell(rows["FMS-04"], 13).value = "venue.rooms >= FMS-09"
    fixed.save(workbook)
    output = _admin(url, "publish-checklist", str(workbook), ok=False).output
    assert f"foot_massage.xlsx!items!M{rows['FMS-04']}: FMS-04: show_if" in output

    fixed["items"].cell(1, 10).value = "answr"
    fixed.save(workbook)
    assert (
        "items!J1: unknown column 'answr'"
        in _admin(url, "publish-checklist", str(workbook), ok=False).output
    )


def test_an_office_working_in_chinese_reads_each_refusal_in_chinese(seed, server_db_url, tmp_path):
    """In Chinese: the export of an unpublished checklist and a bad workbook's cell are
    refused in Chinese; the column name stays the one the sheet has."""
    url = server_db_url
    zh = ["--lang", "zh", "admin", "--db", url]
    workbook = tmp_path / "foot_massage.xlsx"
    result = CliRunner().invoke(
        main, [*zh, "checklist", "export", "nothing_here", "--xlsx", str(workbook)]
    )
    assert result.exit_code == 1
    assert "还没有发布 'nothing_here' 的检查表" in result.output
    _admin(url, "import-kinds", str(OFFICE / "kinds.csv"))
    _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    # Named with no extension, the workbook is written with one (as every export's is),
    # which publish-checklist reads; it wrote the bare name, which publishing then refused.
    _admin(url, "checklist", "export", "foot_massage", "--xlsx", str(workbook.with_suffix("")))
    book = openpyxl.load_workbook(workbook)
    book["items"].cell(1, 10).value = "answr"
    book.save(workbook)
    result = CliRunner().invoke(main, [*zh, "publish-checklist", str(workbook)])
    assert result.exit_code == 1
    assert (
        "foot_massage.xlsx 的 items!J1 单元格：不认识的列 'answr'：请检查表头拼写" in result.output
    )
    assert "unknown column" not in result.output


def _zh_admin(url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "zh", "admin", "--db", url, *args])


def test_a_section_name_typed_on_a_later_row_is_refused_at_its_cell(seed, server_db_url, tmp_path):
    """The section's name is read on its first row only: another name typed further down
    was dropped without a word; it is refused at its cell, and nothing is published."""
    url = server_db_url
    _admin(url, "publish-checklist", str(CHECKLISTS_DIR / "small_hotel.toml"))
    workbook = tmp_path / "small_hotel.xlsx"
    _admin(url, "checklist", "export", "small_hotel", "--out", str(workbook))
    book = openpyxl.load_workbook(workbook)
    row = _items(book)["COM-02"]
    assert book["items"].cell(row, 1).value == book["items"].cell(row - 1, 1).value == "COM"
    first_name = book["items"].cell(row - 1, 2).value
    book["items"].cell(row, 2).value = first_name  # the same name copied down changes nothing
    book.save(workbook)
    assert "已发布过，内容相同" in _zh_admin(url, "publish-checklist", str(workbook)).output

    book["items"].cell(row, 2).value = "另一个分节名"
    book.save(workbook)
    result = _zh_admin(url, "publish-checklist", str(workbook))
    assert result.exit_code == 1, result.output
    assert (
        f"small_hotel.xlsx 的 items!B{row} 单元格：section_zh 列只在分节 COM 的第一行"
        f"（第 {row - 1} 行）读取" in result.output
    )
    english = _admin(url, "publish-checklist", str(workbook), ok=False).output
    assert f"small_hotel.xlsx!items!B{row}: section_zh is read on the first row" in english


def test_an_item_changed_without_a_new_version_is_refused_in_the_ui_language(
    seed, server_db_url, tmp_path
):
    url = server_db_url
    _admin(url, "publish-checklist", str(CHECKLISTS_DIR / "small_hotel.toml"))
    workbook = tmp_path / "small_hotel.xlsx"
    _admin(url, "checklist", "export", "small_hotel", "--xlsx", str(workbook))  # still read
    book = openpyxl.load_workbook(workbook)
    book["items"].cell(_items(book)["COM-01"], 8).value = "灭火器数量够不够（改）"
    book.save(workbook)

    result = _zh_admin(url, "publish-checklist", str(workbook))
    assert result.exit_code == 1
    assert (
        "错误：检查表 small_hotel 第 5 版已发布过，内容与这个文件不同，未发布："
        "要发布改动，请把版本号改为 6" in result.output
    )
    assert "already published" not in result.output
    english = _admin(url, "publish-checklist", str(workbook), ok=False).output
    assert "Checklist small_hotel version 5 is already published with other content" in english
    with server_db.current().connection_context():
        assert [
            c.version for c in Checklist.select().where(Checklist.checklist_id == "small_hotel")
        ] == [5]
