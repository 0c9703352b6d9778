"""A refused inspection's hazards are not open hazards: the office never had them. Home's
open hazards leave them out until the inspection is sent again."""

from __future__ import annotations

from pathlib import Path

from inspect_support import seed_store, submitted_with_one_finding

from fieldapp.services.common import refused_records
from fieldapp.services.inspection import findings
from fieldapp.store.db import db
from fieldapp.store.models import Outbox
from fieldapp.store.refused_records import mark_refused


def test_a_refused_inspections_hazard_is_not_open_until_sent_again(home: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    assert [f.id for f in findings.open_findings()] == [finding_id]
    op = Outbox.get(Outbox.type == "inspection.submit")
    with db.atomic():
        Outbox.update(state="rejected", last_error="venue unknown").where(
            Outbox.seq == op.seq
        ).execute()
        mark_refused([op.op_id])
    assert findings.open_findings() == []
    refused_records.send_again(op.seq)
    assert [f.id for f in findings.open_findings()] == [finding_id]
