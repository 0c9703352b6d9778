"""A text cut to the cells a terminal column has, with "…" where it is cut: plain text
helpers that views and widgets share (the views draw none of it themselves)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len

__all__ = ["cut", "ending", "fitting"]


def ending(text: str, cells: int) -> str:
    """`text` whole if it fits in `cells`, else its end after "…" (a household's label,
    whose number is at its end). Not for a grid's name: it reads from its start
    (`grid_name_in`)."""
    if cell_len(text) <= cells:
        return text
    return "…" + "".join(reversed(fitting(reversed(text), cells - 1)))


def fitting(chars: Iterable[str], cells: int) -> list[str]:
    """The first of `chars` that fit in `cells` together."""
    kept: list[str] = []
    used = 0
    for char in chars:
        used += cell_len(char)
        if used > cells:
            break
        kept.append(char)
    return kept


def cut(text: str, cells: int) -> str:
    """`text` whole if it fits in `cells`, else its start and "…" right after it: Rich's
    own ellipsis leaves a space before it where a double-width character did not fit
    (鼎美村·惠民大排档( …)."""
    if cell_len(text) <= cells:
        return text
    return "".join(fitting(text, cells - 1)) + "…"
