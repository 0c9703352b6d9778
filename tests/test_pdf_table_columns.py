"""The printed tables' columns are as wide as what they hold, measured with the font: the
monthly report's headings were printed a character or two a line ("检查" / "完成" / "率"),
the hand-over letter's "序号" as "序" / "号", a person's name broken "王" / "建国"; and an
emoji typed into a description printed as "□". Real PDFs read back with pypdf, line by
line as drawn (each drawn line is one piece of text at its place)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from fieldapp.reports import incident_letters, monthly
from fieldapp.reports.notices import (
    HandOverLetter,
    LetterFinding,
    VenueBlock,
    render_handover_letter,
)

pypdf = pytest.importorskip("pypdf")
try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

DAY = dt.date(2026, 6, 12)


def printed_lines(pdf: bytes) -> list[str]:
    """Every line drawn, in the order drawn, spaces at its ends taken off."""
    lines: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda text, *_: lines.append(text.strip()))
    return [line for line in lines if line]


def lines_of(text: str, lines: list[str]) -> int:
    """In how few consecutive drawn lines `text` is printed (0: nowhere)."""
    for count in range(1, len(text) + 1):
        if any("".join(lines[i : i + count]) == text for i in range(len(lines))):
            return count
    return 0


def month_row(code: str, name: str, depth: int) -> monthly.MonthlyRow:
    return monthly.MonthlyRow(code, name, "grid", depth, 12, 10, 8, 30, 28, 3, 1, 5, 4, 1, 3,
                              2, 1, 0, 14, 2, 1, 1, 1, 0,
                              rates={"inspections": 0.8, "activities": 2 / 3}, score=82.5)  # fmt: skip


def test_every_heading_of_the_monthly_report_is_printed_in_two_lines_at_most() -> None:
    rows = (month_row("T1", "鼎美村", 0), month_row("DM-G01", "鼎美村第一网格", 1))
    report = monthly.MonthlyReport("T1", "鼎美村", dt.date(2026, 6, 1), dt.date(2026, 6, 30),
                                   {"inspections": 30}, rows, "2026-07-01")  # fmt: skip
    lines = printed_lines(monthly.render_pdf(report))
    printed = {head: lines_of(head, lines) for head in monthly.headers("zh")}
    assert all(1 <= count <= 2 for count in printed.values()), printed
    assert lines_of("检查完成率", lines) == 2 and "完成率" in lines  # between words


def finding(n: int, description: str) -> LetterFinding:
    return LetterFinding("DM-0006", "惠民大排档", "ELE-02", "电气线路敷设规范，无私拉乱接",
                         "major", description, dt.date(2026, 6, 3), dt.date(2026, 6, 10),
                         ("2026-06-03 发现隐患 陈晓明", f"2026-06-12 移交 王建国 第{n}条"))  # fmt: skip


def letter(*descriptions: str) -> bytes:
    venue = VenueBlock("DM-0006", "鼎美村·惠民大排档", address="鼎美村人民路8号")
    findings = tuple(finding(n, d) for n, d in enumerate(descriptions, 1))
    return render_handover_letter(
        HandOverLetter("fire_brigade", "鼎网移〔2026〕7号", DAY, (venue,), findings, "王建国")
    )


def test_the_hand_over_letters_row_numbers_and_their_heading_are_not_broken() -> None:
    # Descriptions longer than the page is wide: the narrow columns get no more than
    # their longest word ("重大" was printed "重" / "大" in a column a rounding too narrow).
    lines = printed_lines(letter(*["灭火器过期，" + "后厨堆放杂物" * 12] * 12))
    assert "序号" in lines and "等级" in lines
    assert {"10", "11", "12"} <= set(lines)
    assert lines.count("重大") == 12


def test_a_persons_name_in_a_letters_table_is_printed_on_one_line() -> None:
    # Descriptions of every length across a line of the column: one of them puts a line's
    # end inside the name wherever a line may end at any character but a space.
    texts = [
        "后厨"
        + "灭火器过期未换" * (n // 7)
        + "灭火器过期未换"[: n % 7]
        + "，负责人：王建国，已告知"
        for n in range(40)
    ]
    for lines in (printed_lines(letter(*texts)), printed_lines(incident_letter(*texts))):
        whole = sum(line.count("王建国") for line in lines)  # printed on one line
        assert whole == "".join(lines).count("王建国") >= 40, whole


def incident_letter(*descriptions: str, people: str = "") -> bytes:
    incidents = tuple(
        incident_letters.LetterIncident("2026-02-11 06:40", "fireworks_sale", "鼎美村村口",
                                        d, people, "照片 3 张", ("2026-02-11 上报 陈晓明",))
        for d in descriptions
    )  # fmt: skip
    return incident_letters.render_incident_letter(
        incident_letters.IncidentLetter(
            "fire_brigade", "鼎综治移〔2026〕9号", DAY, incidents, "王建国"
        )  # fmt: skip
    )


def test_an_emoji_in_a_letter_is_marked_once_and_the_text_round_it_kept() -> None:
    printed = "".join(printed_lines(letter("插座🔥烧焦，已断电")))
    assert "插座[表情]烧焦，已断电" in printed
    assert "□" not in printed and "🔥" not in printed
    printed = "".join(printed_lines(incident_letter("路边摆摊销售烟花🎆🇨🇳👨‍👩‍👧，已劝离")))
    assert "烟花[表情][表情][表情]，已劝离" in printed and "□" not in printed


def test_a_letter_the_font_lacks_prints_as_a_box_and_an_emoji_as_a_marker() -> None:
    from fieldapp.reports.pdf_pages import PLACEHOLDER, drawable

    cmap = {ord(c): "glyph" for c in "王建国" + PLACEHOLDER}
    assert [drawable(c, cmap, "[表情]") for c in "王𠮷🔥☕\u200d\ufe0f"] == [
        "王",
        PLACEHOLDER,
        "[表情]",
        "[表情]",
        "",
        "",
    ]
