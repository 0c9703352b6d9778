"""Wrapped Chinese keeps its punctuation in place (fieldapp.tui.kinsoku): no line starts
with a closing mark nor ends with an opening one; English wraps as rich wraps it."""

from __future__ import annotations

import random

import pytest
from rich import text as rich_text
from rich._wrap import divide_line
from rich.cells import cell_len
from textual import content

from fieldapp.tui import kinsoku
from fieldapp.tui.kinsoku import CLOSING, OPENING, divide_cjk, wrap_cjk, wrap_offsets

HANZI = "灭火器应放置在明显便于取用的位置并保持通道畅通检查压力表指针"
MARKS = "，。、；：？！"


def chinese(rng: random.Random, length: int) -> str:
    """Chinese as written: a mark after some characters, brackets around a few, numbers."""
    parts: list[str] = []
    while sum(map(len, parts)) < length:
        parts.append("".join(rng.choice(HANZI) for _ in range(rng.randint(1, 12))))
        kind = rng.random()
        if kind < 0.15:
            parts.append(f"（{rng.choice(HANZI)}{rng.randint(1, 999)}{rng.choice(HANZI)}）")
        elif kind < 0.25:
            parts.append("「" + "".join(rng.choice(HANZI) for _ in range(3)) + "」。")
        elif kind < 0.3:
            parts.append(f"共{rng.randint(10, 99999)}，")
        else:
            parts.append(rng.choice(MARKS))
    return "".join(parts)


def broken_rule(lines: list[str]) -> list[str]:
    return [
        line
        for n, line in enumerate(lines)
        if (n and line[:1] in CLOSING) or (n < len(lines) - 1 and line[-1:] in OPENING)
    ]


@pytest.mark.parametrize("seed", range(40))
def test_no_line_starts_with_a_closing_mark_nor_ends_with_an_opening_one(seed: int) -> None:
    rng = random.Random(seed)
    text = chinese(rng, rng.randint(20, 400))
    for width in range(6, 81):
        lines = wrap_cjk(text, width)
        assert broken_rule(lines) == [], (width, lines)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert "".join(lines) == text  # nothing lost, nothing added


def test_the_card_sentence_that_showed_a_comma_first() -> None:
    text = "灭" * 19 + "，请保持通道畅通（不少于1.5米）。"
    assert divide_line(text, 38) == [19]  # as Textual cut it: "，请保持…" began a line
    assert wrap_cjk(text, 38) == ["灭" * 18, "灭，请保持通道畅通（不少于1.5米）。"]


def test_a_number_or_latin_word_before_the_mark_goes_down_whole() -> None:
    text = "灭火器共" + "火" * 4 + "12，请检查"
    assert divide_line(text, 19) == [10]  # "，请检查" would begin a line
    # ... with the two characters written against it (a label: "截止18:00", "共12处")
    assert wrap_cjk(text, 19) == ["灭火器共火火", "火火12，请检查"]


def test_an_opening_mark_goes_down_to_what_it_opens() -> None:
    text = "灭" * 9 + "（不少于两具）"
    assert wrap_cjk(text, 20) == ["灭" * 9, "（不少于两具）"]


def test_a_line_of_marks_alone_is_cut_where_it_must() -> None:
    assert wrap_cjk("。" * 12, 10) == ["。" * 5, "。" * 5, "。" * 2]


@pytest.mark.parametrize("seed", range(20))
def test_english_wraps_as_rich_wraps_it(seed: int) -> None:
    rng = random.Random(seed)
    words = ["Extinguisher", "the", "counter,", "(expired)", "in", "March;", "a" * 30]
    text = " ".join(rng.choice(words) for _ in range(60))
    for width in range(1, 81):
        for fold in (True, False):
            assert wrap_offsets(text, width, fold) == divide_line(text, width, fold=fold)


@pytest.mark.parametrize("seed", range(20))
def test_where_no_mark_lies_at_a_cut_the_cuts_are_the_plain_filling_s(seed: int) -> None:
    rng = random.Random(seed)
    text = chinese(rng, 300).replace("（", " ").replace("」", "」 ")
    for width in range(6, 81):
        cuts = divide_cjk(text, width)
        if not any(text[c] in CLOSING or text[c - 1] in OPENING for c in cuts):
            assert wrap_offsets(text, width) == cuts, width


def test_wrapping_reads_the_text_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Linear: every line is wrapped from a window about its own length, never from the
    rest of the text."""
    read: list[int] = []

    def counted(text: str, width: int, fold: bool = True) -> list[int]:
        read.append(len(text))
        return divide_line(text, width, fold=fold)

    monkeypatch.setattr(kinsoku, "divide_cjk", counted)
    text = chinese(random.Random(7), 20_000)
    lines = wrap_cjk(text, 40)
    assert len(lines) > 900
    assert sum(read) < 8 * len(text)


def test_chinese_after_a_space_fills_the_line_instead_of_going_down_whole() -> None:
    """The activity form's note at 80×24: rich breaks only at spaces, so everything after
    "至 " was one word and the first line ended at 40 of its 74 cells."""
    text = (
        "2026-12-06 已过按时期限（2026-11-09 至 2026-11-15），算迟报；请在“迟报原因”中"
        "写明为何推迟（至少两个字或四个字母），或改填期限内的日期"
    )
    assert wrap_cjk(text, 74) == [
        "2026-12-06 已过按时期限（2026-11-09 至 2026-11-15），算迟报；请在“迟报原",
        "因”中写明为何推迟（至少两个字或四个字母），或改填期限内的日期",
    ]


def test_a_deadline_stays_with_its_word() -> None:
    """The daily report's heading: "截止" / "18:00" reads as a cut sentence."""
    text = "鼎美村（T01-DM） 2026-06-10 日报，截止18:00"
    assert wrap_cjk(text, 38) == ["鼎美村（T01-DM） 2026-06-10 日报，", "截止18:00"]


def test_a_count_stays_with_the_word_it_counts() -> None:
    """The daily report's box at 60×20 read "事件：2" / "起（违规燃放烟花爆竹"."""
    text = "事件：2 起（违规燃放烟花爆竹 1）"
    assert wrap_cjk(text, 26) == ["事件：2 起（违规燃放烟花爆", "竹 1）"]
    assert wrap_cjk(text, 8) == ["事件：", "2 起（违", "规燃放烟", "花爆竹", "1）"]


def test_a_file_name_stays_whole() -> None:
    """The export's refusal at 80×24 read "（例如 台账." / "xlsx）": a file name is not cut
    at its dot, neither where it would fit nor where a closing mark after it moves it."""
    text = "无法写入「/tmp/out」：这是一个文件夹。请在文件夹后面写上文件名（例如 台账.xlsx）。"
    for width in range(14, 81):
        lines = wrap_cjk(text, width)
        assert any("台账.xlsx" in line for line in lines), (width, lines)
    assert wrap_cjk(text, 40)[-1] == "台账.xlsx）。"


def test_install_hooks_textual_s_wrapping_once() -> None:
    assert kinsoku.install()
    assert kinsoku.install()
    assert content.divide_line is wrap_offsets  # type: ignore[attr-defined]
    assert rich_text.divide_line is wrap_offsets  # type: ignore[attr-defined]


@pytest.mark.usefixtures("english")
def test_an_aside_s_short_last_word_takes_the_word_before_it_down() -> None:
    """F8's card in English read "Activities: 1 (11·9 fire-safety day" / "1)"."""
    from fieldapp.i18n import t

    said = t("report.activities", count=1, types="11·9 fire-safety day 1")
    assert said == "Activities: 1 (11·9 fire-safety day 1)"
    for width in range(len(said) - 12, len(said)):
        lines = wrap_cjk(said, width)
        assert all(len(line) > 2 for line in lines), (width, lines)
