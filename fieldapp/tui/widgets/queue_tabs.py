"""Queue tabs, as the review and incident screens show them: switched with the keys 1–n,
each tab saying its key and how many are waiting in it. At 80 columns the footer has no
room for the queue keys (they are under F1), so the tabs themselves say them."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content


def queue_binding(screen: str, n: int) -> Binding:
    """The key `n` that shows the screen's queue `n` (its action `queue(n - 1)`)."""
    return Binding(
        str(n),
        f"queue({n - 1})",
        f"Queue {n}",
        id=f"{screen}.queue_{n}",
        group=Binding.Group("Queues", compact=True),
    )


def queue_tab_label(n: int, name: str, count: int | None = None) -> Content:
    """`1·未结案 3`: the key joined to the queue's name and, once counted, how many are in
    it, in bold. "1 待复查 1 2 已逾期 7" ran a count into the next tab's key ("1 2"); with
    the key joined to its name the two read apart, in no more columns (six tabs with their
    counts fit 80 columns in English)."""
    label = Content(f"{n}·{name}")
    return label if count is None else Content.assemble(label, " ", (str(count), "bold"))
