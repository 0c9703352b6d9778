"""A printed table's columns measured from what they hold, with the font that draws them:
each column at least as wide as its longest word (a whole name, a date, a number, a code)
and its heading in at most two lines broken between words, the page's width shared out
by how much each column would take unbroken.

Fixed widths were given before, and a reader saw the hand-over letter's "序号" printed as
"序" / "号", a name as "王" / "建国", and the monthly report's headings a character or
two a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.reports.text_fitting import IDEOGRAPH, UNBREAKABLE

Measure = Callable[[str], float]  # text -> width in mm, at one size
WORD = re.compile(rf"{UNBREAKABLE.pattern}|\S")
_RUNS = re.compile(rf"[{IDEOGRAPH}]+|[^{IDEOGRAPH}]+")
HEADING_LINES = 2
BODY_SIZE = 9.5  # pt, a table's text
PADDING = 1.2  # mm inside a table's cell
SLACK = 0.05  # mm more than the text measures, so that a rounding does not break a word


def words(text: str) -> list[str]:
    """The parts of a cell's text a line is not broken inside (`UNBREAKABLE`), and each
    other character (Chinese running text breaks anywhere)."""
    return WORD.findall(text)


def heading_words(text: str) -> list[tuple[str, bool]]:
    """A heading's words, each with whether a space comes before it: Latin words at their
    spaces; Chinese in words of two characters ("应报天数" is 应报 天数; "检查完成率" 检查
    完成率: an odd last character stays with the word before), three or fewer kept whole."""
    found: list[tuple[str, bool]] = []
    for token in text.split():
        pieces: list[str] = []
        for run in _RUNS.findall(token):
            if not re.match(rf"[{IDEOGRAPH}]", run):
                pieces[-1:] = [(pieces[-1] if pieces else "") + run]
                continue
            pairs = [run[i : i + 2] for i in range(0, len(run), 2)] if len(run) > 3 else [run]
            if len(pairs[-1]) == 1 and len(pairs) > 1:
                pairs[-2:] = [pairs[-2] + pairs[-1]]
            pieces += pairs
        found += [(piece, n == 0 and bool(found)) for n, piece in enumerate(pieces)]
    return found


def heading_lines(text: str, room: float, measure: Measure) -> list[str]:
    """The heading broken between its words into lines `room` mm wide; a word wider than
    `room` on a line of its own."""
    lines: list[str] = []
    for word, spaced in heading_words(text):
        joined = f"{lines[-1]}{' ' if spaced else ''}{word}" if lines else word
        if lines and measure(joined) <= room:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def heading_least(text: str, measure: Measure, most_lines: int | None = HEADING_LINES) -> float:
    """The narrowest width in which the heading takes at most `most_lines` lines, broken
    between words (None: its widest word)."""
    found = heading_words(text)
    widest = max((measure(word) for word, _ in found), default=0.0)
    if most_lines is None or len(found) <= 1:
        return widest
    tried = sorted({w for i in range(len(found)) for j in range(i + 1, len(found) + 1)
                    if (w := measure(_joined(found[i:j]))) >= widest})  # fmt: skip
    for width in tried:
        if len(heading_lines(text, width, measure)) <= most_lines:
            return width
    return tried[-1]


def _joined(found: Sequence[tuple[str, bool]]) -> str:
    return "".join((" " if spaced and n else "") + word for n, (word, spaced) in enumerate(found))


def shared_out(least: Sequence[float], most: Sequence[float], total: float) -> tuple[float, ...]:
    """`total` mm shared among columns: each gets its `least`, and what is left goes to
    each by how much more it would take unbroken (`most`); room left over when every one
    has its `most`, by their `most`. Where even the least is too wide, all are narrowed
    alike (a word wider than its column is then cut)."""
    low, high = sum(least), sum(most)
    if high <= total:
        return tuple(m + (total - high) * m / high for m in most) if high else tuple(most)
    if low >= total:
        return tuple(w * total / low for w in least)
    share = (total - low) / (high - low)
    return tuple(w + (m - w) * share for w, m in zip(least, most, strict=True))


def cell_inset(pdf: Any, padding: float) -> float:
    """What a table's cell takes from its width besides the text: the padding on either
    side and the line drawn round it (fpdf leaves out its cell margin)."""
    return 2 * padding + pdf.line_width + 0.1


def sized(pdf: Any, size: float) -> Measure:
    """Text widths at `size` pt in the PDF's font."""

    def measure(text: str) -> float:
        pdf.set_font_size(size)
        return float(pdf.get_string_width(text))

    return measure


def column_widths(
    pdf: Any, head: Sequence[str], rows: Sequence[Sequence[str]], *, total: float = 0.0,
    head_size: float | None = None, body_size: float = BODY_SIZE, padding: float = PADDING,
) -> tuple[float, ...]:  # fmt: skip
    """Widths for the table's columns, `total` mm in all (default: across the page between
    its margins), see the module's docstring; the heading at `head_size` (default: the
    body's)."""
    total = total or pdf.w - pdf.l_margin - pdf.r_margin
    inset = cell_inset(pdf, padding) + SLACK
    heading, body = sized(pdf, head_size or body_size), sized(pdf, body_size)
    least, most = [], []
    for column, title in enumerate(head):
        cells = [row[column] for row in rows]
        word = max(map(body, {w for text in cells for w in words(text)}), default=0.0)
        line = max((body(part) for text in cells for part in text.split("\n")), default=0.0)
        least.append(max(heading_least(title, heading), word) + inset)
        most.append(max(heading(title), line) + inset)
    pdf.set_font_size(body_size)
    return shared_out(least, most, total - SLACK)  # fpdf refuses a hair wider than the page


def heading_cells(pdf: Any, head: Sequence[str], widths: Sequence[float], size: float,
                  padding: float) -> list[str]:  # fmt: skip
    """The headings broken into the lines they take in their columns."""
    room = [w - cell_inset(pdf, padding) for w in widths]
    measure = sized(pdf, size)
    return ["\n".join(heading_lines(t, r, measure)) for t, r in zip(head, room, strict=True)]
