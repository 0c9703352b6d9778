"""The pull feed: change_log rows appended in commit order, read per device.

Ordering choice (PostgreSQL). A BIGSERIAL seq is handed out at INSERT, but transactions
commit in any order: a reader could see seq 11 committed while seq 10 is still in flight,
move its cursor to 11 and never see 10. Every writer therefore takes one transaction-scoped
advisory lock (`pg_advisory_xact_lock`) just before it appends to change_log, as the last
step of its transaction; the lock is released only after COMMIT, so seq order equals
commit order, and any visible seq implies every smaller seq is visible too. The lock is
held only from the append to the commit (a few milliseconds), and plain domain writes
before it still run concurrently. SQLite serialises writers (BEGIN IMMEDIATE), so there
commit order is seq order already. Alternatives considered: reading only up to the oldest
in-flight xid (pg_snapshot_xmin) needs a txid column and more care; a single writer
process contradicts "a set of stateless processes".
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sync.protocol import canonical_json
from sync.server import db as server_db
from sync.server.blob_scope import record_refs
from sync.server.bulk import execute_many, select_in
from sync.server.models import CHANGE_LOG_LOCK_KEY, ChangeLog, DeviceScope
from sync.server.scope import (
    DeviceContext,
    households_outside_grids,
    responsible_grids_sql,
    responsible_sql,
    scope_cte,
)

FEED_COLUMNS = (
    "type", "record_id", "grid_code", "audience", "payload", "deleted", "at", "household_id",
)  # fmt: skip

# Tests only: hold each transaction open for up to this many seconds after its append, so
# a broken ordering scheme shows up as a skipped row instead of hiding in a tiny window.
_TEST_APPEND_DELAY = float(os.environ.get("FIELDAPP_SERVER_TEST_APPEND_DELAY", "0") or 0)


# Not frozen: a frozen dataclass sets each field through object.__setattr__ (1.9 against
# 0.3 µs a change), and a push of 100 inspections makes ~400 of them. Nothing changes one.
@dataclass(slots=True)
class NewChange:
    type: str
    record_id: str
    record: dict[str, Any]
    grid_code: str | None = None  # None: visible to every device
    audience: str = "all"  # all | supervisor | person:<id> (that person's devices alone)
    deleted: bool = False
    may_hold_floats: bool = True  # False: built from a push body without float literals
    household_id: str | None = None  # people records: the household's 包保 cadres see it too


def person_audience(person_id: str) -> str:
    return f"person:{person_id}"


def verdict_change(inspection: dict[str, Any], grid_code: str) -> NewChange:
    """What the server decided about an inspection's claim of presence, for the inspector
    who made it (the inspection record itself goes to supervisors only)."""
    keys = ("id", "venue_id", "presence", "presence_check", "presence_check_reason")
    record = {key: inspection[key] for key in keys}  # text, every one: no float to look for
    return NewChange("inspection_verdict", inspection["id"], record, grid_code,
                     person_audience(inspection["inspector_id"]),
                     may_hold_floats=False)  # fmt: skip


class _Held(threading.local):
    changes: list[NewChange] | None = None


_held = _Held()


@contextmanager
def feed_held() -> Iterator[list[NewChange]]:
    """Inside, in this thread, `append_changes` only collects the changes, in the list this
    yields, for the caller to append as the last write of its transaction. A group commit
    (`group_commit`) appends its works' changes so, all at once just before its COMMIT: on
    PostgreSQL the feed's lock is then held from there to the commit, not from the first
    work's append to the end of the group, while other server processes wait for it."""
    outer, _held.changes = _held.changes, []
    try:
        yield _held.changes
    finally:
        _held.changes = outer


def append_changes(changes: Iterable[NewChange]) -> None:
    """Append to the feed. Call as the LAST write of the surrounding transaction. The
    photos the records name become readable by the devices that may pull them."""
    changes = list(changes)
    if _held.changes is not None:
        _held.changes += changes
        return
    record_refs(changes)
    at = server_db.now_iso()
    rows = [
        (c.type, c.record_id, c.grid_code, c.audience, _stored(c), c.deleted, at, c.household_id)
        for c in changes
    ]
    if not rows:
        return
    db = server_db.current()
    if server_db.is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOG_LOCK_KEY,))
    execute_many(ChangeLog, FEED_COLUMNS, rows)
    if _TEST_APPEND_DELAY:
        time.sleep(random.uniform(0, _TEST_APPEND_DELAY))


FeedRow = tuple[int, str, str, str, Any]  # seq, type, record id, payload (JSON), deleted


def _stored(change: NewChange) -> str:
    """The record as the feed keeps it: an inspection without its answers, which its row
    holds already (they are most of its bytes); reading puts them back."""
    record = change.record
    if change.type == "inspection" and "answers" in record:
        record = record.copy()  # a copy at C speed, then one key out: ~1 µs less
        del record["answers"]
    return canonical_json(record, may_hold_floats=change.may_hold_floats)


def answers_json(inspection_ids: Iterable[str]) -> dict[str, str]:
    """Each inspection's answers as the JSON array its feed record held, ordered by item
    code (as pushed): `{"item_code","note","outcome","photos","value"}`, keys sorted."""
    sql = "SELECT id, answers FROM inspection WHERE id IN ({})"
    return {
        inspection_id: answers
        for inspection_id, answers in select_in(sql, sorted(set(inspection_ids)))
    }


def with_answers(rows: list[FeedRow]) -> list[FeedRow]:
    """Feed rows with each inspection's answers put back into its record (rows written
    before the feed kept them out already have them: their record starts with them)."""
    missing = [
        row[2] for row in rows if row[1] == "inspection" and not row[3].startswith('{"answers":')
    ]
    if not missing:
        return rows
    answers = answers_json(missing)
    out: list[FeedRow] = []
    for seq, type_, record_id, payload, deleted in rows:
        if type_ == "inspection" and record_id in answers and not payload.startswith('{"answers":'):
            # "answers" sorts before every other key of an inspection record.
            payload = f'{{"answers":{answers[record_id]},{payload[1:]}'
        out.append((seq, type_, record_id, payload, deleted))
    return out


@dataclass(frozen=True)
class Page:
    rows: list[FeedRow]
    cursor: int
    more: bool
    reset: bool = False  # the device's scope changed: pull again from cursor 0


def scope_key(who: DeviceContext) -> str:
    """A hash of the role the feed is read with, the person's own grids and the households
    they are responsible for outside them (read inside the caller's snapshot, so it
    describes exactly the scope the page was read for)."""
    db = server_db.current()
    grids = db.execute_sql(
        f"SELECT grid_code FROM person_grid WHERE person_id = {_param()} ORDER BY grid_code",
        (who.person_id,),
    ).fetchall()
    text = who.role + "|" + ",".join(str(row[0]) for row in grids)
    outside = households_outside_grids(who.person_id)
    if outside:  # a person without any keeps the key they had before 包保 counted
        text += "|" + ",".join(outside)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _param() -> str:
    return "%s" if server_db.is_postgres() else "?"


def read_page(who: DeviceContext, cursor: int, limit: int) -> Page:
    """The page of changes after `cursor` that `who` may see.

    When the person's role or grids changed since the device last pulled from the start,
    the answer is a reset instead (the device pulls again from 0, and so gets the history
    of its new grids). The scope is recorded when the device pulls from 0; a device that
    never had one recorded (enrolled before scopes were kept) has its current one adopted.
    """
    db = server_db.current()
    with server_db.snapshot_transaction():
        key = scope_key(who)
        held_row = db.execute_sql(
            f"SELECT scope_key FROM device_scope WHERE device = {_param()}", (who.device_id,)
        ).fetchone()
        held = held_row[0] if held_row else None
        if cursor and held is not None and held != key:
            return Page([], 0, True, reset=True)
        rows, next_cursor, more = _read_changes(who, cursor, limit)
    if held != key:
        with server_db.write_transaction():
            DeviceScope.insert(
                device=who.device_id, scope_key=key, since=server_db.now_iso()
            ).on_conflict(
                conflict_target=[DeviceScope.device],
                update={DeviceScope.scope_key: key, DeviceScope.since: server_db.now_iso()},
            ).execute()
    return Page(rows, next_cursor, more)


def _read_changes(who: DeviceContext, cursor: int, limit: int) -> tuple[list[FeedRow], int, bool]:
    """Changes after `cursor` that `who` may see: (rows, next cursor, more).

    Call inside one snapshot: when the page is not full, the next cursor is the feed's
    highest seq in that same snapshot, so rows of other grids are skipped once, not rescanned.
    """
    db = server_db.current()
    p = _param()
    columns = "c.seq, c.type, c.record_id, c.payload, c.deleted"
    if who.is_admin:
        sql = f"SELECT {columns} FROM change_log c WHERE c.seq > {p} ORDER BY c.seq LIMIT {p}"
        params: tuple[Any, ...] = (cursor, limit + 1)
    else:
        audience = f"c.audience = 'all' OR c.audience = {p}" + (
            " OR c.audience = 'supervisor'" if who.is_supervisor else ""
        )
        sql = (
            scope_cte() + f"SELECT {columns} FROM change_log c WHERE c.seq > {p}"
            " AND (c.grid_code IS NULL OR c.grid_code IN (SELECT code FROM down)"
            " OR (c.type = 'grid' AND c.grid_code IN (SELECT code FROM up))"
            f" OR c.household_id IN ({responsible_sql()})"
            f" OR (c.type = 'grid' AND c.grid_code IN ({responsible_grids_sql()})))"
            f" AND ({audience}) ORDER BY c.seq LIMIT {p}"
        )
        pid = who.person_id
        params = (pid, pid, cursor, pid, pid, person_audience(pid), limit + 1)
    rows = db.execute_sql(sql, params).fetchall()
    more = len(rows) > limit
    rows = with_answers(rows[:limit])
    if more:
        next_cursor = int(rows[-1][0])
    else:
        top = db.execute_sql("SELECT MAX(seq) FROM change_log").fetchone()[0]
        next_cursor = max(cursor, int(top or 0))
    return rows, next_cursor, more


def page_json(
    epoch: str, rows: list[FeedRow], cursor: int, more: bool, reset: bool = False
) -> bytes:
    """The PullResponse body, with each stored payload spliced in as it is (it is already
    canonical JSON), instead of parsing and re-encoding every record."""
    dumps = json.dumps
    changes = ",".join(
        f'{{"seq":{int(seq)},"type":{dumps(type_)},"id":{dumps(record_id)},'
        f'"record":{payload},"deleted":{"true" if deleted else "false"}}}'
        for seq, type_, record_id, payload, deleted in rows
    )
    head = (
        f'{{"epoch":{dumps(epoch)},"cursor":"{cursor}","more":{"true" if more else "false"},'
        f'"reset":{"true" if reset else "false"},'
    )
    return f'{head}"changes":[{changes}]}}'.encode()
