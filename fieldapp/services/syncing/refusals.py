"""Ops the server refused, as a person reads them: what the record was, when it was
refused and why, until the person acknowledges having read it.

A refused op stays in the outbox in state 'rejected' for the record; acknowledging it only
stamps `refusal_seen_at`, so it no longer shows on the sync screen nor in the status line.
Call from a worker thread with a store connection.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import t
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.store.db import db
from fieldapp.store.models import Finding, Inspection, Outbox, Venue
from fieldapp.store.personal_data import PERSONAL_OPS
from fieldapp.store.refused_records import DAILY_REPORT_SUBMIT, RECORD_ID_SQL


@dataclass(frozen=True)
class Refusal:
    seq: int
    op_type: str
    subject: str  # the venue (code and name) or campaign it concerns; "" when none is known
    refused_at: str | None  # UTC ISO; None for an op refused before schema v22
    reason: str  # the server's reason, as it gave it (English)
    code: str | None = None  # the refusal's code, when the server gave one (schema v25)
    params: dict[str, str] = field(default_factory=dict)
    event: str = ""  # a hazard's or an incident's event op: the event's type ("reported")

    @property
    def why(self) -> str:
        """The reason in the person's language; the server's text for a refusal without
        a code, or with one this version does not know."""
        return reason_in_words(self.code, self.params, self.reason)

    @property
    def what(self) -> str:
        """The record in words ("检查记录审阅 YM-0006"); an op type this version does not
        know is named as it is."""
        name = _whole_name(self.op_type, self.event)
        if not name:
            key = f"sync_ui.op.{self.op_type}"
            name = t(key)
            name = self.op_type if name == key else name
        return f"{name} {self.subject}" if self.subject else name


def _unseen() -> object:
    return (Outbox.state == "rejected") & Outbox.refusal_seen_at.is_null()


def outstanding() -> tuple[Refusal, ...]:
    """The refusals not yet acknowledged, oldest first; not one whose record the server
    accepted later (`_accepted_later`)."""
    unseen = list(Outbox.select().where(_unseen()).order_by(Outbox.seq))  # type: ignore[arg-type]
    accepted = _accepted_later() if unseen else set()  # nothing to look for: no query
    rows = [op for op in unseen if op.seq not in accepted]
    return tuple(
        Refusal(
            op.seq,
            op.type,
            _subject(op),
            op.refused_at,
            op.last_error,
            op.refusal_code,
            stored_params(op.refusal_params),
            _event_type(op),
        )
        for op in rows
    )


# The record an op creates, by op type: a daily report is its grid's for its day (filing
# again adds a newer report of the same grid and day); the others are named by their id.
_RECORD_KEY_SQL = {
    **RECORD_ID_SQL,
    DAILY_REPORT_SUBMIT: "json_extract(payload, '$.grid_code') || '/' || json_extract(payload, '$.date')",
}


def _accepted_later() -> set[int]:
    """The unread refused ops whose record a later op of the same kind put on record (a
    daily report filed again and applied): nothing is missing at the office any more."""
    superseded: set[int] = set()
    for op_type, key_sql in _RECORD_KEY_SQL.items():
        refused = db.execute_sql(
            f"SELECT {key_sql}, seq FROM outbox WHERE state = 'rejected'"  # noqa: S608 - fixed
            " AND refusal_seen_at IS NULL AND type = ?",
            (op_type,),
        ).fetchall()
        keyed = [(key, seq) for key, seq in refused if key is not None]
        if not keyed:
            continue
        keys = list(dict.fromkeys(key for key, _ in keyed))
        later = dict(  # only ops after the first refusal: not the whole acked outbox
            db.execute_sql(
                f"SELECT key, MAX(seq) FROM (SELECT {key_sql} AS key, seq FROM outbox"  # noqa: S608
                " WHERE state = 'acked' AND type = ? AND seq > ?)"
                f" WHERE key IN ({', '.join('?' for _ in keys)}) GROUP BY key",
                (op_type, min(seq for _, seq in keyed), *keys),
            ).fetchall()
        )
        superseded.update(seq for key, seq in keyed if later.get(key, -1) > seq)
    return superseded


def acknowledge(seqs: Sequence[int]) -> int:
    """Mark these refusals read; returns how many were still unread."""
    if not seqs:
        return 0
    query = Outbox.update(refusal_seen_at=now_iso()).where(
        _unseen() & Outbox.seq.in_(list(seqs))  # type: ignore[operator]
    )
    return int(query.execute())


def _payload(op: Outbox) -> dict[str, Any]:
    if op.type in PERSONAL_OPS:
        return {}  # sealed at rest: people are not named here
    try:
        payload = json.loads(op.payload)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _event_type(op: Outbox) -> str:
    event = _payload(op).get("event") if op.type in _EVENT_NAMES else None
    kind = event.get("type") if isinstance(event, dict) else None
    return kind if isinstance(kind, str) else ""


def _whole_name(op_type: str, event: str) -> str:
    """The name of an event op that says it all ("Incident reported", 上报事件), where the
    op's name and the event's would repeat each other; "" when there is none."""
    key = f"sync_ui.op.{op_type}.{event}"
    return t(key) if event and t(key) != key else ""


def _subject(op: Outbox) -> str:
    """The venue the op's record belongs to: its code (as on its placard) and name; then,
    for a hazard's or an incident's event, what it asked for."""
    payload = _payload(op)
    if not payload:
        return ""
    return " ".join(part for part in (_place(payload), _event(op.type, payload)) if part)


def _place(payload: dict[str, Any]) -> str:
    venue_id = payload.get("venue_id")
    if not venue_id and payload.get("inspection_id"):
        inspection = Inspection.get_or_none(Inspection.id == payload["inspection_id"])
        venue_id = inspection.venue_id if inspection is not None else None
    if not venue_id and payload.get("finding_id"):
        finding = Finding.get_or_none(Finding.id == payload["finding_id"])
        venue_id = finding.venue_id if finding is not None else None
    if venue_id:
        venue = Venue.get_or_none(Venue.id == venue_id)
        return f"{venue.code} {venue.name}" if venue is not None else ""
    code = payload.get("code")
    return str(code) if isinstance(code, str) else ""


# The catalogue's names of a hazard's and an incident's events, by op type.
_EVENT_NAMES = {"finding.event": "review.event", "incident.event": "incident.event"}


def _event(op_type: str, payload: dict[str, Any]) -> str:
    """What a refused event op asked for ("延长期限 → 2026-12-12"): its event is no longer
    among the record's (sync.client.refused_events), so this is where the person sees
    what they entered."""
    event = payload.get("event")
    if op_type not in _EVENT_NAMES or not isinstance(event, dict):
        return ""
    if _whole_name(op_type, str(event.get("type", ""))):
        return ""  # the op's name says it already
    name = t(f"{_EVENT_NAMES[op_type]}.{event.get('type', '')}")
    deadline = (event.get("data") or {}).get("deadline")
    return f"{name} → {deadline}" if deadline else name
