"""The footer's row of keys drawn as one line of text, cell for cell as Textual's compact
Footer lays out its key widgets: a key and its description (a space between) and a
column after it; a group of keys as a column, the keys side by side, a column, the
group's label and a column; the palette key on the right after a thin border ("▏"), with
a column after it. Where each key is (`KeySpot`) is what a click and the pointer find."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from fieldapp.tui.widgets.key_choice import Entry

BORDER = "▏"
Role = Literal["key", "description", "label", "border"]


class Palette(NamedTuple):
    """The palette key shown on the right, and whether it is enabled."""

    binding: Binding
    enabled: bool


@dataclass(frozen=True)
class KeySpot:
    """One key on the row: the columns it takes [start, end) and what a click runs."""

    start: int
    end: int
    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    palette: bool = False


@dataclass(frozen=True)
class Piece:
    """Text drawn at a column in one role's style, part of a key's spot or not."""

    start: int
    text: str
    role: Role
    spot: KeySpot | None = None


def lay_out(
    shown: list[Entry], palette: Palette | None, width: int, display: Callable[[Binding], str]
) -> tuple[list[Piece], list[KeySpot]]:
    """Where each part of the row goes: the `shown` entries from the left, cut where the
    palette key starts (it covered them there), and the palette key on the right."""
    pieces: list[Piece] = []
    spots: list[KeySpot] = []
    x = 0

    def key(binding: Binding, enabled: bool, tip: str, described: bool) -> None:
        nonlocal x
        shown_key = display(binding)
        description = binding.description if described else ""
        end = x + cell_len(shown_key) + (1 + cell_len(description) if description else 0)
        spot = KeySpot(x, end, binding.key, shown_key, description, binding.action, enabled, tip)
        spots.append(spot)
        pieces.append(Piece(x, shown_key, "key", spot))
        if description:
            pieces.append(Piece(x + cell_len(shown_key), " " + description, "description", spot))
        x = end

    for entry in shown:
        if entry.group is None:
            binding, enabled, tooltip = entry.bindings[0]
            key(binding, enabled, tooltip, described=True)
            x += 1
            continue
        x += 1  # the group's left padding
        for binding, enabled, tooltip in entry.bindings:
            key(binding, enabled, tooltip or binding.description, described=False)
        x += 1
        pieces.append(Piece(x, entry.group, "label"))
        x += cell_len(entry.group) + 1
    if palette is None:
        return pieces, spots
    binding, enabled = palette
    shown_key = display(binding)
    description = binding.description
    wide = 1 + cell_len(shown_key) + (1 + cell_len(description) if description else 0)
    start = max(0, width - 1 - wide)
    pieces = [_cut(p, start) for p in pieces if p.start < start]
    spots = [_cut_spot(s, start) for s in spots if s.start < start]
    x = start + 1
    end = start + wide
    tip = binding.tooltip or description
    spot = KeySpot(
        start, end, binding.key, shown_key, description, binding.action, enabled, tip, True
    )
    spots.append(spot)
    pieces.append(Piece(start, BORDER, "border", spot))
    pieces.append(Piece(x, shown_key, "key", spot))
    if description:
        pieces.append(Piece(x + cell_len(shown_key), " " + description, "description", spot))
    return pieces, spots


def _cut(piece: Piece, limit: int) -> Piece:
    """`piece`, cut at column `limit` (where the palette key covers it)."""
    if piece.start + cell_len(piece.text) <= limit:
        return piece
    return replace(piece, text=set_cell_size(piece.text, limit - piece.start))


def _cut_spot(spot: KeySpot, limit: int) -> KeySpot:
    return spot if spot.end <= limit else replace(spot, end=limit)


def draw(
    pieces: list[Piece],
    width: int,
    base: Style,
    styles: Mapping[str, Style],
    hover: KeySpot | None,
) -> Text:
    """The row as text `width` cells wide: each piece in its role's style over the
    footer's `base` style, dimmed where its key is disabled, on the hover background
    where its key is under the pointer."""
    line = Text(no_wrap=True, overflow="crop", end="")
    x = 0
    hovered = Style(bgcolor=styles["hover"].bgcolor)
    for piece in pieces:
        if piece.start < x:
            continue
        if piece.start > x:
            line.append(" " * (piece.start - x))
        style = base + styles[piece.role]
        if piece.role == "border":
            style = Style(color=styles["border"].color, bgcolor=base.bgcolor)
        spot = piece.spot
        if spot is not None and not spot.enabled and piece.role != "border":
            style += Style(dim=True)
        if spot is not None and spot == hover:
            style += hovered
        line.append(piece.text, style)
        x = piece.start + cell_len(piece.text)
    if x < width:
        line.append(" " * (width - x))
    line.truncate(width)
    return line
