"""Chinese text in a notice that lies over another widget's edge keeps every character.

Textual's compositor cuts each screen line at the edges of every widget and fills the
pieces front to back. A double-width character of the front widget that straddles a cut
made by a widget behind it is split into two spaces: "请先选择隐患" over the review
screen's pane border read "请先选  隐患" (Textual 8, textualize/textual#6357, open).

Here the pieces of a line that one widget wins side by side are kept as one: the first
cut holds it, the others an empty strip (so no widget behind takes them), and a partial
update ends each piece where its text ends and each line past a character it would end
inside (a cursor blinking beside a notice redraws up to its own edge). `install()`
replaces the two methods; it is a no-op on a Textual whose compositor does not have them
as this code expects.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping, Sequence

from rich.cells import cell_len
from textual import _compositor
from textual.geometry import Region
from textual.strip import Strip

_EMPTY = Strip([], 0)
Compositor = _compositor.Compositor


def _render_chops(
    self: _compositor.Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            bounds = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            if len(bounds) < 2:
                continue
            get = line.get
            free = [get(cut) is None for cut in bounds[:-1]]
            if True not in free:
                continue  # widgets in front hold every piece (e.g. a container's line)
            if False not in free and strip.cell_length == bounds[-1] - render_x:
                line[bounds[0]] = strip  # nothing in front of this line: one piece
                for cut in bounds[1:-1]:
                    line[cut] = _EMPTY
                continue
            # The widget wins every piece still empty; adjacent ones stay one piece.
            runs = [0] + [n for n in range(1, len(free)) if free[n] != free[n - 1]]
            ends = [*(bounds[n] for n in runs[1:]), bounds[-1]]
            pieces = strip.divide([end - render_x for end in ends])
            for first, last, piece in zip(runs, [*runs[1:], len(free)], pieces, strict=False):
                if free[first]:
                    line[bounds[first]] = piece
                    for n in range(first + 1, last):
                        line[bounds[n]] = _EMPTY
    return chops  # type: ignore[return-value]  # every rendered piece is a Strip


def _render_partial_update(self: _compositor.Compositor) -> _compositor.ChopsUpdate | None:
    screen_region = self.size.region
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = self._render_chops(crop, is_rendered_line)
    spans = [(y, x1, _past_wide_character(chops[y], x2)) for y, x1, x2 in spans]
    chop_ends = [
        [end if strip is None else x + strip.cell_length
         for (x, strip), end in zip(line.items(), cut_set[1:], strict=False)]
        if is_rendered_line(y) else cut_set[1:]
        for y, (line, cut_set) in enumerate(zip(chops, self.cuts, strict=True))
    ]  # fmt: skip
    return _compositor.ChopsUpdate(chops, spans, chop_ends)


def _past_wide_character(line: Mapping[int, Strip | None], x2: int) -> int:
    """Where a span ending at x2 ends so as not to cut a double-width character in two
    (ChopsUpdate crops each piece at the span's end, and a cut character is a space)."""
    for x, strip in line.items():
        if strip is None or not x < x2 < x + strip.cell_length:
            continue
        for segment in strip:
            for character in segment.text:
                x += cell_len(character)
                if x >= x2:
                    return x
    return x2


# The methods replaced and the ones they call, with their parameters as in Textual 8.2.
_EXPECTED = {
    "_render_chops": ["self", "crop", "is_rendered_line"],
    "render_partial_update": ["self"],
    "_get_renders": ["self", "crop"],
    "_regions_to_spans": ["regions"],  # a static method
}


@functools.cache
def install() -> bool:
    """Whether the compositor now keeps double-width characters whole (False, and
    Textual's own cutting kept, on a Textual whose compositor differs from 8.2's).
    Checked and replaced once per process, however many apps are made."""
    for name, parameters in _EXPECTED.items():
        method = getattr(Compositor, name, None)
        if method is None or list(inspect.signature(method).parameters) != parameters:
            return False
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]
    return True
