"""A venue's last inspection, moved forward by the pushes that inspect it (PostgreSQL).

Inside a group commit the moves of every push are held and made together as the group's
last write but the feed (`moves_held`, `move_held`): the venues' rows are locked from
there to the COMMIT, in one order, instead of from the group's start. Two groups that
inspect the same venues (two leaders of a process, or two server processes) then overlap
in all but their last few statements; locked from the start, the second waited for the
whole of the first (the 50-device bench: 47 groups spent 1.76 s in that lock).

The lock is FOR NO KEY UPDATE, what the UPDATE of a non-key column takes anyway: it lets
the foreign-key checks of other groups' inserts (FOR KEY SHARE on the venue) go on, so a
group holding none of these locks until its end waits for nobody before it. Every group
takes its venue locks in one statement, in the venues' order: at its end, or at its start
when one of its works updates a venue while it runs (`group_commit._lock_venues`, which
then takes these too).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sync.server import db as server_db
from sync.server.feed import NewChange
from sync.server.records import move_venues_postgres

Moves = dict[str, list[NewChange]]  # venue id -> the feed entries that send it out again

LOCK_SQL = "SELECT id FROM venue WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE"


class _Held(threading.local):
    moves: Moves | None = None


_held = _Held()


@contextmanager
def moves_held() -> Iterator[Moves]:
    """Inside, in this thread, `move_inspected` only collects its moves, in the dict this
    yields, for the group to make with `move_held` as its last write but the feed."""
    outer, _held.moves = _held.moves, {}
    try:
        yield _held.moves
    finally:
        _held.moves = outer


def move_inspected(inspected: dict[str, NewChange]) -> None:
    """Each venue's `last_inspected_at` moved forward to its feed entry's, and the entry
    given the venue as then held. The caller holds the rows' locks unless held."""
    if _held.moves is not None:
        for venue_id, change in inspected.items():
            _held.moves.setdefault(venue_id, []).append(change)
        return
    _move({venue_id: [change] for venue_id, change in inspected.items()})


def move_held(moves: Moves) -> None:
    """Make a group's held moves: lock the venues in one order, move them, and give every
    feed entry of a venue the row as it now is (the latest stamp of the group's pushes)."""
    if not moves:
        return
    lock_venues(sorted(moves))
    _move(moves)


def lock_venues(venue_ids: list[str]) -> None:
    """Lock the venues' rows in the order given (sorted), to the end of the transaction."""
    server_db.current().execute_sql(LOCK_SQL, (venue_ids,))


def _move(moves: Moves) -> None:
    stamps = {
        venue_id: max(change.record["last_inspected_at"] for change in changes)
        for venue_id, changes in moves.items()
    }
    for record in move_venues_postgres(stamps):
        for change in moves[record["id"]]:
            change.record.update(record)
