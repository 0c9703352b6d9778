"""A refused inspection's hazards are not open hazards: the office never had them. Home's
open hazards, the review queues (F5) and the exported ledger leave them out until the
inspection is sent again."""

from __future__ import annotations

import csv
from pathlib import Path

from inspect_support import seed_store, submitted_with_one_finding

from fieldapp.reports.ledger import csv_paths
from fieldapp.services.common import refused_records
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.inspection import findings
from fieldapp.services.review.queues import ReviewFilters, queue_counts, review_queue
from fieldapp.store.db import db
from fieldapp.store.models import Outbox
from fieldapp.store.refused_records import mark_refused


def _refuse_the_inspection() -> Outbox:
    op = Outbox.get(Outbox.type == "inspection.submit")
    with db.atomic():
        Outbox.update(state="rejected", last_error="venue unknown").where(
            Outbox.seq == op.seq
        ).execute()
        mark_refused([op.op_id])
    return op


def test_a_refused_inspections_hazard_is_not_open_until_sent_again(home: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    assert [f.id for f in findings.open_findings()] == [finding_id]
    op = _refuse_the_inspection()
    assert findings.open_findings() == []
    refused_records.send_again(op.seq)
    assert [f.id for f in findings.open_findings()] == [finding_id]


def _exported_hazards(out: Path) -> list[list[str]]:
    export_ledger(out, fmt="csv", lang="en")
    with csv_paths(out)["findings"].open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


def test_a_refused_inspections_hazard_is_in_no_review_queue_nor_the_ledger(
    home: Path, tmp_path: Path
) -> None:
    """The supervisor's queues count only hazards the office has: one refused with its
    inspection is not awaiting anyone (a verification of it would be refused as unknown),
    and the ledger's hazards sheet follows its inspections sheet, which leaves the refused
    inspection out. Sent again, it is back in both."""
    seed_store()
    submitted_with_one_finding()
    everything = ReviewFilters(queue="all")
    assert queue_counts(everything)["active"] == 1
    assert len(_exported_hazards(tmp_path / "before.csv")) == 1
    op = _refuse_the_inspection()
    assert queue_counts(everything) == dict.fromkeys(queue_counts(everything), 0)
    assert review_queue(everything) == []
    assert _exported_hazards(tmp_path / "refused.csv") == []
    refused_records.send_again(op.seq)
    assert queue_counts(everything)["active"] == 1
    assert len(_exported_hazards(tmp_path / "again.csv")) == 1
