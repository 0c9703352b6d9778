"""The sync screen's lines on the server's verdicts start with their mark and a space
(✔ 鼎美村…), as the inspection record's ✔ 扫码到场… does: ✔鼎美村… ran the mark into
the venue's name."""

from __future__ import annotations

import pytest

from fieldapp.i18n import set_language
from fieldapp.tui.screens.sync import verdict_lines
from sync.client.base import Verdict

VENUE = "鼎美村·福顺小旅馆(示例)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_verdict_line_is_its_mark_a_space_and_the_venue(lang: str) -> None:
    set_language(lang)
    try:
        lines = verdict_lines(
            [
                Verdict("i1", VENUE, "verified", "", "2026-12-07T00:31:00Z"),
                Verdict("i2", VENUE, "unverified", "forged", "2026-12-07T00:32:00Z"),
            ]
        )
    finally:
        set_language("zh")
    assert [line[: 2 + len(VENUE)] for line in lines[1:]] == [
        f"⚠ {VENUE}",
        f"✔ {VENUE}",
    ]
