"""The printed notices break Chinese lines by the rule the screens follow (避头尾): the
rectification notice (整改通知书) started a line with "。", fpdf cutting at any character.
And the hand-over letter says what a date in a hazard's history is: "发现隐患 → 2026-10-27"
read as an arrow to nowhere; it says "整改期限 2026-10-27"."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from fieldapp.domain.kinsoku import CLOSING, OPENING
from fieldapp.reports.notices import NoticeItem, RectificationNotice, VenueBlock, render_notice
from fieldapp.reports.text_fitting import broken_lines

pypdf = pytest.importorskip("pypdf")
try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

VENUE = VenueBlock(
    "DM-0006", "鼎美村·惠民大排档(示例)", address="鼎美村人民路8号", grid_name="鼎美村第二网格"
)


def printed_lines(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def notice(*descriptions: str) -> RectificationNotice:
    items = tuple(
        NoticeItem(
            "COM-04",
            "灭火器配置数量充足、压力正常、在有效期内",
            description,
            "general",
            dt.date(2026, 10, 27),
        )
        for description in descriptions
    )
    return RectificationNotice("N-1", VENUE, items, "陈晓明", dt.date(2026, 10, 20), "DM-0006")


def description(n: int) -> str:
    return "后厨" + "灭火器过期未换" * (n // 7) + "灭火器过期未换"[: n % 7] + "。需更换，并登记。"


# Lengths whose notice, cut at any character, starts a line with each closing mark it
# holds: "，" in the description (9), "、" in the item's name (13), "。" inside the
# description (15), its last "。" alone (30), and the "。" of the notice's own wording (all).
EACH_MARK_CUT = (9, 13, 15, 30)


def test_no_printed_line_of_a_notice_starts_with_a_closing_mark() -> None:
    # Descriptions of every length across a line of the table's description column, in
    # one notice (a page of rows, one render), and on their own the lengths that meet each
    # mark at a line's start where any character may be cut (each notice lays out its own
    # columns).
    notices = [notice(*(description(n) for n in range(8, 40)))]
    notices += [notice(description(n)) for n in EACH_MARK_CUT]
    starts = []
    for each in notices:
        starts += [line for line in printed_lines(render_notice(each)) if line[0] in CLOSING]
    assert starts == []


def test_measured_lines_keep_the_rule() -> None:
    text = "楼梯间堆放纸箱，堵塞疏散通道。后门锁闭（营业期间），须立即清理。共12处。" * 3
    measure = lambda s: 2.0 * len(s)  # noqa: E731  # every character alike, 2 mm
    for width in range(8, 60):
        lines = broken_lines(text, float(width), measure)
        assert "".join(lines) == text
        assert all(2.0 * len(line) <= width or len(line) == 1 for line in lines)
        assert not any(line[0] in CLOSING for line in lines[1:]), (width, lines)
        assert not any(line[-1] in OPENING for line in lines[:-1]), (width, lines)


def test_a_deadline_in_the_hand_over_letter_s_history_says_it_is_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from review_world import add_finding, build_world

    from fieldapp.domain.clock import today
    from fieldapp.reports.notices import render_handover_letter
    from fieldapp.services import review
    from fieldapp.services.documents import notices as documents
    from fieldapp.store import close_store

    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    world = build_world(tmp_path)
    try:
        deadline = today() - dt.timedelta(days=3)
        found = add_finding(world, "DM-0002", "COM-07", deadline=deadline)
        data = {"unit": "fire_brigade", "reference": "鼎网移〔2025〕7号"}
        assert all(r.applied for r in review.bulk_apply([found], "handed_over", "", data))
        letter = documents.handover_letter([found])
        printed = "".join("".join(printed_lines(render_handover_letter(letter))).split())
    finally:
        close_store()
    (history,) = [f.history for f in letter.findings]
    assert any(f"整改期限 {deadline.isoformat()}" in line for line in history), history
    assert not any(f"→ {deadline.isoformat()}" in line for line in history), history
    assert f"整改期限{deadline.isoformat()}" in printed
