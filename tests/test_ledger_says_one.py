"""The ledger picks English's "1 …" texts as `t` does: its own lookup (`Labels`) used
only "<key>", so an English ledger's events sheet said "1 conflicts acknowledged"."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.clock import today
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding


@pytest.mark.parametrize(("acknowledged", "said"), [(1, "1 conflict"), (2, "2 conflicts")])
def test_an_english_ledger_says_one_conflict_acknowledged(
    demo_supervisor: Path, tmp_path: Path, acknowledged: int, said: str
) -> None:
    finding = Finding.select().first()
    resolves = [f"e{n}" for n in range(acknowledged)]
    findings.append_event(finding.id, "note", note="seen", data={"resolves": resolves})
    out = tmp_path / "ledger.csv"
    day = today()
    where = ExportFilter(day - dt.timedelta(days=400), day + dt.timedelta(days=1))
    export_ledger(out, fmt="csv", where=where, lang="en")
    with (tmp_path / "ledger_finding_events.csv").open(encoding="utf-8-sig") as f:
        noted = [row for row in csv.DictReader(f) if row["Note"] == "seen"]
    assert [row["Details"] for row in noted] == [f"{said} acknowledged"], noted
