"""A plot over days whose date labels are picked for the width it is drawn at.

plotext leaves out a label that would touch its neighbour; with a label every five days
at 80 columns it left out one of them, and which depended on rounding: today (12-06) went
missing. `DayPlot` counts back from the last day (today is always labelled) at a step that
leaves each label room, each time it is drawn, so a resize picks again; the first day is
labelled too.
"""

from __future__ import annotations

import datetime as dt
import math

from textual.app import RenderResult
from textual_plotext import PlotextPlot

LABEL_ROOM = 8  # cells for an "MM-DD" label and the space either side
AXIS_ROOM = 6  # the count labels on the left and the frame


def day_ticks(days: tuple[dt.date, ...], width: int) -> tuple[list[float], list[str]]:
    """Ticks at the last day and back from it, as many as `width` cells leave room for,
    and at the first day: the axis shows the same span as the table beside it (counted
    back from 12-06 it began at 11-08, the table at 11-07). The first day takes the place
    of the pick nearest it, which is always closer than a step."""
    if not days:
        return [], []
    every = max(1, math.ceil(LABEL_ROOM * (len(days) - 1) / max(width - AXIS_ROOM, 1)))
    picks = list(range(len(days) - 1, -1, -every))[::-1]
    if len(picks) > 1:
        picks[0] = 0
    return [float(i) for i in picks], [days[i].strftime("%m-%d") for i in picks]


class DayPlot(PlotextPlot):
    """A PlotextPlot whose x axis is `days` (index i is days[i])."""

    days: tuple[dt.date, ...] = ()

    def render(self) -> RenderResult:
        if self.days:
            self.plt.xticks(*day_ticks(self.days, self.size.width))
        return super().render()
