"""The demo's hazard descriptions are what the hazard form generates when nothing is typed
(a failed item said as its requirement not met, the item's own wording being the
requirement), so they read in Chinese with full-width punctuation, and in English on an
English screen, as a real inspector's would."""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.services.demo.workspace import demo_description
from fieldapp.services.inspection.descriptions import item_text, shown
from fieldapp.store.models import Finding


def test_a_failed_exit_item_reads_as_the_requirement_not_met() -> None:
    assert demo_description("使用期间安全出口未锁闭、封堵", "Exits unlocked and clear") == (
        "未达标：使用期间安全出口未锁闭、封堵"
    )


def test_the_demo_hazards_use_chinese_punctuation(demo_home: Path) -> None:
    descriptions = [f.description for f in Finding.select(Finding.description)]
    assert descriptions
    for text in descriptions:
        assert not re.search(r"[\u4e00-\u9fff][,:;]", text), text
        assert "未落实" not in text, text


def test_the_demo_hazards_read_in_english_on_an_english_screen(demo_home: Path) -> None:
    findings = list(Finding.select())
    assert findings
    for finding in findings:
        _zh, en = item_text(finding)
        assert shown(finding, lang="en") == f"Not met: {en}", finding.description
