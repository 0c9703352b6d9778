"""Which zero reports an incident contradicts: the incident's grid's and every grid's above
it (a village's zero report speaks for its areas), none beside it — the zero reports of a
day are asked about together and halved only where something happened."""

from __future__ import annotations

import datetime as dt

import pytest
from rounds_support import SUPERVISOR, Clock, act_as, china

from fieldapp.services.daily_report import reports
from fieldapp.services.daily_report.day_reports import contradictions, day_reports
from fieldapp.services.incidents import reporting

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 6, 10)
GRIDS = ["T1", "V1", "V2", "A11", "A12", "A21"]


def test_an_incident_contradicts_its_grid_s_zero_report_and_those_above_it(tree: Clock) -> None:
    act_as(SUPERVISOR)
    tree.set(china(2026, 6, 10, 9, 0))
    for grid in GRIDS:
        reports.file_zero_report(grid, day=DAY)
    assert contradictions(day_reports(GRIDS, DAY, DAY).values()) == {}
    tree.set(china(2026, 6, 10, 11, 0))
    report = reporting.IncidentReport(
        "fireworks_sale",
        f"{DAY} 10:30",
        "路口摆摊销售烟花爆竹",
        address="东村二片",
        grid_code="A12",
    )
    reporting.report_incident(report)
    found = contradictions(day_reports(GRIDS, DAY, DAY).values())
    assert set(found) == {("T1", DAY), ("V1", DAY), ("A12", DAY)}
    assert all(what == {"incidents": 1} for what in found.values())
    the_day_before = day_reports(GRIDS, DAY - dt.timedelta(days=1), DAY)
    assert set(contradictions(the_day_before.values())) == set(found)  # other days: none
