"""Forgetting the people data a device holds: a revoked device (the server says so at its
next contact, `sync.client`) keeps nothing of the registry; a device whose person's scope
changed (grids, role, 包保 households) drops what it pulled and gets what is in the new
scope again (`forget_for_new_scope`).

The key goes first (`keyring.forget`: without it the sealed ID numbers and phones open
nowhere), then every row of the registry and its follow-ups and the unsent ops that carry
them, in one transaction with SQLite's `secure_delete` on, and the WAL is checkpointed and
truncated, so neither the store file nor its WAL keeps the deleted names. The audit ops
(reveals, exports, merges) stay: they hold ids, not personal data, and are the trail.

Sealing at rest (`fieldapp.store.at_rest`): the payloads of the personal ops are sealed in
the Outbox (`seal_payload`, opened for the push by `payload_text`), and
`seal_plain_rows` seals what was written before the device had its key (a store from
before sealing, rows pulled before the first PIN) in place, the same way: secure_delete
on, the WAL checkpointed and truncated, so the clear values are left in neither file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import at_rest as sealed
from fieldapp.domain.personal import PersonalDataLocked
from fieldapp.store import at_rest, keyring
from fieldapp.store.db import db, write_transaction
from fieldapp.store.followup_models import (
    FollowupCase,
    FollowupCaseEvent,
    FollowupPlan,
    FollowupReading,
)
from fieldapp.store.models import Outbox
from fieldapp.store.people_models import Household, HouseholdMember, Responsibility, Vehicle
from fieldapp.store.sealed_fields import SealedText

# Ops whose payloads hold people data (names, sealed numbers, readings, case notes).
PERSONAL_OPS = (
    "household.upsert",
    "followup.plan",
    "followup.reading",
    "followup_case.event",
)
PAYLOAD_CONTEXT = "outbox.payload"
SEALED_MODELS: tuple[Any, ...] = (Household, HouseholdMember, Vehicle, FollowupReading,
                                  FollowupCaseEvent)  # fmt: skip


def seal_payload(op_type: str, text: str) -> str:
    """An op's canonical JSON as the Outbox keeps it: sealed when it carries people."""
    return at_rest.seal(text, PAYLOAD_CONTEXT) if op_type in PERSONAL_OPS else text


@dataclass(slots=True)
class PendingOp:
    """An outbox row about to be pushed: what the push sends of it, read as a row (a
    batch of 500 built as peewee model objects was a fifth of a push's device side)."""

    op_id: str
    seq: int
    type: str
    payload: str  # as stored (sealed for people ops) until `opened_payloads` opens it

    @classmethod
    def waiting(cls, after_seq: int, limit: int) -> list[PendingOp]:
        """The next pending ops after `after_seq`, in seq order."""
        rows = db.execute_sql(
            "SELECT op_id, seq, type, payload FROM outbox WHERE state = 'pending' AND seq > ?"
            " ORDER BY seq LIMIT ?",
            (after_seq, limit),
        )
        return [cls(op_id, seq, type_, payload) for op_id, seq, type_, payload in rows]


def payload_text(row: Outbox | PendingOp) -> str:
    """An Outbox row's canonical JSON; PersonalDataLocked for a sealed one while locked."""
    return at_rest.open_value(row.payload, PAYLOAD_CONTEXT)


LOCKED_OPS_WARNING = (
    "people records wait on this device: they are sealed until the PIN opens them; "
    "unlock the app (ctrl+l) and sync again"
)


def opened_payloads(
    rows: Sequence[Outbox | PendingOp], *, holding: bool = False
) -> tuple[list[Outbox | PendingOp], bool]:
    """Rows about to be pushed, their payloads opened in memory; and whether a people op
    was held back. While locked, the first people op that cannot be opened waits for the
    PIN, and every people op after it waits too (a reading may need its household on the
    server first); the other ops — inspections, findings, incidents, which never need a
    people op — go on. `holding`: a people op of an earlier batch was held back."""
    sendable: list[Outbox | PendingOp] = []
    held_back = holding
    for row in rows:
        if held_back and row.type in PERSONAL_OPS:
            continue
        try:
            row.payload = payload_text(row)  # in memory only: the push splices it in
        except PersonalDataLocked:
            held_back = True
            continue
        sendable.append(row)
    return sendable, held_back


def _plain_in(table: str, id_column: str, columns: dict[str, str], where: str = "") -> int:
    """Seal the clear values of `columns` (column -> context) of `table`; rows sealed."""
    names = ", ".join(columns)
    found = db.execute_sql(f"SELECT {id_column}, {names} FROM {table} {where}").fetchall()
    count = 0
    for row_id, *values in found:
        changes = {
            column: at_rest.seal(value, context)
            for (column, context), value in zip(columns.items(), values, strict=True)
            if isinstance(value, str) and value and not sealed.is_sealed(value)
        }
        if changes:
            sets = ", ".join(f"{column} = ?" for column in changes)
            db.execute_sql(f"UPDATE {table} SET {sets} WHERE {id_column} = ?",
                           (*changes.values(), row_id))  # fmt: skip
            count += 1
    return count


def seal_plain_rows() -> int:
    """Seal, in place, every personal value still clear in the store (rows written before
    the device key existed); returns the rows sealed. Nothing to do before a PIN is set."""
    if not at_rest.sealing():
        return 0
    count = 0
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        with write_transaction():
            for model in SEALED_MODELS:
                columns = {
                    f.column_name: f"{model._meta.table_name}.{f.column_name}"
                    for f in model._meta.sorted_fields
                    if isinstance(f, SealedText)
                }
                count += _plain_in(model._meta.table_name, "id", columns)
            kinds = ", ".join(f"'{op}'" for op in PERSONAL_OPS)
            count += _plain_in("outbox", "seq", {"payload": PAYLOAD_CONTEXT},
                               f"WHERE type IN ({kinds})")  # fmt: skip
    finally:
        db.execute_sql("PRAGMA secure_delete = OFF")
    if count:
        truncate_wal()
    return count


def truncate_wal(attempts: int = 40) -> bool:
    """Copy the WAL into the store and empty it, so the clear values it still held are
    gone; a reader holding an older snapshot makes SQLite answer busy, so try again for
    about two seconds. True once it was emptied."""
    for _ in range(attempts):
        busy, _frames, _copied = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return True
        time.sleep(0.05)
    return False


@contextmanager
def _securely() -> Iterator[None]:
    """Deleted rows overwritten in the file, and the WAL truncated afterwards."""
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.execute_sql("PRAGMA secure_delete = OFF")
    truncate_wal()


def forget_personal_data() -> int:
    """Delete the key and every person this device holds; returns the people deleted."""
    keyring.forget()
    with _securely(), write_transaction():
        people = HouseholdMember.select().count()
        for model in (FollowupCaseEvent, FollowupCase, FollowupReading, FollowupPlan,
                      Responsibility, Vehicle, HouseholdMember, Household):  # fmt: skip
            model.delete().execute()
        Outbox.delete().where(Outbox.type.in_(PERSONAL_OPS)).execute()
    return people


def _households_of_pending_ops() -> set[str]:
    """The households that ops not yet sent write to (kept: their rows are this device's
    own work, which the server sends back once the ops are through). PersonalDataLocked
    when such an op is sealed and the device locked."""
    plans: set[str] = set()
    cases: set[str] = set()
    households: set[str] = set()
    pending = Outbox.select().where((Outbox.state == "pending") & Outbox.type.in_(PERSONAL_OPS))
    for row in pending:
        payload = json.loads(payload_text(row))
        op_type = row.type
        if op_type == "household.upsert":
            households.add(payload["id"])
        elif op_type == "followup.plan":
            households |= _households_of_members([payload["member_id"]])
        elif op_type == "followup.reading":
            plans.add(payload["plan_id"])
        else:  # followup_case.event
            cases.add(payload["case_id"])
    plans |= {str(c.plan_id) for c in FollowupCase.select().where(FollowupCase.id.in_(cases))}
    members = [str(p.member_id) for p in FollowupPlan.select().where(FollowupPlan.id.in_(plans))]
    return households | _households_of_members(members)


def _households_of_members(member_ids: list[str]) -> set[str]:
    query = HouseholdMember.select(HouseholdMember.household).where(
        HouseholdMember.id.in_(member_ids)
    )
    return {str(m.household_id) for m in query}


def forget_for_new_scope() -> int:
    """Delete the households (with their people, vehicles, cadres and follow-ups) this
    device pulled, before it pulls its new scope from the start: those still in scope come
    again, those no longer in it (a grid taken away, a 包保 responsibility ended) stay
    gone. Households that unsent ops write to are kept, and those the server refused (this
    device's own, the office never had them). Returns the households deleted;
    PersonalDataLocked (nothing deleted) while such ops are sealed and the device locked."""
    from fieldapp.store.refused_records import HOUSEHOLD_UPSERT, refused_ops

    kept = _households_of_pending_ops() | set(refused_ops(HOUSEHOLD_UPSERT))
    with _securely(), write_transaction():
        gone = Household.select(Household.id).where(Household.id.not_in(kept))
        members = HouseholdMember.select(HouseholdMember.id).where(
            HouseholdMember.household.in_(gone)
        )
        plans = FollowupPlan.select(FollowupPlan.id).where(FollowupPlan.member.in_(members))
        cases = FollowupCase.select(FollowupCase.id).where(FollowupCase.plan.in_(plans))
        FollowupCaseEvent.delete().where(FollowupCaseEvent.case.in_(cases)).execute()
        FollowupCase.delete().where(FollowupCase.plan.in_(plans)).execute()
        FollowupReading.delete().where(FollowupReading.plan.in_(plans)).execute()
        FollowupPlan.delete().where(FollowupPlan.member.in_(members)).execute()
        for model in (Responsibility, Vehicle, HouseholdMember):
            model.delete().where(model.household.in_(gone)).execute()
        return int(Household.delete().where(Household.id.not_in(kept)).execute())
