"""Where the alerts have read the change log up to: one row in `meta`."""

from __future__ import annotations

from sync.server import db as server_db
from sync.server.models import ChangeLog, Meta

CURSOR_KEY = "alerts_cursor"


def start_cursor() -> None:
    """Start the cursor at the end of the feed if it has none yet, so history is not
    alerted. Call inside a write transaction (adding a rule does)."""
    start = ChangeLog.select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).scalar() or 0
    Meta.insert(key=CURSOR_KEY, value=str(start)).on_conflict_ignore().execute()


def read_cursor() -> int:
    start_cursor()
    query = Meta.select(Meta.value).where(Meta.key == CURSOR_KEY)
    if server_db.is_postgres():
        query = query.for_update()  # one process reads the feed at a time
    return int(query.get().value)


def write_cursor(seq: int) -> None:
    Meta.update(value=str(seq)).where(Meta.key == CURSOR_KEY).execute()
