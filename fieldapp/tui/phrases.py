"""Chinese broken where a phrase ends, at the width it is drawn at.

Textual breaks a run of Chinese (no spaces) between any two characters: "隐患复查只对网格长
和管理员开放；您负" / "责的隐患在…". Where a message's lines were known, the catalogue put
the break in by hand (295cd7c, b686188); a toast's or a status line's width is only known
as it is drawn, so `PhraseBroken` breaks its text for the width it is drawn at: after a
phrase's end (，。；：、！？ and the closing marks that follow them), at a space after
" · " or a closed aside "（…） ", or at a space between Latin words, as long as the next
phrase then fits on a line of its own; a phrase longer than a whole line is still broken
by the rule every screen follows
(`fieldapp.tui.kinsoku`), but never between a number and the character after it ("…、0" /
"条随访记录") nor at a space that leaves a label short on its line ("本机 18:03" /
"已同步，…"). Text without those marks (English) wraps as Textual wraps it.

In either language a file path or a date is never broken inside: one that does not fit
the rest of a line starts the next, and a path longer than a whole line is broken after
a "/" (a toast at 80 columns read "…/exports/mo" / "nthly-report-T01-2026-12.xlsx").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from fieldapp.domain.kinsoku import ASIDE, CLOSING, OPENING
from fieldapp.tui.kinsoku import wrap_offsets

# Not "、": it parts the items of a list inside a phrase; a line that ended after "从检查、"
# left "巡逻或查找场所…" to the next and the first line half empty.
PHRASE_ENDS = "，。；：！？"
SEPARATORS = "·）)"
_PHRASE_END = re.compile(f"[{PHRASE_ENDS}]|[{SEPARATORS}] ")
# A path (a run of name characters holding a separator) or a date ("2026-12-06").
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_PATH = re.compile(r"(?:[A-Za-z]:)?[\w.~@+-]*(?:[/\\][\w.~@+-]*)+")
# A name said between spaces in a Chinese message ("已提交 老渡口农贸市场·宏达母婴店(示例)
# 的巡查"): a run with a Chinese character and no phrase's end, of up to `NAME_MAX`
# characters, which a toast broke as "宏达母婴店(示" / "例) 的巡查".
NAME_MAX = 24
_NAME = re.compile(rf"(?<!\S)(?=[^\s]*[\u3400-\u9fff])[^\s{PHRASE_ENDS}、]{{2,{NAME_MAX}}}(?!\S)")


def _phrase_bounds(text: str) -> list[int]:
    """Where a line may end: after a phrase's end and the closing marks that follow it
    ("。" or "。”"), and at a space between two Latin words (not at the spaces around a
    Latin word in Chinese: "按 F12 重新同步" is one phrase); the end of `text` last."""
    bounds = [
        i
        for i in range(1, len(text))
        if not text[i].isspace()
        and text[i] not in CLOSING
        and (
            _between_latin_words(text, i) or _after_phrase_end(text, i) or _after_separator(text, i)
        )
    ]
    return [*bounds, len(text)]


def _after_separator(text: str, i: int) -> bool:
    """Whether spaces end right before `i` after a separator (`SEPARATORS`): the parts of
    a line apart ("农贸市场 · 老渡口…") or an aside closed ("鼎美村第一网格（T01-DM-1）
    2026-12-07 日报"), which read "…农贸市" / "场" and "…日" / "报" broken inside a word."""
    if not text[i - 1].isspace():
        return False
    before = text[:i].rstrip()
    return bool(before) and before[-1] in SEPARATORS


def _between_latin_words(text: str, i: int) -> bool:
    """Whether spaces end right before `i` with a narrow character on both sides."""
    if not text[i - 1].isspace():
        return False
    before = text[:i].rstrip()
    return bool(before) and cell_len(before[-1]) == 1 and cell_len(text[i]) == 1


def _after_phrase_end(text: str, i: int) -> bool:
    """Whether the closing marks right before `i` include a phrase's end."""
    j = i - 1
    while j >= 0 and text[j] in CLOSING:
        if text[j] in PHRASE_ENDS:
            return True
        j -= 1
    return False


def _cells(text: str) -> int:
    return cell_len(text.rstrip())


def _whole(text: str) -> list[tuple[int, int, bool]]:
    """The spans not to break inside: (start, end, is a path), paths first."""
    spans = [(m.start(), m.end(), True) for m in _PATH.finditer(text) if len(m.group()) > 1]
    for pattern in (_DATE, _NAME, ASIDE):
        spans += [
            (m.start(), m.end(), False)
            for m in pattern.finditer(text)
            if not any(a <= m.start() < b for a, b, _ in spans)
        ]
    return spans


def phrase_offsets(text: str, width: int) -> list[int]:
    """Where to break one line of `text` (no "\\n") to fit `width` cells, ending lines
    where a phrase ends, and never inside a path or a date (see the module's docstring)."""
    spans = _whole(text)
    if not spans or width < 4:
        return _phrase_offsets(text, width)
    breaks: list[int] = []
    start = 0
    while found := _phrase_offsets(text[start:], width):
        cut = start + found[0]
        for begin, end, path in spans:
            if not begin < cut < end:
                continue
            slash = max(text.rfind("/", start, cut), text.rfind("\\", start, cut))
            if begin > start:
                cut = begin  # the path or date starts the next line, whole if it fits
            elif path and slash > start:
                cut = slash + 1  # a path wider than a line: after a "/"
        if cut <= start:
            break
        breaks.append(cut)
        start = cut
    return breaks


def _phrase_offsets(text: str, width: int) -> list[int]:
    if width < 4 or not _PHRASE_END.search(text):
        return wrap_offsets(text, width)
    bounds = _phrase_bounds(text)
    breaks: list[int] = []
    start = 0
    while _cells(text[start:]) > width:
        after = bounds[bisect_right(bounds, start) :]
        fitting = [end for end in after if _cells(text[start:end]) <= width]
        if fitting and fitting[-1] < len(text):
            end = fitting[-1]
            following = after[len(fitting)]
            if _cells(text[end:following]) <= width:  # the next phrase whole on its line
                breaks.append(end)
                start = end
                continue
        folded = _fold(text[start:], width)  # a phrase wider than a line
        if folded is None:
            break
        start += folded
        breaks.append(start)
    return breaks


def _fold(text: str, width: int) -> int | None:
    """Where to end the first line of `text`, a phrase wider than `width`: as every screen
    breaks it (`wrap_offsets`), unless that parts a number from the Chinese character
    after it ("0 " / "条随访记录") or breaks inside a Latin word, or leaves a label short
    at a line's end ("本机 18:03" / "已同步，…") where more fits: then the line is filled and
    broken between two characters, one Chinese (`_may_break`)."""
    folded = wrap_offsets(text, width)
    if not folded or folded[0] <= 0:
        return None
    cut = folded[0]
    before, after = text[:cut].rstrip(), text[cut:].lstrip()
    filled = _filled(text, width)
    if not before or not after or filled is None:
        return cut
    spaced = len(before) < cut or len(after) < len(text) - cut
    wide = cell_len(before[-1]) > 1 or cell_len(after[0]) > 1
    if (before[-1].isdigit() and cell_len(after[0]) > 1) or not (spaced or wide):
        return filled  # a number and its word, or inside a word: never parted
    return filled if spaced and wide and filled > cut else cut


def _filled(text: str, width: int) -> int | None:
    """The last place a line of `text` may end inside a phrase within `width`, or None."""
    best, j = None, 1
    while j < len(text) and _cells(text[:j]) <= width:
        best = j if _may_break(text, j) else best
        j += 1
    return best


def _may_break(text: str, j: int) -> bool:
    """Whether a line may end before `text[j]` inside a phrase: between two characters
    (no space), one of them Chinese, not after a digit, and as Chinese typesetting allows."""
    a, b = text[j - 1], text[j]
    if a.isspace() or b.isspace() or a.isdigit() or a in OPENING or b in CLOSING:
        return False
    return cell_len(a) > 1 or cell_len(b) > 1


Offsets = Callable[[str, int], list[int]]


def phrase_broken(content: Content, width: int, offsets: Offsets = phrase_offsets) -> Content:
    """`content` with a line break wherever `offsets` (`phrase_offsets`) ends a line."""
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        pieces = line.divide(offsets(line.plain, width))
        lines.extend(piece.rstrip() for piece in pieces[:-1])
        lines.append(pieces[-1])
    return Content("\n").join(lines)


class PhraseBroken(Visual):
    """A toast's content, broken for the width it is measured or drawn at (where
    `offsets` ends its lines: `phrase_offsets` unless said)."""

    def __init__(self, content: Content, offsets: Offsets = phrase_offsets) -> None:
        self.content = content
        self.offsets = offsets
        self._broken: dict[int, Content] = {}  # by width

    def __str__(self) -> str:
        return str(self.content)  # the text, as a Content reads

    def _at(self, rules: RulesMap, width: int) -> Content:
        width -= rules.get("line_pad", 0) * 2
        if width not in self._broken:
            self._broken[width] = phrase_broken(self.content, width, self.offsets)
        return self._broken[width]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(rules, width).get_height(rules, width)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(options.rules, width).render_strips(width, height, style, options)
