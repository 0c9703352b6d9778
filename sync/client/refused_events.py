"""An event the server refused leaves the device's fold of its hazard, incident or case.

A `finding.event` (likewise `incident.event`, `followup_case.event`) is written locally
and folded into the record's cached state at once, before the server has said anything.
When the server refuses the op, the event never happens there: kept among the record's
events it would stay in this device's fold for good — a refused deadline shown instead of
the server's, and the next event built on it — whatever a later pull brings. So the event
row is set aside: deleted from the record's events, and the record refolded from the
events that stand. Nothing the person entered is lost silently: the op stays in the
outbox as 'rejected' with its whole payload (the event as entered) and the server's
reason, and the sync screen lists it until the person has read why.

An `incident.event` op that carries its incident (the `reported` event of an incident
this device opened) is left alone: the incident itself was refused, and there is no
server state to fall back to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fieldapp.store.db import db, write_transaction
from fieldapp.store.personal_data import PERSONAL_OPS
from sync.client.apply import refold_findings
from sync.client.followup_rows import refold_case
from sync.client.incident_rows import refold_incidents

# op type -> (event table, the payload's key and the table's column for the record)
EVENT_OPS = {
    "finding.event": ("finding_event", "finding_id"),
    "incident.event": ("incident_event", "incident_id"),
    "followup_case.event": ("followup_case_event", "case_id"),
}


def record_of(op_type: str, payload: str) -> str:
    """The id of the record an event op's payload is about ("" for another op)."""
    if op_type not in EVENT_OPS:
        return ""
    try:
        return str(json.loads(payload)[EVENT_OPS[op_type][1]])
    except (ValueError, KeyError, TypeError):
        return ""


def _refused_event(op_type: str, payload: str) -> tuple[str, str] | None:
    """(record id, event id) of a refused event op that is set aside, else None."""
    if op_type not in EVENT_OPS:
        return None
    try:
        body: dict[str, Any] = json.loads(payload)
        if op_type == "incident.event" and body.get("incident") is not None:
            return None  # the incident's own opening: nothing to fall back to
        return str(body[EVENT_OPS[op_type][1]]), str(body["event"]["id"])
    except (ValueError, KeyError, TypeError):
        return None  # not an event op's shape: the server refused it for that


def set_aside(refused: Iterable[tuple[str, str]]) -> None:
    """Take these refused ops' events (op type, payload in clear) out of their records'
    events and refold those records (inside the caller's transaction)."""
    touched: dict[str, set[str]] = {op_type: set() for op_type in EVENT_OPS}
    for op_type, payload in refused:
        found = _refused_event(op_type, payload)
        if found is None:
            continue
        table, column = EVENT_OPS[op_type]
        record_id, event_id = found
        deleted = db.execute_sql(
            f"DELETE FROM {table} WHERE id = ? AND {column} = ?",  # noqa: S608 - fixed names
            (event_id, record_id),
        ).rowcount
        if deleted:
            touched[op_type].add(record_id)
    refold_findings(touched["finding.event"])
    refold_incidents(touched["incident.event"])
    for case_id in sorted(touched["followup_case.event"]):
        refold_case(case_id)


def set_aside_earlier_refusals() -> None:
    """Events of ops refused before this device set refused events aside (their rows
    may still be folded in): set them aside now, at the start of each push. Case events
    are not among them: their ops are sealed (people data) and may not open here."""
    plain = [t for t in EVENT_OPS if t not in PERSONAL_OPS]
    marks = ", ".join("?" for _ in plain)
    rows = db.execute_sql(
        f"SELECT type, payload FROM outbox WHERE state = 'rejected' AND type IN ({marks})",  # noqa: S608
        plain,
    ).fetchall()
    if rows:
        with write_transaction():
            set_aside(rows)
