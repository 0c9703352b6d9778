"""Pulled incidents and their events into the local store, and their refold.

As for findings: an incident this device already holds keeps its own record and takes
the server's state; events are inserted once and take the server's number
(`server_order` → `server_seq`); the cached state is then the one fold by the incident
lifecycle over the local events, the same fold the server runs.
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain.incidents import INCIDENT
from fieldapp.store.db import db
from fieldapp.store.incident_models import Incident, IncidentEvent
from sync.client.rows import RowWriter, existing, rows_in
from sync.protocol import Change

_EVENT_COLUMNS = "id, type, actor, role, device_id, base_event, at, note, data, server_seq"


def refold_incidents(incident_ids: set[str]) -> None:
    """Recompute the cached state of these incidents (those on this device)."""
    if not incident_ids:
        return
    events: dict[str, list[dict[str, Any]]] = {}
    sql = f"SELECT incident_id, {_EVENT_COLUMNS} FROM incident_event WHERE incident_id IN ({{}})"
    for row in rows_in(sql, incident_ids):
        incident_id, event_id, type_, actor, role, device, base, at, note, data, seq = row
        events.setdefault(incident_id, []).append(
            {"id": event_id, "type": type_, "actor": actor, "role": role, "device_id": device,
             "base_event": base, "at": at, "note": note, "data": json.loads(data or "{}"),
             "server_seq": seq}
        )  # fmt: skip
    updates = []
    for incident_id in existing("SELECT id FROM incident WHERE id IN ({})", set(events)):
        # One whose events are not here yet (a later page brings them) keeps the server's.
        folded = machine.fold(events[incident_id], INCIDENT)
        updates.append(
            (folded.state, folded.assigned_to, bool(folded.unresolved_conflicts), incident_id)
        )
    db.cursor().executemany(
        "UPDATE incident SET state = ?, assigned_to = ?, conflict = ? WHERE id = ?", updates
    )


def record_incident_seqs(event_seqs: dict[str, int]) -> None:
    """Keep the server's numbers of this device's own incident events (push answers)."""
    if not event_seqs:
        return
    db.cursor().executemany(
        "UPDATE incident_event SET server_seq = ? WHERE id = ?",
        [(seq, event_id) for event_id, seq in event_seqs.items()],
    )
    sql = "SELECT DISTINCT incident_id FROM incident_event WHERE id IN ({})"
    refold_incidents(existing(sql, event_seqs))


def forget_incident_seqs() -> None:
    """A restored server numbers events afresh (see `apply.forget_server_seqs`)."""
    sql = "SELECT DISTINCT incident_id FROM incident_event WHERE server_seq IS NOT NULL"
    incidents = {row[0] for row in db.execute_sql(sql).fetchall()}
    db.execute_sql("UPDATE incident_event SET server_seq = NULL WHERE server_seq IS NOT NULL")
    refold_incidents(incidents)


def apply_incidents(changes: list[Change], grid_known: Any, warnings: list[str]) -> set[str]:
    """Insert new incidents, update the state of held ones; the ids touched."""
    records = [c.record for c in changes]
    held = existing("SELECT id FROM incident WHERE id IN ({})", [r["id"] for r in records])
    venues = existing("SELECT id FROM venue WHERE id IN ({})", [r.get("venue_id") for r in records])
    inserts = RowWriter(Incident)
    updates: list[tuple[Any, ...]] = []
    touched: set[str] = set()
    copied = ("category", "address", "occurred_at", "description", "people", "photos",
              "media", "created_at", "created_by", "state", "assigned_to")  # fmt: skip
    for r in records:
        touched.add(r["id"])
        if r["id"] in held:
            updates.append((r["state"], r.get("assigned_to", ""), bool(r.get("conflict")), r["id"]))
            continue
        if not grid_known(r.get("grid_code")):
            warnings.append(f"incident {r['id']} skipped: its grid is not on this device")
            continue
        venue = r.get("venue_id")
        values = {k: r[k] for k in copied if r.get(k) is not None}
        inserts.add(
            {**values, "id": r["id"], "grid": r["grid_code"],
             "venue": venue if venue in venues else None, "conflict": bool(r.get("conflict"))}
        )  # fmt: skip
        held.add(r["id"])
    inserts.write()
    db.cursor().executemany(
        "UPDATE incident SET state = ?, assigned_to = ?, conflict = ? WHERE id = ?", updates
    )
    return touched


def apply_incident_events(changes: list[Change], warnings: list[str]) -> set[str]:
    """Insert new events, keep the server's number of held ones; the incidents touched."""
    records = [c.record for c in changes]
    held = existing("SELECT id FROM incident_event WHERE id IN ({})", [r["id"] for r in records])
    incidents = existing(
        "SELECT id FROM incident WHERE id IN ({})", [r["incident_id"] for r in records]
    )
    inserts = RowWriter(IncidentEvent)
    updates: list[tuple[Any, ...]] = []
    touched: set[str] = set()
    for r in records:
        seq = r.get("server_order")
        touched.add(r["incident_id"])
        if r["id"] in held:
            updates.append((seq, r["id"]))
            continue
        if r["incident_id"] not in incidents:
            warnings.append(f"event {r['id']} skipped: its incident is not on this device")
            continue
        data = dict(r.get("data") or {})
        if r.get("conflict"):
            data["conflict"] = r.get("conflict_reason") or "conflict"
        inserts.add(
            {"id": r["id"], "incident": r["incident_id"], "type": r["type"],
             "actor": r["actor"], "role": r["role"], "device_id": r.get("device_id", ""),
             "base_event": r.get("base_event"), "at": r["at"], "note": r.get("note", ""),
             "photos": r.get("photos", []), "data": data, "server_seq": seq}
        )  # fmt: skip
        held.add(r["id"])
    inserts.write()
    db.cursor().executemany("UPDATE incident_event SET server_seq = ? WHERE id = ?", updates)
    return touched
