"""Applying pushed ops exactly once (invariant 1).

A batch is applied in one transaction, and its feed entries are appended once, as the
transaction's last write (one commit, one fsync per batch instead of per op). The ledger
is read once for the whole batch. `inspection.submit` ops (nearly all of the volume) are
checked one by one in order and their rows written together by an `InspectionWriter`
(ledger rows first); other ops flush those rows and then run in a savepoint of their own,
where the ledger row (applied_op) is claimed first: a
concurrent push of the same op blocks on that primary key and, once the first commits,
finds it and answers `duplicate`. A refused op rolls back its savepoint, writes nothing
and is not remembered, so the same op may be judged again later (e.g. after the
administrator assigns a missing grid). Should the batch transaction itself fail, each op
is applied again in its own transaction.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

from peewee import IntegrityError, InterfaceError, OperationalError
from pydantic import ValidationError

from sync.protocol import (
    OP_ACTIVITY_RECORD,
    OP_CAMPAIGN_SWITCH,
    OP_CASE_EVENT,
    OP_DAILY_REPORT_SUBMIT,
    OP_EXPORT_RECORDED,
    OP_FINDING_EVENT,
    OP_FOLLOWUP_PLAN,
    OP_FOLLOWUP_READING,
    OP_HOUSEHOLD_UPSERT,
    OP_INCIDENT_EVENT,
    OP_INSPECTION_REVIEW,
    OP_INSPECTION_SUBMIT,
    OP_PATROL_RUN_CLOSE,
    OP_PATROL_RUN_SUBMIT,
    OP_PATROL_RUN_TAKE_OVER,
    OP_PATROL_RUN_VISIT,
    OP_PERSON_MERGE,
    OP_PERSONAL_EXPORT,
    OP_PERSONAL_REVEAL,
    OP_VENUE_ATTRIBUTES,
    PAYLOAD_MODELS,
    Op,
    OpResult,
    payload_hash,
    refusals,
)
from sync.server import db as server_db
from sync.server.activities import apply_activity_record
from sync.server.audit import apply_export_recorded
from sync.server.bulk import rows_are_held, select_in
from sync.server.campaign_switch import apply_campaign_switch
from sync.server.feed import NewChange, append_changes
from sync.server.followups import apply_case_event, apply_followup_plan, apply_followup_reading
from sync.server.group_commit import Again
from sync.server.incidents import apply_incident_event
from sync.server.inspection_review import apply_inspection_review
from sync.server.inspections import AlreadyStored, InspectionWriter
from sync.server.models import AppliedOp
from sync.server.op_checks import invalid_payload
from sync.server.patrol_close import apply_patrol_close
from sync.server.patrols import apply_patrol_run, apply_patrol_take_over, apply_patrol_visit
from sync.server.people import (
    apply_household_upsert,
    apply_personal_export,
    apply_personal_reveal,
)
from sync.server.people_merge import apply_person_merge
from sync.server.scope import DeviceContext
from sync.server.submit import (
    Applied,
    apply_daily_report,
    apply_finding_event,
)
from sync.server.venue_attributes import apply_venue_attributes
from sync.server.venues_ahead import VenuesRead

log = logging.getLogger("fieldapp.server.push")

REUSED_OP_ID = refusals.op_id_reused()


class Refused(Exception):
    """An op the server will not apply; the message is for a person, in English, and
    `code`/`params` word it again on the device (sync.protocol.refusals)."""

    def __init__(self, reason: str, code: str | None = None, params: dict[str, str] | None = None):
        super().__init__(reason)
        self.code = code
        self.params = params

    @classmethod
    def of(cls, error: BaseException) -> Refused:
        """An applier's ValueError as a refusal, with its code when it has one."""
        return cls(str(error), *refusals.coded(error))

    def result(self, op: Op) -> OpResult:
        log.info("op rejected", extra={"op_id": op.op_id, "reason": str(self), "code": self.code})
        return _rejected(op, str(self), self.code, self.params)


def _rejected(
    op: Op, reason: str, code: str | None = None, params: dict[str, str] | None = None
) -> OpResult:
    """A rejected op's answer: the English reason, and its code when it has one."""
    if isinstance(reason, refusals.Reason):
        code, params = reason.code, dict(reason.params)
    return OpResult(
        op_id=op.op_id,
        status="rejected",
        reason=str(reason),
        reason_code=code,
        reason_params=(params or {}) if code else None,
    )


class _Clash(Exception):
    """The ledger row appeared under us (a concurrent push of the same op)."""


Applier = Callable[[DeviceContext, Any], Applied]

APPLIERS: dict[str, Applier] = {
    OP_FINDING_EVENT: apply_finding_event,
    OP_DAILY_REPORT_SUBMIT: apply_daily_report,
    OP_EXPORT_RECORDED: apply_export_recorded,
    OP_INCIDENT_EVENT: apply_incident_event,
    OP_HOUSEHOLD_UPSERT: apply_household_upsert,
    OP_PERSONAL_REVEAL: apply_personal_reveal,
    OP_PERSON_MERGE: apply_person_merge,
    OP_FOLLOWUP_PLAN: apply_followup_plan,
    OP_FOLLOWUP_READING: apply_followup_reading,
    OP_CASE_EVENT: apply_case_event,
    OP_PERSONAL_EXPORT: apply_personal_export,
    OP_ACTIVITY_RECORD: apply_activity_record,
    OP_PATROL_RUN_SUBMIT: apply_patrol_run,
    OP_PATROL_RUN_VISIT: apply_patrol_visit,
    OP_PATROL_RUN_TAKE_OVER: apply_patrol_take_over,
    OP_PATROL_RUN_CLOSE: apply_patrol_close,
    OP_CAMPAIGN_SWITCH: apply_campaign_switch,
    OP_VENUE_ATTRIBUTES: apply_venue_attributes,
    OP_INSPECTION_REVIEW: apply_inspection_review,
}


def apply_ops(
    who: DeviceContext, ops: list[Op], *, floats: bool = True, venues: VenuesRead | None = None
) -> list[OpResult]:
    """Apply a push's ops in order, as a group commit's work (`group_commit.PUSHES`): a
    batch writes in the group's savepoint for the work, and one that fails as a whole
    raises `Again` with the same ops one at a time, each in a transaction of its own, to
    run once the group has rolled the batch back. `floats=False`: the body held no float
    literal, so no payload holds a float (canonical JSON need not look for them).
    `venues`: the venues its inspections name, read before the group (`venues_ahead`)."""
    if len(ops) <= 1:
        return [apply_op(who, op) for op in ops]
    try:
        return _apply_batch(who, ops, floats, venues)
    except (_Clash, IntegrityError, OperationalError) as error:
        log.info("batch transaction failed; one op at a time", extra={"error": str(error)})
    except InterfaceError:
        raise  # the database is down: 503, the client retries the batch
    except Exception:  # one op the checks let through failed: it must not sink the others
        log.exception("batch failed on an unexpected error; one op at a time")
    raise Again(lambda: [apply_op(who, op) for op in ops])


def _apply_batch(
    who: DeviceContext, ops: list[Op], floats: bool, venues: VenuesRead | None
) -> list[OpResult]:
    """The batch's writes, in the caller's (savepointed) write transaction."""
    results: list[OpResult] = []
    changes: list[NewChange] = []
    held = rows_are_held()
    # Rows held to the group's end meet the ledger's primary key there, which refuses an op
    # applied before (the group then runs again, each push looking first). A batch of
    # inspections alone writes nothing else before that end, so it need not look now: the
    # look was a statement a push, and a resend after a lost answer is rare.
    only_inspections = all(op.type == OP_INSPECTION_SUBMIT for op in ops)
    known = {} if held and only_inspections else _known_ops([op.op_id for op in ops])
    writer = InspectionWriter(
        who,
        [op.payload for op in ops if op.type == OP_INSPECTION_SUBMIT and op.op_id not in known],
        floats=floats,
        trust_keys=held,
        venues=venues,
    )
    for op in ops:
        digest = payload_hash(op.payload, may_hold_floats=floats)
        op_changes: list[NewChange] = []
        try:
            if op.op_id in known:
                result = _answer_known(op, *known[op.op_id], digest)
            elif op.type == OP_INSPECTION_SUBMIT:
                result, op_changes = _collect_inspection(writer, op, digest)
            else:
                _checked(op)  # a malformed op costs no round trip to the database
                writer.flush(others_follow=True)  # its checks read what earlier ops wrote
                result, op_changes = _apply_in_savepoint(who, op, digest)
        except Refused as refusal:
            result = refusal.result(op)
        if result.status == "applied":
            known[op.op_id] = (digest, _stored_result(result))
        results.append(result)
        changes += op_changes
    writer.flush(hold=True)  # the batch's last rows: a group may write them at its end
    append_changes(changes)  # last: holds the feed lock only until COMMIT
    return results


def _known_ops(op_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The ledger's (payload hash, stored result) of those of `op_ids` already applied."""
    sql = "SELECT op_id, payload_hash, result FROM applied_op WHERE op_id IN ({})"
    return {
        op_id: (digest, json.loads(result) if result else {})
        for op_id, digest, result in select_in(sql, sorted(set(op_ids)))
    }


def _stored_result(result: OpResult) -> dict[str, Any]:
    stored: dict[str, Any] = {"status": "applied"}
    if result.conflict:
        stored["conflict"] = result.conflict
    if result.event_seqs:
        stored["event_seqs"] = result.event_seqs
    return stored


def _collect_inspection(
    writer: InspectionWriter, op: Op, digest: str
) -> tuple[OpResult, list[NewChange]]:
    try:
        accepted = writer.add(op, digest)
    except AlreadyStored as error:
        # PostgreSQL: a concurrent push of this op may have committed after the ledger was
        # read; its records and its ledger row commit together, so the ledger says.
        known = _known_ops([op.op_id]).get(op.op_id)
        if known is not None:
            return _answer_known(op, *known, digest), []
        raise Refused.of(error) from None
    except ValueError as error:
        raise Refused.of(error) from None
    answer = OpResult(op_id=op.op_id, status="applied", event_seqs=accepted.event_seqs or None)
    return answer, accepted.changes


def _apply_in_savepoint(
    who: DeviceContext, op: Op, digest: str
) -> tuple[OpResult, list[NewChange]]:
    for _attempt in range(5):
        try:
            with server_db.current().atomic():  # the op's savepoint
                return _write_op(who, op, digest)
        except _Clash:  # a concurrent push committed this op: look again
            continue
    raise _Clash(f"op {op.op_id} kept clashing")


def apply_op(who: DeviceContext, op: Op) -> OpResult:
    digest = payload_hash(op.payload)
    for _attempt in range(5):
        try:
            return _apply_once(who, op, digest)
        except Refused as refusal:
            return refusal.result(op)
        except (_Clash, IntegrityError) as clash:
            log.info("op clashed, looking again", extra={"op_id": op.op_id, "error": str(clash)})
        except (OperationalError, InterfaceError):
            raise  # the database is busy or down: 503, the client retries
        except Exception:
            # A bug or a value the checks missed, deterministic for this payload: refuse
            # the op (the client shows why and moves on) rather than fail the batch.
            error_id = uuid.uuid4().hex[:12]
            log.exception("op failed", extra={"op_id": op.op_id, "error_id": error_id})
            return _rejected(op, refusals.server_error(error_id))
    return OpResult(
        op_id=op.op_id,
        status="rejected",
        reason="the server could not store this op because another write kept clashing with it",
    )


def _apply_once(who: DeviceContext, op: Op, digest: str) -> OpResult:
    with server_db.write_transaction():
        result, changes = _write_op(who, op, digest)
        append_changes(changes)  # last: holds the feed lock only until COMMIT
    return result


def _write_op(who: DeviceContext, op: Op, digest: str) -> tuple[OpResult, list[NewChange]]:
    """The op's writes in the current transaction; its feed entries are returned."""
    db = server_db.current()
    known = AppliedOp.get_or_none(AppliedOp.op_id == op.op_id)
    if known is not None:
        return _answer_known(op, known.payload_hash, known.result or {}, digest), []
    if op.type == OP_INSPECTION_SUBMIT:
        writer = InspectionWriter(who, [op.payload])
        answer, changes = _collect_inspection(writer, op, digest)
        try:
            with db.atomic():  # a savepoint: a failed insert must not abort the transaction
                writer.flush()  # the ledger row first
        except IntegrityError as error:
            raise _Clash(str(error)) from None
        return answer, changes
    applier, payload = _checked(op)  # before the ledger: a refused op writes nothing
    try:
        with db.atomic():  # a savepoint: a failed insert must not abort the transaction
            AppliedOp.insert(
                op_id=op.op_id,
                device=who.device_id,
                seq=op.seq,
                type=op.type,
                payload_hash=digest,
                result={"status": "applied"},
                applied_at=server_db.now_iso(),
            ).execute()
    except IntegrityError as error:
        raise _Clash(str(error)) from None
    try:
        applied = applier(who, payload)
    except ValueError as error:  # the appliers raise ValueError with a readable reason
        raise Refused.of(error) from None
    result: dict[str, Any] = {"status": "applied"}
    if applied.conflict:
        result["conflict"] = applied.conflict
    if applied.event_seqs:
        result["event_seqs"] = applied.event_seqs
    if len(result) > 1:
        AppliedOp.update(result=result).where(AppliedOp.op_id == op.op_id).execute()
    answer = OpResult(
        op_id=op.op_id,
        status="applied",
        conflict=applied.conflict,
        event_seqs=applied.event_seqs or None,
    )
    return answer, applied.changes


def _checked(op: Op) -> tuple[Applier, Any]:
    """The applier and validated payload of a non-inspection op, or Refused."""
    applier = APPLIERS.get(op.type)
    if applier is None:
        raise Refused.of(refusals.unknown_op_type(op.type))
    try:
        return applier, PAYLOAD_MODELS[op.type].model_validate(op.payload)
    except ValidationError as error:
        raise Refused.of(invalid_payload(op.type, error)) from None


def _answer_known(op: Op, known_hash: str, stored: dict[str, Any], digest: str) -> OpResult:
    if known_hash != digest:
        return _rejected(op, REUSED_OP_ID)
    return OpResult(
        op_id=op.op_id,
        status="duplicate",
        conflict=stored.get("conflict"),
        event_seqs=stored.get("event_seqs"),
    )
