"""What the checklist validation tests share: the problems in English, a good small-restaurant
checklist to break, the line a fragment is on, and the validator's errors for a text.

Test modules take the autouse `_english` fixture by importing it.
"""

from __future__ import annotations

from fieldapp.domain.checklist_toml import (
    ChecklistError,
    validate_checklist_text,
)

GOOD = """\
id = "small_restaurant"
version = 1
kinds = ["small_restaurant"]
title_zh = "小餐饮巡查表"
title_en = "Small restaurant checklist"

[[sections]]
code = "COM"
zh = "通用消防检查"
en = "Core checks"

[[sections.items]]
code = "COM-01"
zh = "灭火器数量达标"
en = "Extinguishers present (count)"
answer = "number"
severity = "general"
rectification_days = 3
photo = "on_fail"
min = 1

[[sections]]
code = "CAT"
zh = "小餐饮专项检查"
en = "Small restaurant checks"

[[sections.items]]
code = "CAT-01"
zh = "可燃气体报警器有效"
en = "Gas-leak detector working"
answer = "yesno"
severity = "general"
rectification_days = 7

[[sections.items]]
code = "CAT-02"
zh = "燃气软管无老化松脱"
en = "Gas hose sound and secure"
answer = "yesno"
severity = "general"
rectification_days = 1
"""


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `fragment`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def _errors(text: str) -> list[ChecklistError]:
    return validate_checklist_text(text, "small_restaurant.toml")
