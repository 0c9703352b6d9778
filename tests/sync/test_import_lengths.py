"""Imports refuse over-long texts row by row, with the row and column, and write nothing
(a tester imported a 50,000-character venue name, a 30,000-character person's name and a
40,000-character checklist item, and each was accepted)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.text_bounds import ADDRESS_MAX, ITEM_TEXT_MAX, VENUE_NAME_MAX
from fieldapp.i18n import set_language
from fieldapp.paths import CHECKLISTS_DIR
from sync.server import db as server_db
from sync.server import venue_import
from sync.server.checklist_xlsx import write_xlsx
from sync.server.models import Checklist, Venue
from sync.server.people_import import import_people_registry
from sync.server.people_models import HouseholdMember
from sync.server.tables import ImportRefused, RowError


def _refused(import_file, path: Path) -> dict[tuple[int, str], RowError]:
    with server_db.current().connection_context(), pytest.raises(ImportRefused) as refused:
        import_file(path)
    assert "未导入任何内容" in str(refused.value)
    return {(e.row, e.column): e for e in refused.value.errors}


def test_a_venue_name_or_address_too_long_is_refused_at_its_row(seed, server_workdir):
    sheet = server_workdir / "huge.csv"
    sheet.write_text(
        "code,name,kind,grid,address\n"
        f"ZZ-0001,{'长' * 50_000},small_shop,V1,鼎美村9号\n"
        f"ZZ-0002,{'名' * VENUE_NAME_MAX},small_shop,V1,{'址' * (ADDRESS_MAX + 1)}\n",
        encoding="utf-8",
    )
    errors = _refused(venue_import.import_venues, sheet)
    assert set(errors) == {(2, "name"), (3, "address")}
    # The same problem in the language of whoever reads it: the CLI's --lang.
    assert errors[2, "name"].message == f"内容太长（50000 个字，最多 {VENUE_NAME_MAX} 个）：请缩短"
    set_language("en")
    assert errors[2, "name"].message == (
        f"too long (50000 characters, at most {VENUE_NAME_MAX}): shorten it"
    )
    assert str(errors[2, "name"]).startswith("row 2, column name: too long")
    with server_db.current().connection_context():
        assert not Venue.select().where(Venue.code.startswith("ZZ-")).exists()


def test_a_person_s_name_too_long_for_the_wire_is_refused(seed, server_workdir):
    sheet = server_workdir / "people.csv"
    sheet.write_text(
        "grid,household,name,sex,plate\n"
        f"V1,DM-017,{'陈' * 30_000},男,\n"
        f"V1,DM-017,林秀英,女,{'A' * 21}\n",
        encoding="utf-8",
    )
    errors = _refused(import_people_registry, sheet)
    assert set(errors) == {(2, "name"), (3, "plate")}
    assert "最多 100 个" in errors[2, "name"].message
    assert "最多 20 个" in errors[3, "plate"].message
    with server_db.current().connection_context():
        assert HouseholdMember.select().count() == 0


def test_a_checklist_item_too_long_is_refused_at_its_cell(seed, server_db_url, tmp_path):
    url = server_db_url
    runner = CliRunner()
    admin_cli = ["--lang", "en", "admin", "--db", url]
    runner.invoke(main, [*admin_cli, "publish-checklist", str(CHECKLISTS_DIR / "hotel.toml")])
    from fieldapp.domain.checklist_toml import load_checklist_text

    hotel = load_checklist_text((CHECKLISTS_DIR / "hotel.toml").read_text("utf-8"), "hotel")
    workbook = tmp_path / "hotel_huge.xlsx"
    write_xlsx(hotel, workbook)
    book = openpyxl.load_workbook(workbook)
    book["checklist"].cell(3, 2).value = hotel.version + 1
    items = book["items"]
    header = [cell.value for cell in items[1]]
    items.cell(2, header.index("zh") + 1).value = "长" * 20_000  # an XLSX cell holds at most 32,767
    items.cell(3, header.index("note") + 1).value = "注" * 501
    book.save(workbook)

    result = runner.invoke(main, [*admin_cli, "publish-checklist", str(workbook)])
    assert result.exit_code != 0
    zh = openpyxl.utils.get_column_letter(header.index("zh") + 1)
    note = openpyxl.utils.get_column_letter(header.index("note") + 1)
    assert f"items!{zh}2: " in result.output
    assert f"zh is too long (20000 characters, at most {ITEM_TEXT_MAX})" in result.output
    assert f"items!{note}3: " in result.output and "note is too long" in result.output
    with server_db.current().connection_context():
        versions = Checklist.select().where(Checklist.checklist_id == "hotel")
        assert [c.version for c in versions] == [hotel.version]


def test_a_checklist_option_too_long_is_refused_at_its_line():
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    from fieldapp.domain.checklist_toml import ChecklistInvalid, load_checklist_text

    text = (CHECKLISTS_DIR / "hotel.toml").read_text("utf-8")
    long = text.replace('value = "未安装"', f'value = "{"未" * 101}"', 1)
    with pytest.raises(ChecklistInvalid) as refused:
        load_checklist_text(long, "hotel.toml")
    (error,) = refused.value.errors
    assert "an option is too long (101 characters, at most 100)" in error.message
    assert long.splitlines()[error.line - 1].startswith("options = [")  # its item's options


def test_a_checklist_s_json_form_with_a_long_item_is_refused_by_item(seed, server_db_url, tmp_path):
    import json

    from fieldapp.domain.checklist_toml import load_checklist_text

    hotel = load_checklist_text((CHECKLISTS_DIR / "hotel.toml").read_text("utf-8"), "hotel")
    body = hotel.to_dict()
    body["sections"][0]["items"][0]["zh"] = "长" * 40_000
    path = tmp_path / "hotel_huge.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    admin_cli = ["--lang", "en", "admin", "--db", server_db_url]
    result = CliRunner().invoke(main, [*admin_cli, "publish-checklist", str(path)])
    assert result.exit_code != 0
    code = body["sections"][0]["items"][0]["code"]
    assert f"hotel_huge.json: {code}: zh is too long (40000 characters" in result.output
    with server_db.current().connection_context():
        assert not Checklist.select().where(Checklist.checklist_id == "hotel").exists()


def test_one_problem_of_a_person_s_row_is_said_once_in_the_id_number_s_words(seed, server_workdir):
    """A tester's row with a 150-character name was refused twice for it (姓名最多 100
    个字… and 内容太长…), and its bad phone, unlike the bad ID number beside it, was
    said without a full stop (lower case, no period in English)."""
    sheet = server_workdir / "people.csv"
    sheet.write_text(
        f"grid,household,name,sex,id_number,phone\nV1,DM-017,{'陈' * 150},男,12345,12345\n",
        encoding="utf-8",
    )
    with server_db.current().connection_context(), pytest.raises(ImportRefused) as refused:
        import_people_registry(sheet)
    said = [(e.column, e.message) for e in refused.value.errors]
    assert [message for column, message in said if column == "name"] == [
        "姓名最多 100 个字，现在有 150 个字。"
    ]
    by_column = dict(said)
    assert by_column["id_number"].endswith("。") and by_column["phone"].endswith("。")
    set_language("en")
    by_column = {e.column: e.message for e in refused.value.errors}
    for column in ("id_number", "phone"):
        assert by_column[column][0].isupper() and by_column[column].endswith("."), column
