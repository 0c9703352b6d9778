"""A home tile: a label and its count ("已逾期 56"). Where the two do not fit on the tile's
one line (a narrow terminal, or the key panel open beside home at 80 columns) the label's
short form takes its place, still before the count ("Today 120" where "120 Due tod…" read
at 60 columns in English); where even that does not fit the count comes first and the
short label is cut, so the count is never what goes out of sight."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from fieldapp.i18n import t


class BucketTile(Static):
    def __init__(self, *, id: str, classes: str) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id, classes=classes)
        self.label, self.short, self.count = "", "", 0

    def show(self, label: str, count: int, short: str = "") -> None:
        """`short`: the label where the whole one does not fit beside the count."""
        self.label, self.short, self.count = label, short or label, count
        self.refresh()

    def render(self) -> str:
        whole = t("home.bucket", label=self.label, count=self.count)
        room = self.content_region.width
        if room <= 0 or cell_len(whole) <= room:
            return whole
        brief = t("home.bucket", label=self.short, count=self.count)
        if cell_len(brief) <= room:
            return brief
        count = str(self.count)
        if room - len(count) < 3:
            return count
        return f"{count} {_cut(self.short, room - len(count) - 1)}"


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
