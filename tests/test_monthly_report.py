"""The monthly report (月报) of a seeded June, read back from the XLSX a supervisor
exports: completion, reports, overdue hazards, activities, incidents and the score the
office's weights give — and the same month with other weights scores otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rounds_support import (
    INSPECTOR_V2,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    inspect,
)

from fieldapp.services.activities import records
from fieldapp.services.common import settings
from fieldapp.services.daily_report import reports
from fieldapp.services.dashboard import monthly
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.review.bulk import bulk_apply
from fieldapp.store.models import Finding

JUNE = dt.date(2026, 6, 1)


def seed_june(tree: Clock) -> None:
    """A11: two shops due, one inspected on the 9th with a hazard due that day (overdue
    since); reports on the 9th and (late, zero) the 10th; a fireworks sale on the 12th,
    fined. V2: its facility check held on the 5th, nothing else."""
    add_venue("S1", "small_shop", "A11")
    shop = add_venue("S2", "small_shop", "A11")
    inspect(tree, shop, china(2026, 6, 9, 9), fail=("COM-03",))
    tree.set(china(2026, 6, 9, 16, 30))
    reports.file_report("A11")
    tree.set(china(2026, 6, 10, 17, 20))
    reports.file_zero_report("A11")
    tree.set(china(2026, 6, 12, 7, 30))
    incident = report_incident(IncidentReport("fireworks_sale", "2026-06-12 07:10", "店内售卖烟花", address="东村一片"))  # fmt: skip
    act_as(SUPERVISOR)
    events.append_event(incident.id, "outcome_recorded", data={"outcome": "fined"})
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 6, 5, 10))
    records.record_activity(records.ActivityForm("facility_check", "V2", place="西村消防室", minutes="消火栓完好"))  # fmt: skip
    act_as(SUPERVISOR)
    tree.set(china(2026, 7, 2, 9))


def read_back(path: Path) -> dict[str, dict[str, object]]:
    """Grid code -> {column header: cell} from the report sheet."""
    sheet = load_workbook(path)["月报"]
    values = list(sheet.iter_rows(values_only=True))
    header = values[2]
    return {str(row[1]): dict(zip(header, row, strict=True)) for row in values[3:]}


def test_a_seeded_month_reads_back_from_the_xlsx(tree: Clock, tmp_path: Path) -> None:
    seed_june(tree)
    report = monthly.monthly_report("T1", JUNE)
    assert [r.code for r in report.rows] == ["T1", "V1", "A11", "A12", "V2", "A21"]
    out = monthly.export_monthly(report, xlsx=tmp_path / "月报.xlsx")[0]
    rows = read_back(out)
    a11 = rows["A11"]
    assert (a11["应检"], a11["已检"], a11["检查完成率"]) == (2, 1, 0.5)
    assert (a11["日报天数"], a11["应报天数"], a11["零报告"], a11["迟报"]) == (2, 30, 1, 1)
    assert (a11["发现隐患"], a11["整改销号"], a11["逾期隐患"]) == (1, 0, 1)
    assert (a11["事件"], a11["已办结"], a11["执法案件"]) == (1, 1, 1)
    assert a11["应办活动"] == 0 and a11["活动完成率"] is None  # an area holds no activity
    # Default weights: inspections 30 × 0.5, reporting 20 × 2/30, hazards 20 × 0,
    # incidents 10 × 1; activities and patrols had nothing due here.
    assert a11["考核得分"] == round(100 * (15 + 20 * 2 / 30 + 10) / 80, 1) == 32.9
    v2 = rows["V2"]
    # The facility check held; the publicity day (due by 7 June), the quarter's drill
    # (by 30 June) missed. 11·9 is November's.
    assert (v2["应办活动"], v2["按时办"], v2["迟办"], v2["未办"]) == (3, 1, 0, 2)
    assert v2["活动完成率"] == pytest.approx(1 / 3)
    t1 = rows["T1"]
    assert (t1["应检"], t1["已检"], t1["逾期隐患"], t1["事件"]) == (2, 1, 1, 1)
    assert t1["应办活动"] == 3 + 3 + 1  # V1's three, V2's three and the town's joint meeting
    weights = dict(load_workbook(out)["考核权重"].iter_rows(min_row=2, values_only=True))
    assert weights["场所检查完成率"] == 30 and weights["事件办结率"] == 10


def test_the_office_weights_change_the_score(tree: Clock, tmp_path: Path) -> None:
    seed_june(tree)
    before = {r.code: r.score for r in monthly.monthly_report("T1", JUNE).rows}
    settings.put("assessment_weights", {"inspections": 1, "incidents": 1})
    after = monthly.monthly_report("T1", JUNE)
    a11 = next(r for r in after.rows if r.code == "A11")
    assert a11.score == 75.0 != before["A11"]  # (0.5 + 1) / 2
    out = monthly.export_monthly(after, xlsx=tmp_path / "m.xlsx")[0]
    assert read_back(out)["A11"]["考核得分"] == 75.0
    # Weights that are not the office's kind of data are not used.
    settings.put("assessment_weights", {"luck": 5})
    assert (
        next(r for r in monthly.monthly_report("T1", JUNE).rows if r.code == "A11").score
        == before["A11"]
    )


def test_the_pdf_says_the_same(tree: Clock, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from fieldapp.reports.placards import find_cjk_font

    try:
        find_cjk_font()
    except Exception:  # pragma: no cover - depends on the machine's fonts
        pytest.skip("no CJK font on this machine")
    seed_june(tree)
    out = tmp_path / "月报.pdf"
    monthly.export_monthly(monthly.monthly_report("T1", JUNE), pdf=out)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "示例镇 2026年6月 网格工作月报" in text
    assert "东村一片" in text and "32.9" in text and "50%" in text


def test_an_extension_granted_later_leaves_a_past_months_overdue_count(tree: Clock) -> None:
    seed_june(tree)

    def overdue(month: dt.date) -> dict[str, int]:
        rows = monthly.monthly_report("T1", month).rows
        return {r.code: r.overdue_hazards for r in rows if r.code in ("T1", "A11")}

    assert overdue(JUNE) == {"T1": 1, "A11": 1}  # due on the 9th, overdue on the 30th
    tree.set(china(2026, 7, 3, 10))
    (hazard,) = Finding.select()
    assert bulk_apply([hazard.id], "deadline_extended", data={"deadline": "2026-07-20"})[0].applied
    # June ended with the hazard overdue by the deadline in force then; July's report,
    # from the 3rd on, goes by the new one.
    assert overdue(JUNE) == {"T1": 1, "A11": 1}
    assert overdue(dt.date(2026, 7, 1)) == {"T1": 0, "A11": 0}
