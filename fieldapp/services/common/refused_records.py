"""What a person does with a record the server refused to create (an inspection, an
incident, a patrol run, an activity, a household created on this device:
`fieldapp.store.refused_records`): read why, send it
again once the cause is fixed, or discard it.

Sending again puts the op back to 'pending' with a fresh count of attempts: the push sends
pending ops in seq order, so it goes before anything recorded after it (events on its
hazards or on the incident), and the server, which keeps no trace of refused ops, judges it
again; its ledger makes a second sending of the same op id safe. The inspection counts as
done again at once, as when it was submitted (its venue's due date moves on).

Discarding deletes the record on this device (an inspection with its answers and hazards,
an incident with its events, a patrol run with its scans, an activity, a household with its
people, vehicles, cadres and follow-ups) and marks the op 'discarded', read: the op's
payload stays in the outbox (a household's sealed, as it was), so what was entered can
still be exported. A household's earlier refused ops go with it (each carried the whole
household). Nothing else is deleted (photos are content-addressed and may be shared).

A patrol run is refused when its finish or any of its visits is (`PARTS`); either action
takes all its ops the server has not taken, in their order: sent again together (the
server keeps each visit once, by its id, and the finish carries them all), or discarded
together with the run, its visits still waiting included (none is sent for a run this
device no longer holds). Visits the server took before stay on record there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import cadence
from fieldapp.domain.clock import now_iso, wall_moment
from fieldapp.services.common import settings
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import write_transaction
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection, Outbox, Venue
from fieldapp.store.patrol_models import PatrolRun, PatrolScan
from fieldapp.store.refused_conditions import (  # kept importable from here
    not_refused as not_refused,
)
from fieldapp.store.refused_conditions import on_record as on_record
from fieldapp.store.refused_records import (
    ACTIVITY_RECORD,
    DISCARDED,
    HOUSEHOLD_UPSERT,
    INCIDENT_EVENT,
    INSPECTION_SUBMIT,
    PARTS,
    PATROL_RUN_SUBMIT,
    REFUSED,
    refused_ops,
    refused_record,
    unsent_parts,
    whole_of,
)


@dataclass(frozen=True, slots=True)
class RecordRefusal:
    """Why the server refused to create a record, and the op to act on."""

    seq: int
    why: str  # in the person's language (the server's text for a reason not worded here)
    refused_at: str | None


class NotRefused(LookupError):
    """The op is not a refused creation any more (sent again, discarded, or never was)."""


def refusals(op_type: str, record_ids: list[str]) -> dict[str, RecordRefusal]:
    """record id -> its refusal, for those of these records (created by `op_type` ops)
    the server refused."""
    seqs = refused_ops(op_type, record_ids)
    if not seqs:
        return {}
    ops = {op.seq: op for op in Outbox.select().where(Outbox.seq.in_(list(seqs.values())))}
    return {
        record_id: RecordRefusal(
            seq,
            reason_in_words(
                ops[seq].refusal_code, stored_params(ops[seq].refusal_params), ops[seq].last_error
            ),
            ops[seq].refused_at,
        )
        for record_id, seq in seqs.items()
    }


def inspection_refusals(inspection_ids: list[str]) -> dict[str, RecordRefusal]:
    """inspection id -> its refusal, for those of these inspections the server refused."""
    return refusals(INSPECTION_SUBMIT, inspection_ids)


def incident_refusals(incident_ids: list[str]) -> dict[str, RecordRefusal]:
    """incident id -> its refusal, for those of these incidents the server refused."""
    return refusals(INCIDENT_EVENT, incident_ids)


def _refused_op(seq: int) -> tuple[str, str]:
    """The kind of record the refused op created (the op type creating it: a patrol run's
    for one of its visits) and that record's id; NotRefused otherwise."""
    op = Outbox.get_or_none((Outbox.seq == seq) & (Outbox.state == "rejected"))
    kind = whole_of(op.type) if op is not None else ""
    if kind not in _DISCARDS:
        raise NotRefused(seq)
    record_id = refused_record(kind, seq)
    if record_id is None:
        raise NotRefused(seq)
    return kind, record_id


def _ops_of(kind: str, record_id: str, seq: int) -> Any:
    """The ops acted on with this one: every op of a record made of parts (a patrol run's
    visits and its finish) the server has not taken, so none is sent alone or left out."""
    return Outbox.seq.in_(unsent_parts(kind, record_id)) if kind in PARTS else Outbox.seq == seq


def send_again(seq: int) -> str:
    """Put the refused op back in the queue for the next sync (with the other refused ops
    of its record, in their order); returns the record's id."""
    with write_transaction():
        kind, record_id = _refused_op(seq)
        Outbox.update(
            state="pending",
            attempts=0,
            last_error="",
            refused_at=None,
            refusal_code=None,
            refusal_params=None,
            refusal_seen_at=None,
        ).where(_ops_of(kind, record_id, seq) & (Outbox.state == "rejected")).execute()
        if kind == INSPECTION_SUBMIT:
            _count_as_done(record_id)
    return record_id


def _count_as_done(inspection_id: str) -> None:
    inspection = Inspection.get_or_none(
        (Inspection.id == inspection_id) & (Inspection.status == REFUSED)
    )
    if inspection is None:
        return
    inspection.status = "submitted"
    inspection.save()
    venue = Venue.get_by_id(inspection.venue_id)
    day = _local_day(inspection.submitted_at)
    if day is not None and (venue.last_inspected_on is None or venue.last_inspected_on < day):
        venue.last_inspected_on = day
    venue.due_on = cadence.due_on(
        venue.kind, venue.risk_level, venue.last_inspected_on, settings.cadence()
    )
    venue.save()


def _local_day(stamp: str | None) -> dt.date | None:
    if not stamp:
        return None
    try:
        return wall_moment(stamp).date()
    except ValueError:
        return None


def discard(seq: int) -> str:
    """Delete the refused record on this device and mark its op discarded; returns the
    record's id."""
    with write_transaction():
        kind, record_id = _refused_op(seq)
        gone = _ops_of(kind, record_id, seq)  # a run's visits not sent yet go with it
        _DISCARDS[kind](record_id)
        if kind == HOUSEHOLD_UPSERT:  # its earlier refusals too: the household is gone
            gone |= (Outbox.type == kind) & (Outbox.record_id == record_id)
        Outbox.update(state=DISCARDED, refusal_seen_at=now_iso()).where(
            gone & Outbox.state.in_(["rejected", "pending"] if kind in PARTS else ["rejected"])
        ).execute()
    return record_id


def _discard_inspection(inspection_id: str) -> None:
    findings = [f.id for f in Finding.select(Finding.id).where(Finding.inspection == inspection_id)]
    FindingEvent.delete().where(FindingEvent.finding.in_(findings)).execute()
    Finding.delete().where(Finding.id.in_(findings)).execute()
    Answer.delete().where(Answer.inspection == inspection_id).execute()
    Inspection.delete().where(Inspection.id == inspection_id).execute()


def _discard_incident(incident_id: str) -> None:
    IncidentEvent.delete().where(IncidentEvent.incident == incident_id).execute()
    Incident.delete().where(Incident.id == incident_id).execute()


def _discard_patrol_run(run_id: str) -> None:
    PatrolScan.delete().where(PatrolScan.run == run_id).execute()
    PatrolRun.delete().where(PatrolRun.id == run_id).execute()


def _discard_activity(activity_id: str) -> None:
    Activity.delete().where(Activity.id == activity_id).execute()


def _discard_household(household_id: str) -> None:
    # Its people, vehicles, cadres and follow-ups go with it (ON DELETE CASCADE).
    from fieldapp.store.people_models import Household  # not imported at start-up

    Household.delete().where(Household.id == household_id).execute()


# The records a person may send again or discard, by the op that created them, and what
# discarding deletes of each (a daily report is filed again instead).
_DISCARDS: dict[str, Callable[[str], None]] = {
    INSPECTION_SUBMIT: _discard_inspection,
    INCIDENT_EVENT: _discard_incident,
    PATROL_RUN_SUBMIT: _discard_patrol_run,
    ACTIVITY_RECORD: _discard_activity,
    HOUSEHOLD_UPSERT: _discard_household,
}
