"""Records the server refused to create: an inspection (`inspection.submit`), an
incident (the `incident.event` op that carries its incident), a patrol run
(`patrol_run.submit`: its visits do not count for its window), an activity
(`activity.record`: it does not do its duty) and a daily report (`daily_report.submit`:
it does not stand for its grid and day, `day_reports`; the person files again).

A household (`household.upsert`) is one when the office never held it: its op is sealed at
rest, so SQL reads the household's id from the op's own `record_id` column (an id, not
personal data), which the registry sets only on the ops of a household created on this
device that no op has brought to the office yet. A refused edit of a household the office
holds leaves the office's record standing (it is said on the sync screen, as before: the
device cannot undo it without the office's copy). Each op carries the whole household, so
the household is refused while its newest op is: none of its ops waits or was taken.

Such a record was written on the device before the server said anything; when the server
refuses its op there is no server state to fall back to (unlike a refused event,
`sync.client.refused_events`), so the record stays, marked refused, until the person sends
it again or discards it. The op in the outbox ('rejected', with the server's reason and
code) is what marks it: the record's id is read from the op's payload.

An inspection is also marked in its own row (`Inspection.status = 'refused'`): every
count, due date and completion figure reads submitted inspections only, so a refused one
counts as not done without each of them knowing about refusals. Its venue's last
inspection date moves back (`move_back_last_inspected`: to its latest submitted one, or the
server's own date as pulled when that is later) in the transaction that records the
refusal; the due date is recomputed from it there (NULL, due today, until the cadence is
applied after the sync: `services.syncing.runs.after_sync`).
"""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.domain.clock import local_sql
from fieldapp.store.db import db, write_transaction
from fieldapp.store.patrol_models import (
    CLOSED_BY_OFFICE,
    CLOSED_BY_SUPERVISOR,
    TAKEN_OVER_ELSEWHERE,
)

INSPECTION_SUBMIT = "inspection.submit"
INCIDENT_EVENT = "incident.event"
DAILY_REPORT_SUBMIT = "daily_report.submit"
PATROL_RUN_SUBMIT = "patrol_run.submit"
PATROL_RUN_VISIT = "patrol_run.visit"
ACTIVITY_RECORD = "activity.record"
HOUSEHOLD_UPSERT = "household.upsert"
REFUSED = "refused"  # Inspection.status of a submitted inspection the server refused
DISCARDED = "discarded"  # Outbox.state of a refused op whose record the person discarded

# The id of the record an op created, from its payload (None: the op created nothing).
RECORD_ID_SQL = {
    INSPECTION_SUBMIT: "json_extract(payload, '$.inspection.id')",
    INCIDENT_EVENT: (
        "CASE WHEN json_type(payload, '$.incident') = 'object'"
        " THEN json_extract(payload, '$.incident_id') END"
    ),
    DAILY_REPORT_SUBMIT: "json_extract(payload, '$.id')",
    PATROL_RUN_SUBMIT: "json_extract(payload, '$.id')",
    ACTIVITY_RECORD: "json_extract(payload, '$.id')",
    HOUSEHOLD_UPSERT: "record_id",  # the payload is sealed: set when the op was written
}
# Ops that add to a record another op creates, and where their payload names it: a patrol
# run's visits go while it is walked (`patrol_run.visit`), before its finish. A refused
# visit marks its run refused as a refused finish does, and the run is sent again or
# discarded with all of them.
PARTS: dict[str, dict[str, str]] = {
    PATROL_RUN_SUBMIT: {PATROL_RUN_VISIT: "json_extract(payload, '$.run_id')"},
}
# A household is refused only while no op of it waits or was taken (a later edit, or this
# one sent again). A refused visit is not, once a finish of its run carrying it was taken.
_STILL_REFUSED = {
    HOUSEHOLD_UPSERT: (
        " AND NOT EXISTS (SELECT 1 FROM outbox AS other WHERE other.type = outbox.type"
        " AND other.record_id = outbox.record_id AND other.state IN ('pending', 'acked'))"
    ),
    PATROL_RUN_SUBMIT: (
        f" AND NOT (outbox.type = '{PATROL_RUN_VISIT}' AND EXISTS (SELECT 1 FROM outbox AS"
        f" later WHERE later.type = '{PATROL_RUN_SUBMIT}' AND later.state = 'acked'"
        " AND later.seq > outbox.seq"
        " AND json_extract(later.payload, '$.id') = json_extract(outbox.payload, '$.run_id')))"
    ),
}


def not_counted_visits(run_ids: Iterable[str] | None = None) -> set[str]:
    """The ids of this device's patrol visits the server refused because another device
    of the person had taken their run over, or the office had closed it (of these runs
    only, when given)."""
    sql = (
        "SELECT json_extract(payload, '$.scan.id') FROM outbox"
        " WHERE type = ? AND state = 'rejected' AND refusal_code IN"
        f" ({', '.join('?' for _ in RUN_ENDED_ELSEWHERE)})"
    )
    params: list[object] = [PATROL_RUN_VISIT, *RUN_ENDED_ELSEWHERE]
    if run_ids is not None:
        wanted = list(dict.fromkeys(run_ids))
        if not wanted:
            return set()
        sql += f" AND json_extract(payload, '$.run_id') IN ({', '.join('?' for _ in wanted)})"
        params += wanted
    return {str(scan_id) for (scan_id,) in db.execute_sql(sql, params) if scan_id is not None}


def walked_here(run_id: str) -> bool:
    """Whether this device queued visits or the finish of the run (a run pulled since as
    another device's was taken over there, from this device)."""
    return bool(
        db.execute_sql(
            "SELECT 1 FROM outbox WHERE (type = ? AND json_extract(payload, '$.run_id') = ?)"
            " OR (type = ? AND json_extract(payload, '$.id') = ?) LIMIT 1",
            (PATROL_RUN_VISIT, run_id, PATROL_RUN_SUBMIT, run_id),
        ).fetchone()
    )


def op_types(op_type: str) -> list[str]:
    """The op types that make up a record `op_type` creates (itself and its parts)."""
    return [op_type, *PARTS.get(op_type, {})]


def whole_of(op_type: str) -> str:
    """The op type creating the record an op of `op_type` is part of (itself if none)."""
    return next((whole for whole, parts in PARTS.items() if op_type in parts), op_type)


def _record_sql(op_type: str) -> str:
    parts = PARTS.get(op_type)
    if not parts:
        return RECORD_ID_SQL[op_type]
    whens = " ".join(f"WHEN '{part}' THEN {sql}" for part, sql in parts.items())
    return f"CASE type {whens} ELSE {RECORD_ID_SQL[op_type]} END"


# A refusal that says the server holds the record already (`sync.protocol.refusals`): the
# record is on record, only this op was one too many.
HELD_BY_SERVER = ("already_submitted",)
# A refusal that says another device of the person took the run over, or the office or
# a supervisor closed it as abandoned: the server holds the run (its visits count, as it
# sent them in the pull); only what this device sent of it after that is not counted
# (`not_counted_visits`), not the window.
TAKEN_OVER = "patrol_run_taken_over"
CLOSED = "patrol_run_closed"
CLOSED_BY_A_SUPERVISOR = "patrol_run_closed_by_supervisor"  # its supervisor_id: who
RUN_ENDED_ELSEWHERE = (TAKEN_OVER, CLOSED, CLOSED_BY_A_SUPERVISOR)
_NOT_HELD = (
    "COALESCE(refusal_code, '') NOT IN"
    f" ({', '.join(repr(code) for code in (*HELD_BY_SERVER, *RUN_ENDED_ELSEWHERE))})"
)
_REFUSED = f"state = 'rejected' AND type = ? AND {_NOT_HELD}"


def _refused_sql(op_type: str) -> tuple[str, list[object]]:
    """(record_id, seq) of each refused op of the record kind `op_type` creates."""
    types = op_types(op_type)
    sql = (
        f"SELECT {_record_sql(op_type)} AS record_id, seq FROM outbox"  # noqa: S608 - fixed names
        f" WHERE state = 'rejected' AND type IN ({', '.join('?' for _ in types)})"
        f" AND {_NOT_HELD}{_STILL_REFUSED.get(op_type, '')}"
    )
    return sql, list(types)


def refused_ops(op_type: str, record_ids: Iterable[str] | None = None) -> dict[str, int]:
    """record id -> the seq of the newest refused op that created it or is part of it (a
    patrol run's visit: `PARTS`); only these records when `record_ids` is given."""
    sql, params = _refused_sql(op_type)
    if record_ids is not None:
        wanted = list(dict.fromkeys(record_ids))
        if not wanted:
            return {}
        sql = f"SELECT * FROM ({sql}) WHERE record_id IN ({', '.join('?' for _ in wanted)})"  # noqa: S608
        params += wanted
    return {
        str(record_id): int(seq)
        for record_id, seq in db.execute_sql(sql + " ORDER BY seq", params)
        if record_id is not None
    }


def refused_record(op_type: str, seq: int) -> str | None:
    """The record this refused op (of the kind `op_type` creates) created or is part of;
    None when the op is not a refusal of one (sent again, held by the server)."""
    sql, params = _refused_sql(op_type)
    row = db.execute_sql(f"SELECT record_id FROM ({sql}) WHERE seq = ?", [*params, seq])  # noqa: S608
    found = row.fetchone()
    return str(found[0]) if found is not None and found[0] is not None else None


def unsent_parts(op_type: str, record_id: str) -> list[int]:
    """The seqs of the ops of a record made of parts (`PARTS`) the server has not taken:
    refused (not as one too many) or still waiting, in the order they were queued."""
    types = op_types(op_type)
    rows = db.execute_sql(
        f"SELECT seq FROM outbox WHERE type IN ({', '.join('?' for _ in types)})"  # noqa: S608
        f" AND {_record_sql(op_type)} = ?"
        f" AND (state = 'pending' OR (state = 'rejected' AND {_NOT_HELD})) ORDER BY seq",
        [*types, record_id],
    )
    return [int(seq) for (seq,) in rows]


def created_here_not_taken(op_type: str, record_id: str) -> bool:
    """Whether ops of this device create the record and none of them was taken yet (the
    office does not hold it): an edit's op then marks its record as the first one did."""
    return bool(
        db.execute_sql(
            "SELECT MIN(state != 'acked') FROM outbox WHERE type = ? AND record_id = ?",
            (op_type, record_id),
        ).fetchone()[0]
    )


def mark_refused(op_ids: Iterable[str]) -> None:
    """The inspections these ops submitted, just recorded as refused, no longer count as
    done: marked refused, their venues' last inspection moved back; the patrol runs they
    were refused for as closed by the office or taken over elsewhere are marked so (inside
    the caller's transaction)."""
    op_ids = list(op_ids)
    if not op_ids:
        return
    marks = ", ".join("?" for _ in op_ids)
    rows = db.execute_sql(
        f"SELECT {RECORD_ID_SQL[INSPECTION_SUBMIT]} FROM outbox"  # noqa: S608 - fixed names
        f" WHERE {_REFUSED} AND op_id IN ({marks})",
        [INSPECTION_SUBMIT, *op_ids],
    )
    _mark_inspections([str(record_id) for (record_id,) in rows if record_id is not None])
    _mark_runs_ended_elsewhere(op_ids)


def _mark_runs_ended_elsewhere(op_ids: list[str]) -> None:
    """The patrol runs these ops were refused for as closed by the office: finished, the
    office's (as the pull brings a run that was open here; a run finished here is kept as
    it is, so this is what says it was closed). Those refused as taken over on another
    device, still open here as this device's: another device's, not resumed or continued
    here, even when the pull of this sync fails (the next one names that device)."""
    marks = ", ".join("?" for _ in op_ids)
    runs = (
        f"SELECT {_record_sql(PATROL_RUN_SUBMIT)} FROM outbox"  # noqa: S608 - fixed names
        f" WHERE state = 'rejected' AND refusal_code = ? AND op_id IN ({marks})"
    )
    db.execute_sql(
        f"UPDATE patrol_run SET status = 'finished', device_id = ? WHERE id IN ({runs})",  # noqa: S608
        [CLOSED_BY_OFFICE, CLOSED, *op_ids],
    )
    for supervisor, run_ids in _closed_by_supervisors(op_ids).items():
        db.execute_sql(
            f"UPDATE patrol_run SET status = 'finished', device_id = ? WHERE id IN ({run_ids})",  # noqa: S608
            [CLOSED_BY_SUPERVISOR + supervisor, CLOSED_BY_A_SUPERVISOR, supervisor, *op_ids],
        )
    db.execute_sql(
        f"UPDATE patrol_run SET device_id = ? WHERE id IN ({runs}) AND status = 'open'"  # noqa: S608
        " AND device_id IN ('', (SELECT device_id FROM sync_state WHERE id = 1))",
        [TAKEN_OVER_ELSEWHERE, TAKEN_OVER, *op_ids],
    )


def _closed_by_supervisors(op_ids: list[str]) -> dict[str, str]:
    """The supervisors who closed the runs these ops were refused for, each with the SQL
    of those runs' ids (its parameters: the code, the supervisor, then `op_ids`)."""
    marks = ", ".join("?" for _ in op_ids)
    rows = db.execute_sql(
        "SELECT DISTINCT json_extract(refusal_params, '$.supervisor_id') FROM outbox"  # noqa: S608
        f" WHERE state = 'rejected' AND refusal_code = ? AND op_id IN ({marks})",
        [CLOSED_BY_A_SUPERVISOR, *op_ids],
    )
    runs = (
        f"SELECT {_record_sql(PATROL_RUN_SUBMIT)} FROM outbox"  # noqa: S608 - fixed names
        " WHERE state = 'rejected' AND refusal_code = ?"
        f" AND json_extract(refusal_params, '$.supervisor_id') = ? AND op_id IN ({marks})"
    )
    return {str(supervisor): runs for (supervisor,) in rows if supervisor}


def mark_earlier_refusals() -> None:
    """Inspections refused before this device marked them (or whose mark a pull undid):
    marked now, at the start of each push."""
    ids = [
        record_id
        for record_id in refused_ops(INSPECTION_SUBMIT)
        if db.execute_sql(
            "SELECT 1 FROM inspection WHERE id = ? AND status = 'submitted'", (record_id,)
        ).fetchone()
    ]
    if ids:
        with write_transaction():
            _mark_inspections(ids)


def _mark_inspections(ids: list[str]) -> None:
    if not ids:
        return
    marks = ", ".join("?" for _ in ids)
    refused_days = db.execute_sql(
        local_sql(
            f"SELECT venue_id, date(submitted_at, 'localtime') FROM inspection"  # noqa: S608
            f" WHERE status = 'submitted' AND id IN ({marks})"
        ),
        ids,
    ).fetchall()
    db.execute_sql(
        f"UPDATE inspection SET status = ? WHERE status = 'submitted' AND id IN ({marks})",  # noqa: S608
        [REFUSED, *ids],
    )
    move_back_last_inspected(refused_days)


# A venue's last inspection without the refused ones: the later of the latest submitted
# inspection this device holds (a refused one is not submitted) and the server's own date
# as last pulled (`Venue.server_inspected_on`: an inspection this device never held, e.g. a
# colleague's; a refused inspection never reached the server, so it is not in that date).
# Neither: never inspected, due today.
_MOVE_BACK_SQL = """
    UPDATE venue SET
        last_inspected_on = (
            SELECT MAX(day) FROM (
                SELECT date(MAX(submitted_at), 'localtime') AS day FROM inspection
                WHERE venue_id = venue.id AND status = 'submitted' AND submitted_at IS NOT NULL
                UNION ALL SELECT venue.server_inspected_on
            )
        ),
        due_on = NULL
    WHERE id = ?
      AND last_inspected_on IS NOT NULL AND last_inspected_on <= ?
      AND COALESCE(server_inspected_on, '') < last_inspected_on
      AND NOT EXISTS (
        SELECT 1 FROM inspection WHERE venue_id = venue.id AND status = 'submitted'
          AND date(submitted_at, 'localtime') >= venue.last_inspected_on
      )
"""


def move_back_last_inspected(refused_days: Iterable[tuple[str, str]]) -> None:
    """(venue id, local day of a refused inspection of it): each venue whose last
    inspection date that day may have set, and no submitted inspection backs any more,
    gets the date of the latest one that does, or the server's own (neither: never
    inspected, due today)."""
    db.cursor().executemany(local_sql(_MOVE_BACK_SQL), list(dict.fromkeys(refused_days)))
