"""Group commit: concurrent pushes of one process share one transaction and one fsync.

A push's writes (`work`) are queued; the first request to take the leader's lock runs
every queued work in one write transaction, each in a savepoint of its own, and commits
once. While it does, newly arriving requests queue behind it, and the next leader takes
all of them together: under load a commit (one fsync with SQLite's `synchronous=FULL`)
serves many requests, where each used to pay its own. Alone, a request leads a group of
one and waits for nobody.

Nothing is acknowledged before it is durable: a request returns only after the commit
that holds its writes, and if that commit (or the transaction) fails every request of the
group gets the error (a 503: the device sends the batch again; the ledger makes that safe).
A work that fails alone rolls back its savepoint and gets its own error; the others commit
(on PostgreSQL a group first runs its works without savepoints, and if one fails, runs
again with them).
A database that is down (InterfaceError) fails the whole group.

The works' changes go into the pull feed together, as the group's last write
(`feed.feed_held`): on PostgreSQL the feed's lock, which orders every server process's
appends, is then held only from there to the commit. Holding it from the first work's
append to the end of the group made a second server process's pushes wait seconds.

Each request gets, with its work's result, the server's epoch read once for the group in
its transaction (a push answers with it): on PostgreSQL a read a request was a round trip
each, queued behind the group's.

On PostgreSQL a process leads up to `pg_leaders()` groups at once, each on its own
connection. A leader spends most of its time waiting for PostgreSQL (a push is a dozen
round trips): with one group at a time the process's Python and PostgreSQL's work took
turns, and PostgreSQL used one backend of the machine's CPUs. Groups led together are
what two server processes' groups already are to each other: their venues are locked in
one order (`venue_moves`, `_lock_venues`) and the feed's lock orders their commits. SQLite
has one writer at a time, so there one group is led at a time.

On PostgreSQL the group's end also holds its pushes' rows and venue moves: a push's rows
are written with the others', one COPY a table for the group (`bulk.rows_held`), and its
venues' last inspection moved there too, their rows locked from there to the commit
(`venue_moves`). A push cannot see rows held by an earlier push of its group; only a batch
sent again while its first send is in the group would need to (a device's answer timed
out): the database then refuses the held rows (the ledger's key), and the group is run
again with each push writing its own, as before.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from peewee import InterfaceError

from sync.server import db as server_db
from sync.server.bulk import HeldRows, HeldRowsRefused, rows_held, write_held
from sync.server.feed import NewChange, append_changes, feed_held
from sync.server.venue_moves import Moves, lock_venues, move_held, moves_held

T = TypeVar("T")

MAX_GROUP = 32  # works per transaction: bounds the wait of the first one
# On PostgreSQL, where a process leads groups at once: smaller groups share a burst out
# among the leaders, where the first took 32 of 50 pushes and all 32 waited for the whole
# of it (the 50-device bench: p95 264–303 ms at 12 against 317–394 at 16 and 32).
PG_MAX_GROUP = 12
LEADERS_ENV = "FIELDAPP_PG_LEADERS"  # groups a process leads at once on PostgreSQL
MAX_LEADERS = 8  # each holds one of the pool's connections (32) while it leads


def pg_leaders() -> int:
    """How many groups a process leads at once on PostgreSQL: $FIELDAPP_PG_LEADERS, else
    one per CPU (`serve --workers N` sets it to CPUs / N for its processes). On 2 CPUs
    with 50 devices (README, issue 15's PostgreSQL row) two processes leading 2 groups
    each did worse than leading 1 each: more groups at once than CPUs only contend."""
    value = os.environ.get(LEADERS_ENV, "")
    wanted = int(value) if value.isdigit() else (os.cpu_count() or 1)
    return max(1, min(MAX_LEADERS, wanted))


class Again(Exception):
    """Raised by a work: roll back what it wrote and run `work` in its place, in a savepoint
    of its own (a push whose batch failed as a whole is applied again one op at a time).
    The work itself then needs no savepoint of its own inside the group's: on PostgreSQL
    a savepoint and its release are two round trips a push."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__("the work is run again another way")
        self.work = work


class _Slot(Generic[T]):
    __slots__ = (
        "work", "venues", "moved_last", "taken", "leads", "done", "wake", "finished",
        "result", "epoch", "error",
    )  # fmt: skip

    def __init__(self, work: Callable[[], T], venues: Iterable[str], moved_last: bool) -> None:
        self.work = work
        self.venues = venues
        self.moved_last = moved_last
        self.taken = False  # in a group a leader took
        self.leads = False  # its request leads groups (until its own work is committed)
        self.done = False
        self.wake = threading.Event()  # its request may go on: done, or its turn to lead
        self.finished = threading.Event()  # done
        self.result: T | None = None
        self.epoch = ""
        self.error: BaseException | None = None


class GroupCommit:
    """One per process; `run(work)` returns what `work` returned once it is committed, and
    the epoch it was committed under. `leaders`: groups led at once (default: 1 on SQLite,
    `pg_leaders()` on PostgreSQL).

    A request that finds a leader's place free leads; the others wait, each on its own
    event, woken once: when its work is committed, or when a leader whose own work is
    committed hands it the place (the first request still queued). Waking every waiting
    request at each commit to let them look cost more than a second leader gained."""

    def __init__(self, leaders: int | None = None) -> None:
        self._queue: deque[_Slot[Any]] = deque()
        self._lock = threading.Lock()  # guards the queue, the slots' flags, the counts
        self._leaders = leaders
        self._leading = 0  # requests leading now
        self._held = False  # `held()`: no request starts leading
        self.commits = 0  # transactions committed (a group of n counts once)
        self.works = 0  # works committed

    def run(
        self, work: Callable[[], T], venues: Iterable[str] = (), *, moved_last: bool = False
    ) -> tuple[T, str]:
        """Run `work` (which writes through server_db.current()) in a shared transaction.
        Raises what the work or the commit raised. `venues`: the ids of the venues whose
        rows the work may update; `moved_last`: it updates them only through
        `venue_moves.move_inspected`, which the group does at its end. The leader of a
        group takes a connection for it: a request waiting in the queue holds none (with
        50 devices at once, 40 waiting pushes held one each, and the pool's 32 made the
        others wait for one)."""
        slot: _Slot[T] = _Slot(work, venues, moved_last)
        limit = self._limit()
        with self._lock:
            self._queue.append(slot)
            if not self._held and self._leading < limit:
                slot.leads = True
                self._leading += 1
        if not slot.leads:
            slot.wake.wait()  # done, or handed a leader's place
        if slot.leads:
            self._lead_until_done(slot)
        if slot.error is not None:
            raise slot.error
        return slot.result, slot.epoch  # type: ignore[return-value]

    def _lead_until_done(self, slot: _Slot[Any]) -> None:
        """Lead groups from the queue's head until the slot's own work is committed (another
        leader may have taken it: then wait for that), then hand the place on."""
        try:
            while not slot.done:
                with self._lock:
                    size = min(self._group_size(), len(self._queue))
                    group = [self._queue.popleft() for _ in range(size)]
                    for taken in group:
                        taken.taken = True
                if group:
                    self._lead(group)
                else:
                    slot.finished.wait()
        finally:  # even on a KeyboardInterrupt: the place must not be lost with this thread
            self._pass_on()

    def _pass_on(self) -> None:
        """The leader's place to the first request queued that does not lead, or back."""
        with self._lock:
            waiting = next((s for s in self._queue if not s.leads), None)
            if waiting is not None and not self._held:
                waiting.leads = True  # the place passes on: the count stays
                waiting.wake.set()
            else:
                self._leading -= 1

    def _group_size(self) -> int:
        return PG_MAX_GROUP if server_db.is_postgres() else MAX_GROUP

    def _limit(self) -> int:
        if self._leaders is not None:
            return self._leaders
        return pg_leaders() if server_db.is_postgres() else 1

    @contextmanager
    def held(self) -> Iterator[None]:
        """Inside, no request starts leading (they queue): for tests, as if one were being
        led. Afterwards the first one queued leads."""
        with self._lock:
            self._held = True
        try:
            yield
        finally:
            with self._lock:
                self._held = False
                waiting = next((s for s in self._queue if not s.leads), None)
                if waiting is not None and self._leading < self._limit():
                    waiting.leads = True
                    self._leading += 1
                    waiting.wake.set()

    def _lead(self, group: list[_Slot[Any]]) -> None:
        db = server_db.current()
        try:
            try:  # on PostgreSQL the pushes' rows are written together at the group's end
                epoch = _transaction(db, group, hold=server_db.is_postgres())
            except (HeldRowsRefused, _WorkFailed):  # rolled back: each push writes its own
                # rows this time, each in a savepoint of its own
                for slot in group:
                    slot.result, slot.error = None, None
                epoch = _transaction(db, group, hold=False)
            for slot in group:
                slot.epoch = epoch
            with self._lock:
                self.commits += 1
                self.works += sum(1 for slot in group if slot.error is None)
        except BaseException as error:
            for slot in group:  # nothing of the group is durable: none is acknowledged
                slot.result, slot.error = None, error
            if not isinstance(error, Exception):
                raise
        finally:
            for slot in group:
                slot.done = True
                slot.finished.set()
                slot.wake.set()


def _transaction(db: Any, group: list[_Slot[Any]], *, hold: bool) -> str:
    """The group's works in one transaction, committed; returns the epoch it was under.
    `hold`: rows the works let wait are written at the end (`bulk.rows_held`) and the
    works run without savepoints; if the database refuses those rows, HeldRowsRefused
    after the rollback, and if a work fails, _WorkFailed."""
    with db.connection_context(), server_db.write_transaction():
        _lock_venues(group)
        changes: list[NewChange] = []
        moves: Moves = {}
        rows: HeldRows = {}
        for slot in group:
            changes += _run_work(db, slot, moves, rows, hold=hold)
        write_held(rows)
        move_held(moves)  # the venues' locks only from here to the COMMIT
        append_changes(changes)  # last: the feed's lock only until the COMMIT
        return server_db.get_epoch()


class _WorkFailed(Exception):
    """A work run without a savepoint failed: the group is rolled back and run again, each
    work in a savepoint of its own (`_run_guarded`)."""


def _run_work(
    db: Any, slot: _Slot[Any], moves: Moves, rows: HeldRows, *, hold: bool
) -> list[NewChange]:
    """Run the slot's work, on PostgreSQL with its rows held to the group's end and without
    a savepoint: a push that does not fail writes nothing before that end, and a savepoint
    and its release were two round trips a push. If the work fails (any error but the
    database being gone), `_WorkFailed`: the group is run again, guarded. Returns the feed
    changes it made, and adds its venue moves and held rows to those of the group."""
    if not hold:
        return _run_guarded(db, slot, moves, rows)
    try:
        with feed_held() as held, moves_held() as moved, rows_held() as waiting:
            slot.result = slot.work()
    except InterfaceError:
        raise  # the database is gone: the group fails
    except Exception as error:
        raise _WorkFailed(str(error)) from error
    _add_held(moved, waiting, moves, rows)
    return held


def _add_held(moved: Moves, waiting: HeldRows, moves: Moves, rows: HeldRows) -> None:
    for venue_id, venue_changes in moved.items():
        moves.setdefault(venue_id, []).extend(venue_changes)
    for table, table_rows in waiting.items():
        rows.setdefault(table, []).extend(table_rows)


def _run_guarded(db: Any, slot: _Slot[Any], moves: Moves, rows: HeldRows) -> list[NewChange]:
    """Run the slot's work in a savepoint of its own (and the work it asks for instead,
    `Again`), its rows written as it goes; its result or error goes to the slot. Returns
    the feed changes it made, and adds its venue moves to those of the group: a work
    rolled back adds to none of them."""
    work: Callable[[], Any] = slot.work
    while True:
        try:
            with (
                feed_held() as held,
                moves_held() as moved,
                rows_held(False) as waiting,
                db.atomic(),  # the work's savepoint
            ):
                slot.result = work()
            _add_held(moved, waiting, moves, rows)
            return held
        except Again as again:
            work = again.work  # what it wrote is rolled back with the savepoint
        except InterfaceError:
            raise  # the database is gone: the group fails
        except Exception as error:  # noqa: BLE001 (handed to its request)
            slot.result, slot.error = None, error
            return []


def _lock_venues(group: list[_Slot[Any]]) -> None:
    """On PostgreSQL, when a work of the group updates venue rows while it runs, lock
    every venue row the group's works may update, first and in one order. Each work
    updates its own in order, but a group holds them all to its commit: two server
    processes' groups would otherwise take shared venues in opposite orders and deadlock
    (SQLite has one writer at a time). A group whose works only move venues at its end
    locks them there (`venue_moves`), in one order too. Either way a group takes all its
    venue locks in one statement, in one order, so no two groups deadlock."""
    if not server_db.is_postgres() or all(slot.moved_last for slot in group):
        return
    venues = sorted({venue for slot in group for venue in slot.venues})
    if venues:
        lock_venues(venues)


PUSHES = GroupCommit()
