"""The rounds screen's data as plain values, made in worker threads (no lazy queries on
the UI thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.i18n import listed
from fieldapp.tui.views.due_list import DueRow, due_rows


@dataclass(frozen=True)
class StopLine:
    venue_id: str
    code: str
    name: str
    kind: str
    done: bool


@dataclass(frozen=True)
class RoundView:
    round_id: str | None
    day: dt.date
    stops: tuple[StopLine, ...]

    @property
    def done(self) -> int:
        return sum(1 for s in self.stops if s.done)

    @property
    def next_stop(self) -> StopLine | None:
        return next((s for s in self.stops if not s.done), None)


@dataclass(frozen=True)
class CompletionLine:
    code: str
    name: str
    depth: int
    due: int
    done: int
    rate: float | None


@dataclass(frozen=True)
class InspectorLine:
    name: str
    grids: str
    overdue: int
    today: int
    week: int


def read_round(day: dt.date) -> RoundView:
    """Today's round as plain values (call in a worker thread)."""
    from fieldapp.services import rounds

    round_id = rounds.round_for(day)
    if round_id is None:
        return RoundView(None, day, ())
    progress = rounds.round_progress(round_id)
    return RoundView(
        round_id,
        day,
        tuple(StopLine(s.venue_id, s.code, s.name, s.kind, s.done) for s in progress.stops),
    )


def read_due(
    bucket: str, grid: str | None, offset: int, limit: int
) -> tuple[tuple[DueRow, ...], int]:
    """One page of the due list and how many venues the bucket holds, all my grids or one
    grid and those under it (call in a worker thread)."""
    from fieldapp.domain.clock import today
    from fieldapp.services import rounds

    day = today()
    wanted = None if bucket == "all" else bucket
    grids = [grid] if grid else None
    roots = [g for g in rounds.due_by_grid(grids, day) if g.depth == 0]
    counts = sum((g.total for g in roots), rounds.DueCounts())
    total = counts.this_week if wanted is None else getattr(counts, wanted)
    venues = rounds.due_venues(day=day, bucket=wanted, grids=grids, limit=limit, offset=offset)
    lines = due_rows(venues, day)
    return lines, total


def read_overview(
    first: dt.date, last: dt.date
) -> tuple[tuple[InspectorLine, ...], tuple[CompletionLine, ...]]:
    """For supervisors: due counts by inspector on `last`, and completion per grid for
    first..last (call in a worker thread)."""
    from fieldapp.services import rounds

    inspectors = tuple(
        InspectorLine(
            p.name,
            listed(p.grids),
            p.counts.overdue,
            p.counts.today,
            p.counts.week,
        )
        for p in rounds.due_by_inspector(day=last)
    )
    completion = tuple(
        CompletionLine(c.code, c.name, c.depth, c.due, c.done, c.rate)
        for c in rounds.completion(first, last)
    )
    return inspectors, completion


def rate_text(rate: float | None) -> str:
    """A completion rate as a whole percentage, or a dash when nothing was due."""
    return "—" if rate is None else f"{rate:.0%}"
