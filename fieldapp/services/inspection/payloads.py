"""The `inspection.submit` payload: the inspection, its answers and its new findings."""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.services.inspection import scan_proof
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection
from fieldapp.store.payloads import event_payload


def finding_payload(finding: Finding, events: list[FindingEvent]) -> dict:
    return {
        "id": finding.id,
        "venue_id": finding.venue_id,
        "item_code": finding.item_code,
        "severity": finding.severity,
        "description": finding.description,
        "deadline": finding.deadline.isoformat(),
        "photos": list(finding.photos),
        "created_at": finding.created_at,
        "created_by": finding.created_by,
        "events": [event_payload(e) for e in events],
    }


def inspection_payload(i: Inspection, answers: Iterable[Answer], findings: list[dict]) -> dict:
    return {
        "inspection": {
            "id": i.id,
            "venue_id": i.venue_id,
            "checklist_id": i.checklist_id,
            "checklist_version": i.checklist_version,
            "inspector_id": i.inspector_id,
            "device_id": i.device_id,
            "started_at": i.started_at,
            "finished_at": i.finished_at,
            "submitted_at": i.submitted_at,
            "presence": i.presence,
            "presence_payload": i.presence_payload,
            "presence_reason": i.presence_reason,
            "presence_note": i.presence_note,
            "presence_at": i.presence_at,
            "representative": i.representative,
            "summary": i.summary,
            "supersedes": i.supersedes,
            "proof": scan_proof.wire_proof(i.proof or {}, (i.proof or {}).get("photos", [])),
        },
        "answers": [
            {
                "item_code": a.item_code,
                "outcome": a.outcome,
                "value": a.value,
                "note": a.note,
                "photos": list(a.photos),
            }
            for a in answers
        ],
        "findings": findings,
    }
