"""The ledger's hazards sheet says which hazards are overdue, and by how many days, as the
review queue's 已逾期 says it: its 状态 said 待整改 for an overdue hazard while the screens
showed 逾期. The two columns come last, so the columns before them keep their places."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from rounds_support import INSPECTOR_A11, SUPERVISOR, Clock, act_as, add_venue, china, inspect

from fieldapp.reports.ledger import Labels, csv_paths
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.export.sheets import FINDING_COLUMNS
from fieldapp.services.inspection import findings
from fieldapp.services.review.queues import ReviewFilters, review_queue
from fieldapp.store.models import Finding

BEFORE = [  # the columns as they were, in their places
    "finding_id", "found_on", "grid", "venue_code", "venue_name", "item_code", "item_text",
    "severity", "description", "deadline", "current_deadline", "state", "found_by",
    "inspection_id",
]  # fmt: skip


def _three_hazards(tree: Clock) -> dict[str, str]:
    """Found on 1 June: one left open past its deadline of the 3rd, one reported fixed
    after it, and one whose deadline is the 20th; exported on the 10th."""
    shop = add_venue("S1", "small_shop", "A11")
    inspect(tree, shop, china(2026, 6, 1, 9), fail=("COM-03", "SHP-02"))
    inspect(tree, add_venue("S2", "small_shop", "A11"), china(2026, 6, 1, 9), fail=("COM-03",))
    late, fixed, due = [f.id for f in Finding.select().order_by(Finding.venue, Finding.item_code)]
    Finding.update(current_deadline=dt.date(2026, 6, 3)).where(Finding.id != due).execute()
    Finding.update(current_deadline=dt.date(2026, 6, 20)).where(Finding.id == due).execute()
    tree.set(china(2026, 6, 5, 9))
    act_as(INSPECTOR_A11)
    findings.report_rectification(fixed, fixed=True, note="已整改", photos=[])
    Finding.update(current_deadline=dt.date(2026, 6, 3)).where(Finding.id == fixed).execute()
    tree.set(china(2026, 6, 10, 9))
    act_as(SUPERVISOR)
    return {"late": late, "fixed": fixed, "due": due}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overdue_and_days_overdue_come_last_as_the_queue_says(
    tree: Clock, tmp_path: Path, lang: str
) -> None:
    hazards = _three_hazards(tree)
    rows = {r.finding_id: r for r in review_queue(ReviewFilters(queue="all"), limit=50)}
    assert [hazards[k] for k in ("late", "fixed", "due") if rows[hazards[k]].overdue] == [
        hazards["late"]
    ]
    labels = Labels(lang)
    header = [labels(f"ledger.col.{key}") for key, _ in FINDING_COLUMNS]
    assert header[: len(BEFORE)] == [labels(f"ledger.col.{key}") for key in BEFORE]
    yes, no = labels("ledger.overdue.yes"), labels("ledger.overdue.no")

    out = tmp_path / "ledger.csv"
    export_ledger(out, fmt="csv", lang=lang)
    with csv_paths(out)["findings"].open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == header and read[0][-2:] == (
        ["是否逾期", "逾期天数"] if lang == "zh" else ["Overdue", "Days overdue"]
    )
    by_id = {row[0]: row[-2:] for row in read[1:]}
    for finding_id, row in rows.items():
        said = [yes, "7"] if row.overdue else [no, ""]  # 3 June to 10 June
        assert by_id[finding_id] == said, (finding_id, row.state)

    export_ledger(tmp_path / "ledger.xlsx", lang=lang)
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").worksheets[1]
    cells = {r[0]: list(r[-2:]) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells[hazards["late"]] == [yes, 7]
    assert cells[hazards["fixed"]][0] == no and cells[hazards["due"]][0] == no
