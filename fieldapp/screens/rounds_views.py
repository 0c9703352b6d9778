"""The rounds screen's data as plain values, made in worker threads (no lazy queries on
the UI thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DueLine:
    venue_id: str
    bucket: str
    due_on: dt.date | None
    code: str
    name: str
    kind: str
    grid: str


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


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"
