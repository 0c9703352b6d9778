"""A home tile: a label and its count ("已逾期 56"). Where the two do not fit on the tile's
one line (a narrow terminal, or the key panel open beside home at 80 columns) the count
comes first and the label is cut, so the count is never what goes out of sight."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from fieldapp.i18n import t


class BucketTile(Static):
    def __init__(self, *, id: str, classes: str) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id, classes=classes, markup=False)
        self.label, self.count = "", 0

    def show(self, label: str, count: int) -> None:
        self.label, self.count = label, count
        self.refresh()

    def render(self) -> str:
        whole = t("home.bucket", label=self.label, count=self.count)
        room = self.content_region.width
        if room <= 0 or cell_len(whole) <= room:
            return whole
        count = str(self.count)
        if room - len(count) < 3:
            return count
        return f"{count} {_cut(self.label, room - len(count) - 1)}"


def _cut(label: str, room: int) -> str:
    """`label` in at most `room` cells, ending in "…" when cut (no gap left where a
    double-width character would not fit)."""
    if cell_len(label) <= room:
        return label
    kept = ""
    for char in label:
        if cell_len(kept + char) > room - 1:
            break
        kept += char
    return kept + "…"
