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
A work that fails alone rolls back its savepoint and gets its own error; the others commit.
A database that is down (InterfaceError) fails the whole group.

The works' changes go into the pull feed together, as the group's last write
(`feed.feed_held`): on PostgreSQL the feed's lock, which orders every server process's
appends, is then held only from there to the commit. Holding it from the first work's
append to the end of the group made a second server process's pushes wait seconds.

Each request gets, with its work's result, the server's epoch read once for the group in
its transaction (a push answers with it): on PostgreSQL a read a request was a round trip
each, queued behind the group's.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from peewee import InterfaceError

from sync.server import db as server_db
from sync.server.feed import NewChange, append_changes, feed_held

T = TypeVar("T")

MAX_GROUP = 32  # works per transaction: bounds the wait of the first one


class Again(Exception):
    """Raised by a work: roll back what it wrote and run `work` in its place, in a savepoint
    of its own (a push whose batch failed as a whole is applied again one op at a time).
    The work itself then needs no savepoint of its own inside the group's: on PostgreSQL
    a savepoint and its release are two round trips a push."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__("the work is run again another way")
        self.work = work


class _Slot(Generic[T]):
    __slots__ = ("work", "venues", "done", "result", "epoch", "error")

    def __init__(self, work: Callable[[], T], venues: Iterable[str]) -> None:
        self.work = work
        self.venues = venues
        self.done = False
        self.result: T | None = None
        self.epoch = ""
        self.error: BaseException | None = None


class GroupCommit:
    """One per process; `run(work)` returns what `work` returned once it is committed, and
    the epoch it was committed under."""

    def __init__(self) -> None:
        self._queue: deque[_Slot[Any]] = deque()
        self._queue_lock = threading.Lock()
        self._leader = threading.Lock()
        self.commits = 0  # transactions committed (a group of n counts once)
        self.works = 0  # works committed

    def run(self, work: Callable[[], T], venues: Iterable[str] = ()) -> tuple[T, str]:
        """Run `work` (which writes through server_db.current()) in a shared transaction.
        Raises what the work or the commit raised. `venues`: the ids of the venues whose
        rows the work may update. The leader of a group takes a connection for it: a
        request waiting in the queue holds none (with 50 devices at once, 40 waiting
        pushes held one each, and the pool's 32 made the others wait for one)."""
        slot: _Slot[T] = _Slot(work, venues)
        with self._queue_lock:
            self._queue.append(slot)
        while not slot.done:
            with self._leader:
                if slot.done:  # a leader took it while this request waited
                    break
                with self._queue_lock:
                    group = [self._queue.popleft() for _ in range(min(MAX_GROUP, len(self._queue)))]
                self._lead(group)
        if slot.error is not None:
            raise slot.error
        return slot.result, slot.epoch  # type: ignore[return-value]

    def _lead(self, group: list[_Slot[Any]]) -> None:
        db = server_db.current()
        try:
            with db.connection_context(), server_db.write_transaction():
                _lock_venues(group)
                changes: list[NewChange] = []
                for slot in group:
                    changes += _run_work(db, slot)
                append_changes(changes)  # last: the feed's lock only until the COMMIT
                epoch = server_db.get_epoch()
            self.commits += 1
            for slot in group:
                slot.epoch = epoch
            self.works += sum(1 for slot in group if slot.error is None)
        except BaseException as error:
            for slot in group:  # nothing of the group is durable: none is acknowledged
                slot.result, slot.error = None, error
            if not isinstance(error, Exception):
                raise
        finally:
            for slot in group:
                slot.done = True


def _run_work(db: Any, slot: _Slot[Any]) -> list[NewChange]:
    """Run the slot's work in a savepoint of its own (and the work it asks for instead,
    `Again`); its result or error goes to the slot. Returns the feed changes it made: a
    work rolled back adds nothing to the feed."""
    work: Callable[[], Any] = slot.work
    while True:
        try:
            with feed_held() as held, db.atomic():  # the work's savepoint
                slot.result = work()
            return held
        except Again as again:
            work = again.work  # what it wrote is rolled back with the savepoint
        except InterfaceError:
            raise  # the database is gone: the group fails
        except Exception as error:  # noqa: BLE001 (handed to its request)
            slot.result, slot.error = None, error
            return []


def _lock_venues(group: list[_Slot[Any]]) -> None:
    """On PostgreSQL, lock the venue rows the group's works may update, first and in one
    order. Each work updates its own in order, but a group holds them all to its commit:
    two server processes' groups would otherwise take shared venues in opposite orders
    and deadlock (SQLite has one writer at a time)."""
    venues = sorted({venue for slot in group for venue in slot.venues})
    if venues and server_db.is_postgres():
        server_db.current().execute_sql(
            "SELECT id FROM venue WHERE id = ANY(%s) ORDER BY id FOR UPDATE", (venues,)
        )


PUSHES = GroupCommit()
