"""Lines of parts joined by " · " that wrap between parts, the separator left out there.

Textual breaks a line at any space, so "… · 场所负责人：店主 · 审阅：待审阅" could end a
line on "·" and start the next with the part it belonged to; a fold before the separator
started the next line with "· ". `SeparatedText` folds each line at its own width first:
a part that does not fit starts the next line, and the line break separates it, so no
line begins or ends with "·". It folds again when its width changes.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.widgets import Static

SEPARATOR = " · "
SEPARATORS = re.compile(r"( ?· )")  # not the "·" inside a name (鼎美村·春风超市)


def fold_at_separators(text: str, width: int) -> str:
    """`text` with a line break in place of each separator where the parts around it do not
    fit in `width` cells together (a part wider than a line is left to Textual to wrap)."""
    if width <= 0:
        return text
    folded: list[str] = []
    for line in text.split("\n"):
        # [part, separator, part, …]: "）· " after a full-width bracket is one too
        pieces = SEPARATORS.split(line)
        shown = pieces[0]
        for separator, part in zip(pieces[1::2], pieces[2::2], strict=True):
            if cell_len(shown + separator + part) <= width:
                shown += separator + part
                continue
            folded.append(shown)
            shown = part
        folded.append(shown)
    return "\n".join(folded)


class SeparatedText(Static):
    """A Static whose lines are parts joined by " · " (see the module's docstring)."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id)
        self._text = text

    def show(self, text: str) -> None:
        self._text = text
        self._fold()

    def on_resize(self) -> None:
        self._fold()

    def _fold(self) -> None:
        self.update(fold_at_separators(self._text, self.content_size.width))
