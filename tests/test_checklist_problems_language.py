"""A checklist file's problems speak the CLI's language: Chinese by default (the office
works in Chinese), English with --lang en. The file, line, item code and TOML key names
stay as the file writes them: they are what the author must type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.checklist_toml import ChecklistInvalid, validate_checklist_text
from fieldapp.i18n import set_language
from fieldapp.paths import CHECKLISTS_DIR

HOTEL = (CHECKLISTS_DIR / "hotel.toml").read_text(encoding="utf-8")
# An English sentence: three words of letters in a row ("missing required key").
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")


def _broken(tmp_path: Path) -> Path:
    """hotel.toml with no kinds, a duplicate item code and a condition naming no item."""
    text = HOTEL.replace('kinds = ["hotel"]\n', "", 1)
    text = text.replace('code = "COM-02"', 'code = "COM-01"', 1)
    text = text.replace('show_if = "venue.has_gas"', 'show_if = "NOPE-01 == true"', 1)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def test_validate_in_chinese_words_every_problem_in_chinese(tmp_path: Path) -> None:
    bad = _broken(tmp_path)
    result = CliRunner().invoke(main, ["checklist", "validate", str(bad)])
    assert result.exit_code == 1
    dup = _line_of(bad, 'code = "COM-01"', 2)
    assert f"{bad} 第 1 行：缺少必填的键 kinds：请补上" in result.output
    assert (
        f"{bad} 第 {dup} 行（COM-01）：检查项编码重复：同一检查表中每个编码只能用一次，"
        "请改用另一个编码" in result.output
    )
    assert "1 个文件有错误，未通过校验" in result.output
    for line in result.output.splitlines():
        assert not ENGLISH_SENTENCE.search(line), line


def test_validate_in_english_keeps_the_compiler_like_lines(tmp_path: Path) -> None:
    bad = _broken(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "en", "checklist", "validate", str(bad)])
    assert result.exit_code == 1
    dup = _line_of(bad, 'code = "COM-01"', 2)
    assert f'{bad}:1: missing required key "kinds"' in result.output
    assert f"{bad}:{dup}: COM-01: duplicate item code" in result.output
    assert not re.search(r"[\u4e00-\u9fff]", result.output.replace(str(bad), ""))


def test_a_bad_condition_says_where_and_why_in_both_languages(tmp_path: Path) -> None:
    """Kinds restored: the conditions are checked, and their problem is worded anew in
    whichever language reads it."""
    text = HOTEL.replace('show_if = "venue.has_gas"', 'show_if = "venue.floors >"', 1)
    (error,) = validate_checklist_text(text, "hotel.toml")
    set_language("zh")
    assert (
        error.message
        == "show_if 的条件有误，第 15 个字符处：这里应为一个值，实际是表达式末尾："
        + ("请补上检查项编码、数字或带引号的文字")
    )
    set_language("en")
    assert error.message == "show_if: column 15: expected a value, found the end"
    assert str(error).startswith(f"hotel.toml:{error.line}: COM-17: show_if: column 15")


def test_a_sheet_problem_names_its_cell_in_chinese() -> None:
    from fieldapp.domain.checklist_sheet import checklist_from_rows

    meta = [["key", "value"], ["id", "x"], ["version", "one"]]
    with pytest.raises(ChecklistInvalid) as refused:
        checklist_from_rows(meta, [["section", "code", "answr"]], "F.xlsx")
    set_language("zh")
    assert "F.xlsx 的 items!C1 单元格：不认识的列 'answr'：请检查表头拼写，或删去这一列" in str(
        refused.value
    )
    set_language("en")
    assert "F.xlsx!items!C1: unknown column 'answr'" in str(refused.value)
