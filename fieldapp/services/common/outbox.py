"""The outbox: operations for the server, written in the caller's transaction."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.canonical import canonical_json, payload_hash
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.store.models import Outbox


def enqueue(op_type: str, payload: dict[str, Any], *, record_id: str | None = None) -> Outbox:
    """Append an operation. Call inside the transaction that writes the row it describes.
    The payload of an op carrying people is sealed at rest (`store.personal_data`);
    `record_id` is the id of the record it creates, where SQL cannot read it in the sealed
    payload (`store.refused_records`)."""
    # Imported on the first write, not with the home screen's count of pending ops: it
    # brings the people and follow-up models, which start-up does not need.
    from fieldapp.store.personal_data import seal_payload

    return Outbox.create(
        op_id=new_id(),
        type=op_type,
        payload=seal_payload(op_type, canonical_json(payload)),
        payload_hash=payload_hash(payload),
        created_at=now_iso(),
        record_id=record_id,
    )


def pending_count() -> int:
    return Outbox.select().where(Outbox.state == "pending").count()
