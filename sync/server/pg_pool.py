"""The PostgreSQL connection pool, without a round trip at every checkout.

peewee's pool makes sure a connection it hands out is alive with `SELECT 1`, and it does
so holding the database's one lock: every request of the process waits in line behind
another's round trip to PostgreSQL (two checkouts a push: its device's token, then its
writes). With 50 devices pushing at once a third of the server's threads' time was spent
waiting on that lock.

Here only a connection that has been idle in the pool for a while is checked that way:
one handed back moments ago was alive moments ago. If PostgreSQL dropped it meanwhile
(a restart), its first statement fails, the request is answered 503 (the device sends
it again, and the ledger makes that safe), and the connection is not taken back.

A new connection is opened outside peewee's locks. peewee opens one holding the
database's lock, which every checkout and every hand-back takes too: opening one takes
~13 ms here (PostgreSQL starts a backend for it), and when 50 devices pushed at once into
a server with few idle connections, its requests opened ~30 one after another, each
holding up all the others: the first push of each device took ~450 ms, where the next
ones took ~200, and made the bench's p95.
"""

from __future__ import annotations

import heapq
import time
from typing import Any

import peewee
from playhouse.pool import MaxConnectionsExceeded, PooledDatabase, PooledPostgresqlDatabase

CHECK_AFTER_IDLE = 5.0  # seconds in the pool after which a connection is checked again


class _NoneIdle(Exception):
    """No idle connection, and room for one more: open it outside peewee's locks."""


class PostgresPool(PooledPostgresqlDatabase):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._returned_at: dict[int, float] = {}  # conn_key -> when it was handed back
        self._opening = 0  # connections being opened outside the locks

    def connect(self, reuse_if_open: bool = False) -> Any:
        while True:
            try:
                return super().connect(reuse_if_open)
            except _NoneIdle:
                self._open_idle()  # then take it, or another idle one, or open again

    def _connect(self) -> Any:
        """peewee's checkout (under its locks), which opens no connection itself: with
        room for one more, `connect` opens it outside them; without, it waits for one
        handed back or opened (peewee counts only those in use)."""
        with self._pool_lock:
            if not self._connections:
                if len(self._in_use) + self._opening >= self._max_connections:
                    raise MaxConnectionsExceeded("every connection is in use or being opened")
                self._opening += 1
                raise _NoneIdle
        return super()._connect()

    def _open_idle(self) -> None:
        """Open a connection (counted in `_opening` already) and add it to the idle ones."""
        conn = None
        try:
            with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
                conn = super(PooledDatabase, self)._connect()  # the driver's, unpooled
        finally:
            with self._pool_lock:
                self._opening -= 1
                if conn is not None:
                    self._heap_counter += 1
                    heapq.heappush(self._connections, (time.time(), self._heap_counter, conn))
                    self._returned_at[self.conn_key(conn)] = time.monotonic()  # alive now
                self._pool_available.notify()

    def _is_closed(self, conn: Any) -> bool:
        if conn.closed or self._adapter.txn_status(conn) != self._adapter.txn_idle:
            return bool(super()._is_closed(conn))  # closed, broken or mid-transaction
        returned = self._returned_at.get(self.conn_key(conn))
        if returned is not None and time.monotonic() - returned < CHECK_AFTER_IDLE:
            return False
        return bool(super()._is_closed(conn))  # idle a while: a round trip says

    def _close(self, conn: Any, close_conn: bool = False) -> None:
        super()._close(conn, close_conn)
        if self._is_pooled(conn):
            self._returned_at[self.conn_key(conn)] = time.monotonic()
        else:  # closed for good (or already taken again: then it is checked, to be safe)
            self._returned_at.pop(self.conn_key(conn), None)

    def _is_pooled(self, conn: Any) -> bool:
        return any(pooled is conn for _, _, pooled in self._connections)
