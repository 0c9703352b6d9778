"""The hand-over letter (移交抄告单) keeps its closing lines and the receiving unit's
signature with the last row of its table: a letter of five hazards put only
"接收单位（签收）： 年 月 日" on its second page. And a date or a reference number in a
hazard's history is never broken inside ("整改期限 2026-1" / "1-18", "GY-202" / "6-99")."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from fieldapp.reports.notices import HandOverLetter, LetterFinding, VenueBlock
from fieldapp.reports.notices import render_handover_letter as render

pypdf = pytest.importorskip("pypdf")
try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

DAY = dt.date(2026, 11, 18)
HISTORY = (  # as `history_lines` words them
    "2026-11-04 林秀英 发现隐患 整改期限 2026-11-18",
    "2026-11-19 陈晓明 移交 → 消防大队 · GY-2026-99 · 2026-11-19",
)


def letter(hazards: int, history: tuple[str, ...] = HISTORY) -> HandOverLetter:
    venue = VenueBlock("YM-0004", "芸美村·叶宅出租房(示例)", address="示例镇芸美村安民路282号")
    found = LetterFinding(venue.code, venue.name, "COM-09", "室内、门厅、楼道无电动车停放充电",
                          "major", "楼道内停放电动车三辆，其中一辆正在充电。", DAY, DAY, history)  # fmt: skip
    return HandOverLetter("fire_brigade", "GY-2026-99", DAY, (venue,), (found,) * hazards, "陈晓明")


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_the_signature_is_never_alone_on_a_page() -> None:
    for hazards in range(1, 12):
        texts = pages(render(letter(hazards)))
        last = texts[-1]
        assert "接收单位" in last, (hazards, texts)
        assert "COM-09" in last, (hazards, last)  # a row of the table with it


def test_dates_and_numbers_in_the_history_are_whole() -> None:
    # Names of every length before them: one of them puts a line's end inside the date or
    # the reference number where the line was cut at any character.
    history = tuple(
        f"2026-11-19 陈{'晓' * n}明 延长期限 整改期限 2026-11-18 移交 → 消防大队 · GY-2026-99"
        for n in range(12)
    )
    text = "\n".join(pages(render(letter(1, history))))
    lines = [line.strip() for line in text.splitlines()]
    for word in ("2026-11-18", "GY-2026-99", "2026-11-19"):
        whole = sum(line.count(word) for line in lines)
        assert whole == "".join(lines).count(word) >= 12, (word, lines)
