"""The rule of Chinese line breaking (避头尾, kinsoku), wherever text is broken into lines:
no line starts with a closing mark (，。、；：？！）」』》…) and none ends with an opening one
(（「『《…). A break that would do either moves earlier — the character before a closing
mark (a Latin word or number whole) goes down with it, an opening mark goes down to what
it opens.

Here without any drawing: the terminal (`fieldapp.tui.kinsoku`, in cells) and the printed
documents (`fieldapp.reports.text_fitting`, in millimetres) measure their lines each
their own way and settle each break with `settled_break`.
"""

from __future__ import annotations

import re

# Marks a line must not start with (closing brackets and quotes, pauses, stops, the
# iteration and prolonged-sound marks) and marks it must not end with (opening ones).
# The ASCII brackets count too, as they stand in Chinese ("叶宅出租房(示例)"): a toast read
# "…叶宅出租房(示例" / ") · COM-02".
CLOSING = frozenset("，。、；：？！）」』》〉】〕〗〙〛｝］”’％…‥・々〆ー〜～)")
OPENING = frozenset("（「『《〈【〔〖〘〚｛［“‘(")
ANY_MARK = re.compile("[" + re.escape("".join(sorted(CLOSING | OPENING))) + "]")
_LATIN = re.compile(r"[0-9A-Za-z]")
# What a file name's extension takes along ("台账.xlsx", "report-2.xlsx"): its stem.
_STEM = re.compile(r"[0-9A-Za-z_\-\u3400-\u9fff]")
# A short aside in brackets, without spaces ("（可输入序号）", "(示例)"): a line breaks
# before or after it, never inside ("（可输入序" / "号）").
ASIDE = re.compile(r"[(（][^\s()（）]{1,8}[)）]")


def _step_back(text: str, start: int, position: int) -> int:
    """The break one character earlier, or before the whole Latin word or number ending
    there (so "共12，" moves "12，" down, not "2，"), the whole file name ("台账.xlsx）"
    moves down whole, not "xlsx）") or the whole aside (`ASIDE`); never at the line's
    start."""
    position -= 1
    if text[position] in ")）":
        opening = max(text.rfind("(", start, position), text.rfind("（", start, position))
        if opening > start and ASIDE.fullmatch(text, opening, position + 1):
            return opening
    if _LATIN.match(text[position]):
        while position - 1 > start and _LATIN.match(text[position - 1]):
            position -= 1
        if position - 2 > start and text[position - 1] == "." and _STEM.match(text[position - 2]):
            position -= 1
            while position - 1 > start and _STEM.match(text[position - 1]):
                position -= 1
    return position


def settled_break(text: str, start: int, position: int) -> int:
    """A break at `position` of the line starting at `start` that neither starts the next
    line with a closing mark nor ends this one with an opening mark, moved earlier as
    needed; where no break on this line would (a line of marks alone), `position`."""
    moved = position
    while text[moved] in CLOSING or text[moved - 1] in OPENING:
        if moved - 1 <= start:
            return position
        moved = _step_back(text, start, moved)
    return moved
