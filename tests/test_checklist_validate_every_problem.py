"""`fieldapp checklist validate` reports every problem of a file in one run: a wrong
severity or key no longer hides the conditions' problems (an office fixed a file, ran
it again, and only then learnt of a show_if naming a missing item). A condition that
uses an item whose answer is wrong waits for that answer, rather than being reported
against a type that is a guess."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from fieldapp.cli import main

BROKEN = """\
id = "demo_shop"
version = 1
kinds = ["small_shop"]
title_zh = "演示检查表"
title_en = "Demo checklist"

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量"
en = "Extinguishers"
answer = "number"
severity = "critical"
rectification_days = 3
fail_if = "value < 2"

[[sections.items]]
code = "COM-02"
zh = "疏散通道畅通"
en = "Exits clear"
answer = "yesno"
severity = "general"
rectification_days = 3
show_if = "COM-09 == true"

[[sections.items]]
code = "COM-03"
zh = "电线穿管"
en = "Wiring in conduit"
answer = "yesno"
severity = "none"
fail_if = "value === 1"

[[sections.items]]
code = "COM-04"
zh = "燃气瓶数量"
en = "Gas cylinders"
answer = "numbr"
severity = "none"
fail_if = "value > 1"

[[sections.items]]
code = "COM-05"
zh = "燃气瓶直立"
en = "Cylinders upright"
answer = "yesno"
severity = "none"
show_if = "COM-04 > 0"

[[sections]]
code = "xx"
zh = "其他"
en = "Other"

[[sections.items]]
code = "XX-01"
zh = "值班记录"
en = "Duty log"
answer = "yesno"
sevrity = "none"
required_if = "COM-01 >= 3"
"""


SECTION_XX = 'code = "xx"'


def _validate(tmp_path: Path, *lang: str):
    path = tmp_path / "demo_shop.toml"
    path.write_text(BROKEN, encoding="utf-8")
    return path, CliRunner().invoke(main, [*lang, "checklist", "validate", str(path)])


def _line(needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(BROKEN.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def test_structure_and_condition_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    path, result = _validate(tmp_path)
    assert result.exit_code == 1
    at = f"{path} 第 "
    expected = [
        f"{at}{_line('critical')} 行（COM-01）：severity 只能是 general、major、none 中的一个",
        f"{at}{_line('COM-09')} 行（COM-02）：show_if 的条件有误，第 1 个字符处："
        "检查表中没有编码为 COM-09 的检查项：请核对编码",
        f"{at}{_line('===')} 行（COM-03）：fail_if 的条件有误，第 9 个字符处：单个 = 不是比较",
        f"{at}{_line('===')} 行（COM-03）：fail_if 只用于 answer 为 number、date 或 text 的检查项："
        "请删去 fail_if，或改 answer",
        f"{at}{_line('numbr')} 行（COM-04）：answer 只能是 ",
        f"{at}{_line(SECTION_XX)} 行（xx）：分节编码",
        f"{at}{_line('sevrity')} 行（XX-01）：",
    ]
    for line in expected:
        assert line in result.output, (line, result.output)
    # COM-04's answer is wrong: neither its fail_if nor COM-05's show_if (which uses it)
    # is checked against a type guessed for it.
    assert f"{at}{_line('value > 1')} 行" not in result.output
    assert f"{at}{_line('COM-04 > 0')} 行" not in result.output
    assert "1 个文件有错误，未通过校验" in result.output


def test_every_problem_is_reported_in_english_too(tmp_path: Path) -> None:
    path, result = _validate(tmp_path, "--lang", "en")
    assert result.exit_code == 1
    assert f"{path}:{_line('critical')}: COM-01: severity must be one of" in result.output
    assert f'{path}:{_line("COM-09")}: COM-02: show_if: column 1: unknown item code "COM-09"' in (
        result.output
    )
    assert f"{path}:{_line('===')}: COM-03: fail_if: column 9:" in result.output
    assert not re.search(r"[\u4e00-\u9fff]", result.output.replace(str(path), ""))
