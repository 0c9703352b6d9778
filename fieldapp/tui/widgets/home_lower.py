"""Home's lower row: the unfinished inspections beside the hazards I own.

The hazards get at least `FINDINGS_MIN` cells (at 80 columns: deadline, venue, state and
severity, in English too), the drafts the rest, up to `DRAFTS_MAX`, and the hazards what
is left past that. In CSS, a `1fr` pane with `max-width: 46` beside a `1fr` pane with
`min-width: 50` gave the hazards the whole row where a terminal was 96 to 101 columns wide:
Textual 8 clamps both panes in one pass and then takes 1fr for the whole width, so the
hazards ran 46 cells past the screen's edge and a venue's name showed as its first
character there (seen on resizing a terminal from 80 to 100 columns). The drafts' width
is set here instead, from this row's own width, each time it changes.
"""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal

FINDINGS_MIN = 50
DRAFTS_MAX = 46


class HomeLower(Horizontal):
    """Two panes side by side: `#drafts-pane`, then `#findings-pane` (`width: 1fr`)."""

    def on_resize(self, event: events.Resize) -> None:
        self.fit_panes()

    def fit_panes(self) -> None:
        drafts = self.query_one("#drafts-pane")
        room = self.content_size.width - drafts.styles.margin.width
        width = max(0, min(DRAFTS_MAX, room - FINDINGS_MIN))
        if drafts.styles.width is None or drafts.styles.width.value != width:
            drafts.styles.width = width
