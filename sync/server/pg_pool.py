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
"""

from __future__ import annotations

import time
from typing import Any

from playhouse.pool import PooledPostgresqlDatabase

CHECK_AFTER_IDLE = 5.0  # seconds in the pool after which a connection is checked again


class PostgresPool(PooledPostgresqlDatabase):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._returned_at: dict[int, float] = {}  # conn_key -> when it was handed back

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
