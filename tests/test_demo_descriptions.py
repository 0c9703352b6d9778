"""The demo's hazard descriptions read as Chinese: full-width punctuation, and a failed
item said as a requirement not met (the item's own wording is the requirement)."""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.services.demo.workspace import demo_description
from fieldapp.store.models import Finding


def test_a_failed_exit_item_reads_as_the_requirement_not_met() -> None:
    assert demo_description("使用期间安全出口未锁闭、封堵") == (
        "现场检查未达到要求：“使用期间安全出口未锁闭、封堵”。"
    )


def test_the_demo_hazards_use_chinese_punctuation(demo_home: Path) -> None:
    descriptions = [f.description for f in Finding.select(Finding.description)]
    assert descriptions
    for text in descriptions:
        assert not re.search(r"[\u4e00-\u9fff][,:;]", text), text
        assert "未落实" not in text, text
