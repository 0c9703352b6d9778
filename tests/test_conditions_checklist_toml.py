"""`checklist validate` on conditions in a TOML file: a conditional checklist loads, and each
error points at its line, repeat counts and references from outside included.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.checklist import Checklist
from fieldapp.domain.conditions import Context, form_state

pytestmark = pytest.mark.usefixtures("english")


# --- `checklist validate`: conditions in a TOML file, with their lines --------------------

CONDITIONAL = """\
id = "small_restaurant"
version = 2
kinds = ["small_restaurant"]
title_zh = "小餐饮巡查表"
title_en = "Small restaurant checklist"

[params]
min_extinguishers = 2

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量"
en = "Extinguishers (count)"
answer = "number"
severity = "general"
rectification_days = 3
fail_if = "value < param.min_extinguishers"

[[sections.items]]
code = "COM-17"
zh = "燃气类型"
en = "Gas in use"
answer = "choice"
severity = "none"
options = [{ value = "无" }, { value = "管道气" }, { value = "瓶装气" }]

[[sections]]
code = "CAT"
zh = "燃气"
en = "Gas"
show_if = 'COM-17 != "无"'

[[sections.items]]
code = "CAT-01"
zh = "可燃气体报警器"
en = "Gas alarm"
answer = "choice"
severity = "general"
rectification_days = 7
options = [
  { value = "已安装且有效", outcome = "pass" },
  { value = "未安装", outcome = "major" },
  { value = "已安装但损坏", outcome = "general" },
]
required_if = 'COM-17 == "瓶装气"'
"""


def test_a_conditional_checklist_loads() -> None:
    from fieldapp.domain.checklist_toml import load_checklist_text

    checklist = load_checklist_text(CONDITIONAL, "small_restaurant.toml")
    assert checklist.params == {"min_extinguishers": 2.0}
    alarm = checklist.item("CAT-01")
    assert alarm.outcomes == ("pass", "major", "general")
    assert alarm.required_if == 'COM-17 == "瓶装气"'
    assert checklist.item("COM-17").outcomes == ()  # plain options propose nothing
    assert checklist.sections[1].show_if == 'COM-17 != "无"'
    assert Checklist.from_dict(checklist.to_dict()) == checklist
    state = form_state(checklist, {"COM-17": ("value", "无")}, Context())
    assert state.visible == ("COM-01", "COM-17")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "show_if = 'COM-17 != \"无\"'",
            "show_if = 'CAT-01 == \"无\"'",
            "CAT: show_if: column 1: CAT-01 refers to itself (a cycle)",
        ),
        (
            'fail_if = "value < param.min_extinguishers"',
            "show_if = \"COM-17 == 'x'\"",
            "COM-01: show_if: column 1: COM-17 comes later in the checklist",
        ),
        (
            "required_if = 'COM-17 == \"瓶装气\"'",
            "required_if = 'COM-18 == \"瓶装气\"'",
            'CAT-01: required_if: column 1: unknown item code "COM-18"',
        ),
        (
            'fail_if = "value < param.min_extinguishers"',
            'fail_if = "value < param.min_fire"',
            'COM-01: fail_if: column 9: unknown parameter "param.min_fire"',
        ),
        (
            '{ value = "未安装", outcome = "major" }',
            '{ value = "未安装", outcome = "fatal" }',
            'CAT-01: option "未安装": outcome must be one of',
        ),
    ],
)
def test_validate_points_at_the_line(old: str, new: str, message: str) -> None:
    """Each error names the file, the line of the key to fix, the code and the column."""
    from fieldapp.domain.checklist_toml import validate_checklist_text

    assert old in CONDITIONAL
    text = CONDITIONAL.replace(old, new)
    lines = text.splitlines()
    at = next(n for n, t in enumerate(lines, 1) if new in t)
    key = "options" if new.startswith("{") else new.split(" =")[0]
    line = max(n for n, t in enumerate(lines[:at], 1) if t.startswith(key))
    errors = validate_checklist_text(text, "f.toml")
    assert [f"f.toml:{line}: {message}" in str(e) for e in errors] == [True], errors


def test_validate_repeat_counts_and_references_from_outside() -> None:
    from fieldapp.domain.checklist_toml import validate_checklist_text

    rooms = CONDITIONAL.replace(
        "show_if = 'COM-17 != \"无\"'", 'show_if = \'COM-17 != "无"\'\nrepeat = "COM-01"'
    )
    assert validate_checklist_text(rooms, "f.toml") == []
    bad_count = rooms.replace('repeat = "COM-01"', 'repeat = "COM-17"')
    assert any(
        "repeat: the count must be a number, not a text" in str(e)
        for e in validate_checklist_text(bad_count, "f.toml")
    )
    outside = rooms + (
        '\n[[sections]]\ncode = "XYZ"\nzh = "x"\nen = "x"\n\n[[sections.items]]\n'
        'code = "XYZ-01"\nzh = "x"\nen = "x"\nanswer = "yesno"\nseverity = "none"\n'
        "show_if = 'CAT-01 == \"未安装\"'\n"
    )
    assert any(
        "CAT-01 is asked once per instance of a repeated section" in str(e)
        for e in validate_checklist_text(outside, "f.toml")
    )
