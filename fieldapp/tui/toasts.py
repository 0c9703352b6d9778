"""Toasts and the title bar break Chinese where a phrase ends (`fieldapp.tui.phrases`).

A toast is about 36 cells wide at 80 columns. `install()` makes every toast one whose text
is broken where phrases end, however its notice was raised (`notify`,
`FieldScreen.explain`), and the title bar's text one broken between its parts (" · "):
with the keys panel (F1) open at 80 columns it read "人员台账 · 搜" / "索结果 · 共 15 人",
in English "Grid inspection — People" / "register · …".
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.content import Content
from textual.visual import Visual
from textual.widgets import Static, _header, _toast

from fieldapp.tui.phrases import PhraseBroken, phrase_offsets

_TextualToast = _toast.Toast


class PhraseToast(_TextualToast):
    """Textual's toast, its text broken where phrases end."""

    def render(self) -> PhraseBroken:  # type: ignore[override]
        return PhraseBroken(super().render())


_TITLE_PART = re.compile(r"(?<= [·—] )")  # where a part of the title starts


def title_offsets(text: str, width: int) -> list[int]:
    """Where the title bar's text breaks: between its parts (after " — " or " · "), as
    many parts on a line as fit, in either language ("People" / "register · …" and
    "人员台账 · 搜" / "索结果" read broken inside a name); a part wider than a whole line is
    broken as any phrase is (`phrase_offsets`)."""
    parts = [m.start() for m in _TITLE_PART.finditer(text)]
    breaks: list[int] = []
    start = 0
    while cell_len(text[start:].rstrip()) > width:
        fitting = [end for end in parts if end > start and cell_len(text[start:end]) <= width + 1]
        if fitting:
            end = fitting[-1]
        elif inner := phrase_offsets(text[start:], width):
            end = start + inner[0]
        else:
            break
        breaks.append(end)
        start = end
    return breaks


def _title_render(self: Static) -> Visual:
    """The title bar's text (a Static's), broken between its parts."""
    visual = self.visual
    return PhraseBroken(visual, title_offsets) if isinstance(visual, Content) else visual


def install() -> bool:
    """Make the toasts Textual shows `PhraseToast`s, and its title bar's text broken as
    they are. False, and Textual's kept, where Textual's toast and header modules differ
    from what this expects (8.2)."""
    current = getattr(_toast, "Toast", None)
    if current is PhraseToast:
        return True
    title = getattr(_header, "HeaderTitle", None)
    if current is not _TextualToast or not hasattr(_toast.ToastRack, "show"):
        return False
    if title is None or title.render is not Static.render:
        return False
    _toast.Toast = PhraseToast  # type: ignore[misc]  # the name ToastRack.show makes
    title.render = _title_render  # type: ignore[assignment,method-assign]
    return True
