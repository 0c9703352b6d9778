"""A zero report (零报告) filed on one device, an incident in its grid reported on another:
after the filer's next sync their device knows the zero report no longer holds — a real
server on loopback, real store files, fieldapp's clock stopped at 10 June 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import clock
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.daily_report.day_reports import my_contradicted_zero_reports
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.models import DailyReport


def test_the_filer_s_device_sees_its_zero_report_contradicted_after_its_next_sync(
    make_device, frozen_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    def act_as(device):  # noqa: ANN001, ANN202
        monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
        return device.open()

    inspector, head = make_device("inspector"), make_device("village-head")
    act_as(inspector).enroll("p-insp")
    with inspector.client() as client:
        assert not client.sync_once().errors
    filed = daily_reports.file_zero_report("V1")
    with inspector.client() as client:
        assert not client.sync_once().errors
    assert my_contradicted_zero_reports() == []

    act_as(head).enroll("p-sup2")  # the village's head, reporting in V1 later that day
    with head.client() as client:
        client.pull()
    seen = (frozen_clock - dt.timedelta(minutes=5)).astimezone().strftime("%Y-%m-%d %H:%M")
    report_incident(IncidentReport("fireworks_sale", seen, "村口卖烟花", address="鼎美村口"))
    with head.client() as client:
        assert not client.sync_once().errors

    act_as(inspector)
    assert my_contradicted_zero_reports() == []  # not known here before the sync
    with inspector.client() as client:
        assert not client.sync_once().errors
    [told] = my_contradicted_zero_reports()
    assert (told.grid, told.day, told.what) == ("V1", clock.today(), {"incidents": 1})
    # Kept as filed: one report, still a zero report.
    assert [(r.id, r.zero_report) for r in DailyReport.select()] == [(filed.id, True)]
