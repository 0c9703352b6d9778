"""`[` and `]` stepping back and forth (a record's photos, the attendance's days), shown in
the footer as one group, "[] 上/下一张" / "[] Prev/next photo", as the number keys of a
screen's tabs are ("12 切换页"): side by side with their own labels, "[ Prev photo ] Next
photo" read as brackets around words. F1's panel still lists each key with its own label."""

from __future__ import annotations

from textual.binding import Binding


def step_bindings(action: str, back: tuple[str, str], on: tuple[str, str]) -> list[Binding]:
    """`[` for `action(-1)` and `]` for `action(1)`; `back` and `on` are each key's (id,
    description). The group's label is `binding.<screen>.group` (the ids' first part)."""
    group = Binding.Group("Step", compact=True)
    return [
        Binding("left_square_bracket", f"{action}(-1)", back[1], id=back[0], group=group),
        Binding("right_square_bracket", f"{action}(1)", on[1], id=on[0], group=group),
    ]
