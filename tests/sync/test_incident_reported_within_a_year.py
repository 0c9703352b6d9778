"""An incident more than a year old was refused only by the F4 form: the service that
records an incident took 1999-01-01 from any other caller, and the server took it from an
older device. Now the service refuses it with the form's words and stores nothing, and
the server refuses an incident that happened more than a year before it was reported,
coded incident_reported_late with both days, which the device words. The bound is from
the report, not from when the op arrives: a device offline for months still delivers."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sync_world import event

from fieldapp.domain.finding_dates import local_day
from fieldapp.domain.ids import new_id
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.incidents.reporting import IncidentReport, ReportRefused, report_incident
from fieldapp.store.incident_models import Incident


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _incident(occurred: dt.datetime, reported: dt.datetime) -> dict[str, Any]:
    """An `incident.event` op as a device sends it (one that did not check the time)."""
    incident_id = new_id()
    payload = {"id": incident_id, "category": "complaint", "grid_code": "V1",
               "address": "村口", "occurred_at": _stamp(occurred), "description": "店门口堆放杂物",
               "created_at": _stamp(reported), "created_by": "p-insp"}  # fmt: skip
    opened = event("reported", "p-insp", at=_stamp(reported))
    return {"incident_id": incident_id, "incident": payload, "event": opened}


def test_an_incident_over_a_year_old_is_refused_by_the_service_and_the_server(
    make_device, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = make_device("insp")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.open().enroll("p-insp")
    with device.client() as client:
        assert not client.sync_once().errors
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    long_ago = (now - dt.timedelta(days=400)).strftime("%Y-%m-%d %H:%M")
    with pytest.raises(ReportRefused) as refused:
        report_incident(IncidentReport("complaint", long_ago, "店门口堆放杂物", address="村口"))
    assert "是一年多以前，不能在这里上报" in str(refused.value)
    assert refused.value.field == "occurred_at"
    assert Incident.select().count() == 0 and not device.outbox()

    late = device.enqueue("incident.event", _incident(now - dt.timedelta(days=400), now))
    # Reported 100 days ago, 300 days after it happened, delivered only now: taken.
    reported = now - dt.timedelta(days=100)
    offline = device.enqueue(
        "incident.event", _incident(reported - dt.timedelta(days=300), reported)
    )
    with device.client() as client:
        client.sync_once()
    rows = device.outbox()
    days = [local_day(_stamp(m)) for m in (now - dt.timedelta(days=400), now)]
    params = {"occurred": str(days[0]), "reported": str(days[1])}
    assert (rows[late].state, rows[late].refusal_code) == ("rejected", "incident_reported_late")
    assert json.loads(rows[late].refusal_params) == params
    said = reason_in_words("incident_reported_late", params, "")
    assert said.startswith(f"事件发生于 {days[0]}，到上报（{days[1]}）已超过一年")
    assert rows[offline].state == "acked"
