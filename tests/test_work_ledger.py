"""The ledger's incident and activity sheets: an incident handed to the police station
with its reference and an outcome, and an activity held, read back from the XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from rounds_support import INSPECTOR_A11, INSPECTOR_V2, SUPERVISOR, Clock, act_as, china

from fieldapp.services.activities import records
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident


def test_incidents_and_activities_in_the_ledger(tree: Clock, tmp_path: Path) -> None:
    tree.set(china(2026, 2, 11, 7))
    act_as(INSPECTOR_A11)
    sale = report_incident(IncidentReport(
        "fireworks_sale", "2026-02-11 06:40", "小卖部售卖烟花", address="东村路口",
        people=[{"name": "王某", "role": "店主"}]))  # fmt: skip
    report_incident(IncidentReport("fire", "2026-01-20 21:00", "柴草堆起火", address="东村"))
    act_as(SUPERVISOR)
    events.append_event(sale.id, "handed_over", data={
        "unit": "police_station", "reference": "东派移〔2026〕3号", "date": "2026-02-11"})  # fmt: skip
    events.append_event(sale.id, "outcome_recorded", data={"outcome": "goods_seized"})
    events.append_event(sale.id, "evidence_added", photos=["a" * 64])  # a photo sent later
    act_as(INSPECTOR_V2)
    records.record_activity(records.ActivityForm(
        "facility_check", "V2", held_on="2026-02-10", place="西村消防室", minutes="水带完好"))  # fmt: skip
    act_as(SUPERVISOR)
    out = tmp_path / "台账.xlsx"
    export_ledger(out, where=ExportFilter(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    book = load_workbook(out)
    incidents = list(book["事件台账"].iter_rows(values_only=True))
    header = incidents[0]
    assert len(incidents) == 2  # January's fire is outside the dates
    row = dict(zip(header, incidents[1], strict=True))
    assert (row["发生时间"], row["类别"], row["地点"]) == (
        dt.datetime(2026, 2, 11, 6, 40),
        "违规销售烟花爆竹",
        "东村路口",
    )
    assert (row["状态"], row["移交单位"], row["文号"], row["处理结果"]) == (
        "已处理待结案", "派出所", "东派移〔2026〕3号", "收缴物品")  # fmt: skip
    assert row["涉事人员"] == "王某 店主" and row["上报人"] == "李一"
    # The narrative under its own name (not a hazard's 隐患描述), the evidence as a count.
    assert "隐患描述" not in header and "证据文件" not in header
    assert (row["事件经过"], row["证据数"]) == ("小卖部售卖烟花", 1)
    activities = list(book["定期工作台账"].iter_rows(values_only=True))
    held = dict(zip(activities[0], activities[1], strict=True))
    assert held["照片数"] == 0
    assert (held["网格名称"], held["活动"], held["地点"], held["纪要/报告"]) == (
        "西村", "公共消防设施检查", "西村消防室", "水带完好")  # fmt: skip


def test_the_incident_csv_names_its_columns_as_the_sheet_does(tree: Clock, tmp_path: Path) -> None:
    import csv

    tree.set(china(2026, 2, 11, 7))
    act_as(INSPECTOR_A11)
    report_incident(IncidentReport("fireworks_sale", "2026-02-11 06:40", "小卖部售卖烟花",
                                   address="东村路口"))  # fmt: skip
    act_as(SUPERVISOR)
    out = tmp_path / "台账.csv"
    export_ledger(out, fmt="csv", where=ExportFilter(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    with (tmp_path / "台账_incidents.csv").open(encoding="utf-8-sig") as f:
        [row] = list(csv.DictReader(f))
    assert (row["事件经过"], row["证据数"]) == ("小卖部售卖烟花", "0")
    assert "隐患描述" not in row and "证据文件" not in row
