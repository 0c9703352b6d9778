"""An inspector's round for the day: planning, reordering and progress.

A round is one person's ordered list of venues for one local date. A stop is done when
the venue has a submitted inspection on that date, by anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services.common.identity import me
from fieldapp.services.common.periods import day_bounds_utc
from fieldapp.store.db import db, rows, write_transaction
from fieldapp.store.models import Inspection, Venue
from fieldapp.store.rounds_models import Round, RoundStop


class UnknownVenue(LookupError):
    """A venue id that is not in the store."""


class RoundNotFound(LookupError):
    """No round with that id."""


@dataclass(frozen=True)
class Stop:
    position: int
    venue_id: str
    code: str
    name: str
    kind: str
    grid_code: str
    address: str
    due_on: dt.date | None
    done: bool
    inspection_id: str | None  # the submitted inspection that made it done


@dataclass(frozen=True)
class RoundProgress:
    round_id: str
    person_id: str
    date: dt.date
    stops: list[Stop]

    @property
    def total(self) -> int:
        return len(self.stops)

    @property
    def done(self) -> int:
        return sum(1 for s in self.stops if s.done)

    @property
    def remaining(self) -> int:
        return self.total - self.done

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.stops else 0.0

    @property
    def next_stop(self) -> Stop | None:
        return next((s for s in self.stops if not s.done), None)


def _check_venues(venue_ids: list[str]) -> None:
    found = {v.id for v in Venue.select(Venue.id).where(Venue.id.in_(venue_ids))}
    missing = [v for v in venue_ids if v not in found]
    if missing:
        raise UnknownVenue(", ".join(missing))


def _round(round_id: str) -> Round:
    found = Round.get_or_none(Round.id == round_id)
    if found is None:
        raise RoundNotFound(round_id)
    return found


def _stop_ids(round_id: str) -> list[str]:
    query = (
        RoundStop.select(RoundStop.venue)
        .where(RoundStop.round == round_id)
        .order_by(RoundStop.position)
    )
    return [venue_id for (venue_id,) in rows(query)]


def _write_order(round_id: str, venue_ids: list[str]) -> None:
    """Renumber the stops 0..n-1 in the given order (caller holds the transaction)."""
    db.cursor().executemany(
        "UPDATE round_stop SET position = ? WHERE round_id = ? AND venue_id = ?",
        [(i, round_id, v) for i, v in enumerate(venue_ids)],
    )
    Round.update(updated_at=now_iso()).where(Round.id == round_id).execute()


def round_for(day: dt.date | None = None, person_id: str | None = None) -> str | None:
    """The id of a person's round for a day (mine, today by default), or None."""
    person_id = person_id or me().person_id
    row = Round.get_or_none((Round.person == person_id) & (Round.date == (day or today())))
    return None if row is None else str(row.id)


def plan_round(
    venue_ids: Sequence[str], day: dt.date | None = None, *, person_id: str | None = None
) -> str:
    """Plan a day's round in the order given; returns its id.

    A person has one round per day: planning again adds the venues not yet on it at the
    end. Unknown venue ids are refused (UnknownVenue) and nothing is written.
    """
    day = day or today()
    person_id = person_id or me().person_id
    wanted = list(dict.fromkeys(venue_ids))
    _check_venues(wanted)
    stamp = now_iso()
    with write_transaction():
        existing = Round.get_or_none((Round.person == person_id) & (Round.date == day))
        if existing is None:
            existing = Round.create(
                id=new_id(), person=person_id, date=day, created_at=stamp, updated_at=stamp
            )
        _append(str(existing.id), wanted, stamp)
    return str(existing.id)


def _append(round_id: str, venue_ids: list[str], stamp: str) -> None:
    current = _stop_ids(round_id)
    new = [v for v in venue_ids if v not in set(current)]
    if new:
        RoundStop.insert_many(
            [
                {"round": round_id, "venue": v, "position": len(current) + i, "added_at": stamp}
                for i, v in enumerate(new)
            ]
        ).execute()
        Round.update(updated_at=stamp).where(Round.id == round_id).execute()


def add_stops(round_id: str, venue_ids: Sequence[str]) -> None:
    """Add venues at the end of a round (ones already on it stay where they are)."""
    wanted = list(dict.fromkeys(venue_ids))
    _check_venues(wanted)
    with write_transaction():
        _round(round_id)
        _append(round_id, wanted, now_iso())


def remove_stop(round_id: str, venue_id: str) -> None:
    with write_transaction():
        _round(round_id)
        RoundStop.delete().where(
            (RoundStop.round == round_id) & (RoundStop.venue == venue_id)
        ).execute()
        _write_order(round_id, _stop_ids(round_id))


def move_stop(round_id: str, venue_id: str, position: int) -> None:
    """Move one stop to `position` (clamped to the round), shifting the others."""
    with write_transaction():
        _round(round_id)
        order = _stop_ids(round_id)
        if venue_id not in order:
            raise UnknownVenue(venue_id)
        order.remove(venue_id)
        order.insert(max(0, min(position, len(order))), venue_id)
        _write_order(round_id, order)


def reorder_round(round_id: str, venue_ids: Sequence[str]) -> None:
    """Set the whole order at once; `venue_ids` must be exactly the round's stops."""
    with write_transaction():
        _round(round_id)
        current = _stop_ids(round_id)
        if sorted(venue_ids) != sorted(current):
            raise ValueError("the new order must list each stop of the round exactly once")
        _write_order(round_id, list(venue_ids))


def delete_round(round_id: str) -> None:
    with write_transaction():
        RoundStop.delete().where(RoundStop.round == round_id).execute()
        Round.delete().where(Round.id == round_id).execute()


def done_on(venue_ids: Sequence[str], day: dt.date) -> dict[str, str]:
    """venue id -> id of a submitted inspection of it on that local date."""
    if not venue_ids:
        return {}
    start, end = day_bounds_utc(day)
    query = (
        Inspection.select(Inspection.venue, Inspection.id)
        .where(
            Inspection.venue.in_(list(venue_ids))
            & (Inspection.status == "submitted")
            & (Inspection.submitted_at >= start)
            & (Inspection.submitted_at < end)
        )
        .order_by(Inspection.submitted_at)
    )
    return dict(rows(query))


def round_progress(round_id: str) -> RoundProgress:
    """The stops in order, each marked done when its venue was inspected that day."""
    found = _round(round_id)
    query = (
        Venue.select(
            Venue.id, Venue.code, Venue.name, Venue.kind, Venue.grid, Venue.address, Venue.due_on
        )
        .join(RoundStop)
        .where(RoundStop.round == round_id)
        .order_by(RoundStop.position)
    )
    venues = rows(query)
    done = done_on([v[0] for v in venues], found.date)
    stops = [
        Stop(i, vid, code, name, kind, grid, address, due, vid in done, done.get(vid))
        for i, (vid, code, name, kind, grid, address, due) in enumerate(venues)
    ]
    return RoundProgress(str(found.id), found.person, found.date, stops)
