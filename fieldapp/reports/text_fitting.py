"""Text fitted into a width on a printed page: broken into lines, or its size lowered,
measured by the backend that draws it (fpdf for the PDF, Pillow for the PNG)."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.kinsoku import settled_break

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
    line breaking (no line starts with "。" or "，", none ends with "（")."""
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
            elif cut > start + 1:
                cut = settled_break(paragraph, start, cut)
            lines.append(paragraph[start:cut].rstrip())
            start = cut + (paragraph[cut] == " ")
        lines.append(paragraph[start:])
    return lines


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()


def _before_word(text: str, start: int, cut: int) -> int:
    """`cut`, or the start of the Latin word or number it falls inside ("2026-11-18",
    "GY-2026-99") when that word starts after `start`: the letter's history read
    "整改期限 2026-1" / "1-18". A word wider than a line is still cut where it must."""
    if cut >= len(text) or not (_latin(text[cut - 1]) and _latin(text[cut])):
        return cut
    word = cut - 1
    while word > start and _latin(text[word - 1]):
        word -= 1
    return word if word > start else cut
