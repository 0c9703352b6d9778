"""Queue tabs, as the review and incident screens show them: switched with the keys 1–n,
each tab saying its key and how many are waiting in it. At 80 columns the footer has no
room for the queue keys (they are under F1), so the tabs themselves say them. Narrower
than their labels (60 columns), the names of the tabs not shown give up width, cut with
"…": every key and count stays in sight (the sixth tab was cut bare at "6·未")."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Tab, Tabs

from fieldapp.tui.widgets.table import cut

# A cut name keeps this many cells at least: "已…", "Ov…".
NAME_MIN = 3


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


def fitted_names(
    names: Sequence[str], counts: Sequence[int | None], room: int, keep: int, gap: int
) -> list[str]:
    """The queues' names for tabs `gap` cells apart in `room` cells: whole where they fit,
    else the widest of them but the tab shown (`keep`) cut a cell at a time, down to
    `NAME_MIN` cells each."""
    shown = list(names)
    cells = [cell_len(name) for name in names]

    def width() -> int:
        labels = (queue_tab_label(n, name, count) for n, (name, count)
                  in enumerate(zip(shown, counts, strict=True), start=1))  # fmt: skip
        return sum(cell_len(label.plain) + gap for label in labels)

    while width() > room:
        cuttable = [i for i in range(len(names)) if i != keep and cells[i] > NAME_MIN]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda i: (cells[i], i))
        cells[widest] -= 1
        shown[widest] = cut(names[widest], cells[widest])
    return shown


class QueueTabs(Tabs):
    """Tabs labelled `queue_tab_label`, fitted again (`fitted_names`) on a resize, on
    another tab and on new counts (`show_counts`)."""

    def __init__(self, queues: Sequence[tuple[str, str]], *, active: str | None = None,
                 id: str | None = None) -> None:  # fmt: skip
        """`queues`: each tab's id and its queue's name."""
        tabs = (Tab(queue_tab_label(n, name), id=tab_id)
                for n, (tab_id, name) in enumerate(queues, start=1))  # fmt: skip
        super().__init__(*tabs, active=active, id=id)
        self._names = [name for _, name in queues]
        self._counts: list[int | None] = [None] * len(queues)

    def show_counts(self, counts: Sequence[int | None]) -> None:
        self._counts = list(counts)
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def on_tabs_tab_activated(self) -> None:
        self._fit()  # the tab shown now is the one said whole

    def _fit(self) -> None:
        tabs = list(self.query(Tab))
        if not tabs or not self.content_region.width:
            return
        active = next((n for n, tab in enumerate(tabs) if tab.id == self.active), 0)
        gap = tabs[0].styles.gutter.width
        names = fitted_names(self._names, self._counts, self.content_region.width, active, gap)
        for n, (tab, name, count) in enumerate(zip(tabs, names, self._counts, strict=True), 1):
            label = queue_tab_label(n, name, count)
            if label.plain != tab.label.plain:
                tab.label = label
