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
    _admin(url, "checklist", "export", "foot_massage", "--xlsx", str(workbook))
    book = openpyxl.load_workbook(workbook)
    book["items"].cell(1, 10).value = "answr"
    book.save(workbook)
    result = CliRunner().invoke(main, [*zh, "publish-checklist", str(workbook)])
    assert result.exit_code == 1
    assert (
        "foot_massage.xlsx 的 items!J1 单元格：不认识的列 'answr'：请检查表头拼写" in result.output
    )
    assert "unknown column" not in result.output
