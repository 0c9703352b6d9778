"""Text fitted into a width on a printed page: broken into lines, or its size lowered,
measured by the backend that draws it (fpdf for the PDF, Pillow for the PNG)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fieldapp.domain.kinsoku import OPENING, settled_break

# Chinese characters (ideographs, their marks and the full-width forms), which a line may
# break between, against the Latin letters, digits and signs of a word it may not.
CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What a line is not broken inside: a date written in Chinese (2026年6月10日), a Latin
# word or number (2026-06-10, GY-2026-99), and a run of two to four Chinese characters
# standing alone between spaces or marks: a person's name (王建国, 欧阳建国), a role.
UNBREAKABLE = re.compile(
    rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日|[^\s{CJK}]+"
    rf"|(?<![{IDEOGRAPH}])[{IDEOGRAPH}]{{2,4}}(?![{IDEOGRAPH}])"
)

# More characters than a line of a page holds: a line is looked for among these, so a
# paragraph of any length costs about its own length to break.
LINE_MOST = 400
Measure = Callable[[str, float], float]  # (text, size in pt) -> width in mm


def fitting(text: str, size: float, width: float, measure: Measure) -> int:
    """How many leading characters of text fit in width (at least one). A binary search:
    a name of any length costs a few measurements, where shortening it one character at a
    time and measuring again hung on a name of 50,000 characters."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle], size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(text: str, size: float, width: float, measure: Measure, max_lines: int) -> list[str]:
    """Break text (CJK: anywhere; Latin: at spaces when possible) into lines that fit."""
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < max_lines:
        if measure(rest, size) <= width:
            lines.append(rest)
            return lines
        cut = fitting(rest, size, width, measure)
        space = rest.rfind(" ", 0, cut)
        if space > cut // 2:
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest and lines:  # did not fit: end the last line with an ellipsis
        last = lines[-1]
        while last and measure(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def fit_size(text: str, start: float, smallest: float, width: float, measure: Measure) -> float:
    """The largest size from `start` down to `smallest` (whole points) at which text fits."""
    size = start
    while size > smallest and measure(text, size) > width:
        size -= 1
    return size


def broken_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """`text` as the lines it takes in `width` (mm), each paragraph broken where it must:
    Latin at a space when one is near, Chinese at any character but by the rule of Chinese
    line breaking (no line starts with "。" or "，", none ends with "（"), and neither
    inside a word (`UNBREAKABLE`: a date, a number, a name) that a line holds."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start = 0
        while (window := paragraph[start : start + LINE_MOST]) != paragraph[start:] or (
            measure(window) > width
        ):
            cut = start + fitting(window, 0, width, lambda t, _size: measure(t))
            cut = _before_word(paragraph, start, cut)
            space = paragraph.rfind(" ", start, cut)
            if space >= start + (cut - start) // 2 and space > start:
                cut = space
            else:
                cut = _settled(paragraph, start, cut)
            lines.append(paragraph[start:cut].rstrip())
            start = cut + (paragraph[cut] == " ")
        lines.append(paragraph[start:])
    return lines


def _settled(text: str, start: int, cut: int) -> int:
    """The break at `cut` moved earlier by the rule of Chinese line breaking and then out
    of any word it falls in, until both hold: "负责人：王建国，" broke "王建" / "国，"."""
    while cut > start + 1:
        settled = settled_break(text, start, cut)
        cut = _before_word(text, start, settled)
        if cut == settled:
            break
    return cut


def _before_word(text: str, start: int, cut: int) -> int:
    """`cut`, or the start of the word it falls inside (`UNBREAKABLE`: "2026-11-18",
    "GY-2026-99", a name "王建国"; with an opening mark before it) when that word starts
    after `start`: the letter's history read "整改期限 2026-1" / "1-18", a name "王" /
    "建国". A word wider than a line is still cut where it must."""
    if cut >= len(text):
        return cut
    for word in UNBREAKABLE.finditer(text, start, cut + LINE_MOST):
        if word.start() < cut < word.end():
            begin = word.start()
            while begin > start and text[begin - 1] in OPENING:
                begin -= 1
            return begin if begin > start else cut
        if word.start() >= cut:
            break
    return cut
