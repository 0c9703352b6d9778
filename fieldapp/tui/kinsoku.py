"""Chinese text wrapped in the terminal keeps its punctuation where Chinese typesetting
puts it (避头尾, kinsoku): no line starts with a closing mark (，。、；：？！）」』》…) and none
ends with an opening one (（「『《…).

Textual wraps a Static's, a Label's or a notice's text with rich's `divide_line`, and a
run of Chinese has no spaces, so it is cut at any character: an item on the inspection
card read "…应配置灭火器" / "，并保持…". `wrap_offsets` is `divide_line` with the rule
(`fieldapp.domain.kinsoku`, which the printed documents follow too): where a line would
start with a closing mark, the character before it (a Latin word or number whole) goes
down with it; where one would end with an opening mark, the mark goes down. No line gets
wider than the width, and the next line is wrapped again from there.

Chinese may break between any two characters, also where a space stands somewhere before
(`divide_cjk`): `divide_line` breaks only at spaces, so in "已过期限（2026-11-09 至
2026-11-15），算迟报；…" everything after the last space was one word, sent down whole,
and the line above ended half empty. Text without Chinese (English) is left to
`divide_line` itself: it wraps exactly as rich wraps it. `install()` makes Textual's text wrapping and rich's (`rich.text.Text.wrap`: the
rich renderables a screen draws, such as the incident record's tables and paragraphs) use
`wrap_offsets`, so every widget's text follows the rule at whatever width it has after a
resize.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rich._loop import loop_last
from rich._wrap import divide_line
from rich.cells import cell_len, chop_cells

from fieldapp.domain.kinsoku import ANY_MARK, ASIDE, CLOSING, OPENING, settled_break

__all__ = [
    "CLOSING",
    "OPENING",
    "divide_cjk",
    "install",
    "quoted_within",
    "wrap_cjk",
    "wrap_offsets",
]

# Characters a line may break before or after without a space: CJK ideographs and marks,
# kana, hangul and the full-width forms.
_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_ANY_WIDE = re.compile(f"[{_WIDE}]")
_HAN = "\u3400-\u9fff"  # ideographs, without the marks
# A "word" as `divide_line` takes one (with the spaces after it), except that each wide
# character is a word of its own (`_ONE`); a number stays with a label of one or two
# characters written against it and with the word it counts ("截止18:00", "共12，",
# "2 起"), an opening mark with what follows it and a short aside in brackets whole
# ("（可输入序号）", `ASIDE`), and a file name with a Chinese name ("台账.xlsx", `_FILE`:
# the export's message read "（例如 台账" / ".xlsx）"), unless that is wider than the
# line (`_PIECE`).
_ONE = rf"[{_WIDE}]|[^\s{_WIDE}]+"
_ONE_PIECE = re.compile(rf"\s*(?:{_ONE})\s*")
_OPENS = re.escape("".join(sorted(OPENING)))  # an opening mark goes with what it opens
_FILE = rf"[{_HAN}]{{1,8}}\.[0-9A-Za-z][^\s{_WIDE}]*"
_PIECE = re.compile(
    rf"\s*(?:{ASIDE.pattern}[^\s{_WIDE}]*|[{_OPENS}]*(?:{_FILE}|"
    rf"(?:[{_HAN}]{{1,2}}[^\s{_WIDE}]*[0-9][^\s{_WIDE}]*(?: ?[{_WIDE}])?"
    rf"|[^\s{_WIDE}]*[0-9] ?[{_WIDE}]|{_ONE})))\s*"
)


def _pieces(text: str, width: int) -> Iterator[tuple[int, str]]:
    """Where each piece of `text` starts, and the piece (see `_PIECE`)."""
    position = 0
    while (piece := _PIECE.match(text, position)) is not None:
        start, position = piece.span()
        if cell_len(piece.group(0).rstrip()) <= width or not _ANY_WIDE.search(piece.group(0)):
            yield start, piece.group(0)
            continue
        while (one := _ONE_PIECE.match(text, start, position)) is not None and start < position:
            yield start, one.group(0)
            start = one.end()


def divide_cjk(text: str, width: int, fold: bool = True) -> list[int]:
    """`divide_line` (rich's greedy line filling, the same cuts for a text of Latin words)
    where each wide character is a word of its own, so a line of Chinese is filled to its
    width whatever spaces stand before it."""
    breaks: list[int] = []
    offset = 0
    for start, word in _pieces(text, width):
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:  # a Latin word wider than the line
            if not fold:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
                continue
            for last, line in loop_last(chop_cells(word, width=width)):
                if start:
                    breaks.append(start)
                if last:
                    offset = cell_len(line)
                else:
                    start += len(line)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _first_break(text: str, start: int, width: int, fold: bool) -> int | None:
    """Where `divide_line` would end the line starting at `start` (None: the rest fits).

    It is asked about a window of text that grows only while the window ends inside the
    line: each line costs about its own length, so a whole paragraph wraps in linear time.
    A break found in a window is the break in the whole text (a word cut at the window's
    end is shorter than it is: if even that part does not fit, the whole does not)."""
    end = len(text)
    size = width + 16  # at least `width` cells unless most are zero-width
    while True:
        stop = min(end, start + size)
        breaks = divide_cjk(text[start:stop], width, fold=fold)
        if breaks:
            return start + breaks[0]
        if stop == end:
            return None
        size *= 2


# A short last word of an aside ("day 1)"), which a line must not start with alone.
_SHORT_CLOSE = re.compile(r"\s\S{1,2}\)")


def _closed_with_word_before(text: str, width: int, fold: bool) -> list[int]:
    """`divide_line`'s breaks, except that a line starting with a short word that closes
    an aside takes the word before it along (English F8 read "Activities: 1 (11·9
    fire-safety day" / "1)")."""
    breaks: list[int] = []
    start = 0
    while found := divide_line(text[start:], width, fold=fold):
        cut = start + found[0]
        if _SHORT_CLOSE.match(text, cut - 1):
            before = text.rfind(" ", start, len(text[:cut].rstrip()))
            cut = before + 1 if before > start else cut
        breaks.append(cut)
        start = cut
    return breaks


def wrap_offsets(text: str, width: int, fold: bool = True) -> list[int]:
    """`rich._wrap.divide_line` (indices to cut one line of `text` at, to fit `width`
    cells), breaking Chinese between any two characters and with the rule of Chinese line
    breaking above. Linear in the text's length."""
    if not _ANY_WIDE.search(text):
        if not _SHORT_CLOSE.search(text):
            return divide_line(text, width, fold=fold)
        return _closed_with_word_before(text, width, fold)
    if width < 4 or not ANY_MARK.search(text):
        return divide_cjk(text, width, fold=fold)
    breaks: list[int] = []
    start = 0
    while (position := _first_break(text, start, width, fold)) is not None:
        start = settled_break(text, start, position)
        breaks.append(start)
    return breaks


def wrap_cjk(text: str, width: int) -> list[str]:
    """`text` as the lines it shows in `width` cells (spaces at a line's end dropped, as
    Textual drops them): what `wrap_offsets` does, to read and to test."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        cuts = [0, *wrap_offsets(paragraph, width), len(paragraph)]
        pieces = [paragraph[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
        lines.extend(piece.rstrip() for piece in pieces[:-1])
        lines.append(pieces[-1])
    return lines


def quoted_within(say: Callable[[str], str], quote: str, width: int, lines: int) -> str:
    """`say(quote)`, its quote cut with "…" where the text would otherwise take more than
    `lines` lines (or than it takes with no quote, if more) as `wrap_cjk` wraps it at
    `width`: a 300-character description quoted in a note pushed its form's fields off the
    screen."""
    room = max(lines, len(wrap_cjk(say(""), width)))
    if len(wrap_cjk(say(quote), width)) <= room:
        return say(quote)
    low, high = 0, len(quote)  # the most characters of it kept that still fit
    while low < high:
        middle = (low + high + 1) // 2
        if len(wrap_cjk(say(quote[:middle].rstrip() + "…"), width)) <= room:
            low = middle
        else:
            high = middle - 1
    return say(quote[:low].rstrip() + "…")


def install() -> bool:
    """Make Textual's text wrapping (`textual.content`) and rich's (`rich.text`) follow the
    rule. Returns False, hooking neither, where either does not wrap with rich's
    `divide_line` as this code expects."""
    from rich import text as rich_text
    from textual import content

    modules = (content, rich_text)
    current: list[Callable[..., list[int]] | None] = [
        getattr(module, "divide_line", None) for module in modules
    ]
    if any(wrapper not in (divide_line, wrap_offsets) for wrapper in current):
        return False
    for module in modules:
        module.divide_line = wrap_offsets  # type: ignore[attr-defined]
    return True
