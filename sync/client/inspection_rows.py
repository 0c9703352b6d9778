"""Pulled inspections, findings and hazard events, written in bulk (part of a page).

Records of this device's own work already exist locally and stay as they are (an
inspection is immutable after submit); what the server decides — a finding's state, an
event's place in its finding's server order (`server_seq`), a scan's verdict — is taken
from the server. A record whose parent is missing here is skipped with a warning.
"""

from __future__ import annotations

from typing import Any

from fieldapp.domain.clock import now_iso
from fieldapp.domain.proof import flags_text, photo_flags
from fieldapp.store.db import db
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection, Person
from sync.client.rows import RowWriter, as_date, existing, rows_in
from sync.protocol import Change

ANSWER_FIELDS = ("inspection", "item_code", "outcome", "value", "note", "photos", "answered_at")
_dumps_json = Answer.photos._json_dumps  # type: ignore[attr-defined]


def _json_list(values: list[Any] | None) -> str:
    """A JSON list column's text, as the field stores it (`json(?)` in the statement)."""
    return _dumps_json(values) if values else "[]"


def ensure_people(person_ids: set[str]) -> None:
    """Placeholders until the people's own records arrive (they correct the names)."""
    missing = person_ids - existing("SELECT id FROM person WHERE id IN ({})", person_ids)
    writer = RowWriter(Person, ignore=True)
    for person_id in sorted(p for p in missing if p):
        writer.add({"id": person_id, "name": person_id, "role": "inspector"})
    writer.write()


def apply_findings(changes: list[Change], warnings: list[str]) -> set[str]:
    """Findings of a page: new ones inserted, held ones take the server's state; returns
    the findings to refold."""
    touched: set[str] = set()
    records = [c.record for c in changes]
    held = existing("SELECT id FROM finding WHERE id IN ({})", [r["id"] for r in records])
    venues = existing("SELECT id FROM venue WHERE id IN ({})", [r["venue_id"] for r in records])
    inspections = existing(
        "SELECT id FROM inspection WHERE id IN ({})", [r.get("inspection_id") for r in records]
    )
    inserts = RowWriter(Finding)
    updates: list[tuple[Any, ...]] = []
    for r in records:
        current = as_date(r.get("current_deadline")) or as_date(r["deadline"])
        server_view = {"state": r["state"], "current_deadline": current,
                       "conflict": bool(r.get("conflict"))}  # fmt: skip
        touched.add(r["id"])
        if r["id"] in held:
            updates.append(
                (r["state"], Finding.current_deadline.db_value(current),
                 server_view["conflict"], r["id"])
            )  # fmt: skip
            continue
        if r["venue_id"] not in venues:
            warnings.append(f"finding {r['id']} skipped: its venue is not on this device")
            continue
        inspection = r.get("inspection_id")
        inserts.add(
            {
                "id": r["id"],
                "inspection": inspection if inspection in inspections else None,
                "venue": r["venue_id"],
                "item_code": r["item_code"],
                "severity": r["severity"],
                "description": r.get("description", ""),
                "deadline": as_date(r["deadline"]),
                "photos": r.get("photos", []),
                "created_at": r["created_at"],
                "created_by": r["created_by"],
                **server_view,
            }
        )
        held.add(r["id"])  # a later change of it in this page is an update
    inserts.write()
    db.cursor().executemany(
        "UPDATE finding SET state = ?, current_deadline = ?, conflict = ? WHERE id = ?", updates
    )
    return touched


def apply_finding_events(changes: list[Change], warnings: list[str]) -> set[str]:
    """Hazard events of a page, with the server's numbers; returns the findings to refold."""
    touched: set[str] = set()
    records = [c.record for c in changes]
    held = existing("SELECT id FROM finding_event WHERE id IN ({})", [r["id"] for r in records])
    findings = existing(
        "SELECT id FROM finding WHERE id IN ({})", [r["finding_id"] for r in records]
    )
    inserts = RowWriter(FindingEvent)
    updates: list[tuple[Any, ...]] = []
    for r in records:
        server_seq = r.get("server_order")
        touched.add(r["finding_id"])
        if r["id"] in held:
            updates.append((server_seq, r["id"]))
            continue
        if r["finding_id"] not in findings:
            warnings.append(f"event {r['id']} skipped: its finding is not on this device")
            continue
        data = dict(r.get("data") or {})
        if r.get("conflict"):
            data["conflict"] = r.get("conflict_reason") or "conflict"
        inserts.add(
            {
                "id": r["id"],
                "finding": r["finding_id"],
                "type": r["type"],
                "actor": r["actor"],
                "role": r["role"],
                "device_id": r.get("device_id", ""),
                "base_event": r.get("base_event"),
                "at": r["at"],
                "note": r.get("note", ""),
                "photos": r.get("photos", []),
                "data": data,
                "server_seq": server_seq,
            }
        )
        held.add(r["id"])
    inserts.write()
    db.cursor().executemany("UPDATE finding_event SET server_seq = ? WHERE id = ?", updates)
    return touched


def apply_inspections(changes: list[Change], warnings: list[str]) -> None:
    """Inspections of a page with their answers; one held here takes only the server's
    verdict on its scan."""
    records = [c.record for c in changes]
    held = existing("SELECT id FROM inspection WHERE id IN ({})", [r["id"] for r in records])
    sql = "SELECT id, lat, lon FROM venue WHERE id IN ({})"
    venues = {v[0]: (v[1], v[2]) for v in rows_in(sql, [r["venue_id"] for r in records])}
    copied = (
        "checklist_id", "checklist_version", "device_id", "started_at", "finished_at",
        "submitted_at", "presence", "presence_payload", "presence_reason", "presence_note",
        "presence_at", "representative", "summary", "supersedes", "presence_check",
        "presence_check_reason", "proof",
    )  # fmt: skip
    inspections, answers = RowWriter(Inspection), RowWriter(Answer)
    if answers.names != ANSWER_FIELDS:
        raise RuntimeError(f"the answer table's fields changed: {answers.names}")
    people: set[str] = set()
    verdicts: list[tuple[str, str, str, str]] = []
    for r in records:
        if r["id"] in held:
            # Immutable after submit, this device's own copy is the same, except for
            # what only the server can say: whether the scan it claimed verified.
            if r.get("presence_check"):
                verdicts.append(
                    (r["presence"], r["presence_check"], r.get("presence_check_reason", ""),
                     r["id"])
                )  # fmt: skip
            continue
        if r["venue_id"] not in venues:
            warnings.append(f"inspection {r['id']} skipped: its venue is not on this device")
            continue
        held.add(r["id"])
        people.add(r["inspector_id"])
        values = {k: r[k] for k in copied if r.get(k) is not None}
        lat, lon = venues[r["venue_id"]]
        flags = photo_flags((r.get("proof") or {}).get("photos", ()), r["started_at"], lat, lon)
        values["proof_flags"] = flags_text(flags)
        inspections.add(
            {"id": r["id"], "venue": r["venue_id"], "inspector": r["inspector_id"],
             "status": "submitted", **values}
        )  # fmt: skip
        answered_at = r.get("submitted_at") or r.get("received_at") or now_iso()
        # ~20 a record: rows in the writer's column order (ANSWER_FIELDS), not field dicts.
        inspection_id = r["id"]
        answers.rows += [
            (inspection_id, a["item_code"], a["outcome"], a.get("value", ""), a.get("note", ""),
             _json_list(a.get("photos")), answered_at)
            for a in r.get("answers", ())
        ]  # fmt: skip
    ensure_people(people)
    inspections.write()
    answers.write()
    if verdicts:
        db.cursor().executemany(
            "UPDATE inspection SET presence = ?, presence_check = ?, "
            "presence_check_reason = ? WHERE id = ?",
            verdicts,
        )
