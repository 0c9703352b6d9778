"""What every office import (they share `sync.server.tables.read_table`) read wrongly
without a word: a row with more cells than the header lost them quietly (a row shifted by
one column lost its last value), and a quote never closed swallowed the rest of the file
and was reported as an empty cell. Real files through the CLI, as the office runs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result

from fieldapp.cli import main


def _admin(db: Path, *args: str, lang: str = "zh") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def _server(tmp_path: Path) -> Path:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    return db


def _kinds(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [code for (code,) in connection.execute("SELECT code FROM office_kind")]


def _csv(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def test_a_row_with_more_cells_than_the_header_is_refused_naming_the_row(tmp_path):
    db = _server(tmp_path)
    before = _kinds(db)
    sheet = _csv(tmp_path / "kinds.csv", "code,zh,en\nrag,足,Foot,extra,more\nok,好,Fine\n")
    result = _admin(db, "import-kinds", sheet)
    assert result.exit_code == 1, result.output
    assert "第 2 行：D、E 列有内容（extra、more），但表头在这里没有列名" in result.output
    assert _kinds(db) == before  # all or nothing: not even the good row
    english = _admin(db, "import-kinds", sheet, lang="en").output
    assert "row 2: content under no header (column D, E: extra, more)" in english

    # Empty cells past the header (a sheet saved with trailing commas) are nothing lost.
    sheet = _csv(tmp_path / "kinds.csv", "code,zh,en\nrag,足,Foot,,\n")
    result = _admin(db, "import-kinds", sheet)
    assert result.exit_code == 0, result.output
    assert "rag" in _kinds(db)


def test_a_value_under_an_empty_header_cell_of_a_workbook_is_refused(tmp_path):
    db = _server(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "zh", None, "en"])
    sheet.append(["rag", "足", "Foot", "Foot shop"])
    book.save(tmp_path / "kinds.xlsx")
    result = _admin(db, "import-kinds", str(tmp_path / "kinds.xlsx"))
    assert result.exit_code == 1, result.output
    assert "第 2 行：C 列有内容（Foot）" in result.output


def test_a_quote_never_closed_is_reported_on_its_row(tmp_path):
    db = _server(tmp_path)
    sheet = _csv(tmp_path / "kinds.csv", 'code,zh,en\nok,好,Fine\nq1,"unterminated,Foot\nx,y,z\n')
    result = _admin(db, "import-kinds", sheet)
    assert result.exit_code == 1, result.output
    assert '第 3 行：这一行有一个引号（"）没有闭合' in result.output
    assert "这一格为空" not in result.output
    english = _admin(db, "import-kinds", sheet, lang="en").output
    assert 'row 3: a quote (") on this row is never closed' in english

    # A quoted cell over two lines, closed, is read as one cell as before.
    sheet = _csv(tmp_path / "kinds.csv", 'code,zh,en\nq1,"足浴\n店",Foot\n')
    result = _admin(db, "import-kinds", sheet)
    assert result.exit_code == 0, result.output


def test_the_rows_before_a_quote_never_closed_are_checked_too(tmp_path):
    """A tester's grids: 星球 on row 2, an unclosed quote on row 3; only the quote was said."""
    db = _server(tmp_path)
    sheet = _csv(
        tmp_path / "grids.csv",
        'code,name,level,parent\nT1,东山镇,星球,\nV1,"鼎美村,village,T1\nV2,后坑村,village,T1\n',
    )
    result = _admin(db, "import-grids", sheet)
    assert result.exit_code == 1, result.output
    assert "共 2 处问题" in result.output
    lines = [line.strip() for line in result.output.splitlines()[1:]]
    assert lines[0].startswith("第 2 行 level 列：“星球”不是网格层级")
    assert lines[1].startswith('第 3 行：这一行有一个引号（"）没有闭合')


# Each import's required columns: row 2 of "?" is wrong in each, row 3 opens a quote.
REQUIRED = {
    "import-grids": "code,name,level",
    "import-people": "id,name,role",
    "import-kinds": "code,zh,en",
    "import-levels": "code,zh,en,depth",
    "import-venues": "code,name,kind,grid",
    "import-checkpoints": "code,name,kind,grid",
    "import-routes": "code,name,grid,checkpoints,days,windows,people",
    "import-people-registry": "grid,household,name",
    "import-responsibilities": "cadre,grid,household",
}


def test_every_import_says_the_rows_before_a_quote_never_closed(tmp_path):
    db = _server(tmp_path)
    for command, header in REQUIRED.items():
        columns = header.count(",") + 1
        text = f'{header}\n{",".join("?" * columns)}\n"open{",x" * (columns - 1)}\n'
        result = _admin(db, command, _csv(tmp_path / "sheet.csv", text), lang="en")
        assert result.exit_code == 1, (command, result.output)
        assert "row 2" in result.output, (command, result.output)
        assert 'row 3: a quote (") on this row is never closed' in result.output, command
