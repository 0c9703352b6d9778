"""The rounds screen's panes that show plain values: today's round and the completion
tree. They hold no data of their own and never touch the store; the screen hands them
what its workers read."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label, ProgressBar, Tree

from fieldapp.i18n import t
from fieldapp.tui.views.rounds import CompletionLine, RoundView, rate_text
from fieldapp.tui.widgets.table import Table
from fieldapp.tui.widgets.venue_names import VenueName


class RoundPane(Vertical):
    """Today's round: its date, progress, the next stop and the stops in order."""

    def compose(self) -> ComposeResult:
        yield Label("", id="round-title", classes="pane-title")
        yield Label("", id="round-progress-label")
        yield ProgressBar(total=1, show_eta=False, id="round-progress")
        yield Label("", id="round-next")
        yield Table(id="round-stops", cursor_type="row", zebra_stripes=True)

    def show(self, view: RoundView) -> None:
        stops = self.query_one("#round-stops", DataTable)
        keep = stops.cursor_row
        stops.clear()
        for n, stop in enumerate(view.stops, start=1):
            stops.add_row(str(n), "✓" if stop.done else "", stop.code, VenueName(stop.name),  # type: ignore[arg-type]
                          key=stop.venue_id)  # fmt: skip
        if view.stops:
            stops.move_cursor(row=min(keep, len(view.stops) - 1))
        self.query_one("#round-title", Label).update(t("round.title", date=view.day.isoformat()))
        total = len(view.stops)
        self.query_one("#round-progress-label", Label).update(
            t("round.progress", done=view.done, total=total) if total else t("round.empty")
        )
        self.query_one("#round-progress", ProgressBar).update(
            total=max(total, 1), progress=view.done
        )
        upcoming = view.next_stop
        self.query_one("#round-next", Label).update(
            t("rounds.next", venue=t("venue.label", name=upcoming.name, code=upcoming.code))
            if upcoming
            else (t("rounds.all_done") if total else "")
        )


class CompletionTree(Tree[str]):
    """Completion per grid, area → village → town, the towns open."""

    def show(self, lines: Iterable[CompletionLine]) -> None:
        self.clear()
        parents = [self.root]
        for line in lines:
            del parents[line.depth + 1 :]
            label = t(
                "rounds.completion.line",
                name=line.name,
                code=line.code,
                rate=rate_text(line.rate),
                done=line.done,
                due=line.due,
            )
            node = parents[-1].add(label, data=line.code, expand=line.depth < 1)
            parents.append(node)
        self.root.expand()
