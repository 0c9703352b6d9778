"""An incident that happened at 2026-12-07 19:20 took `h` with 移交日期 2026-12-01, and the
letter printed it: only dates after today were refused. Now the device refuses a
hand-over dated before the day the incident happened, naming that day, and the server
refuses such an event too, coded incident_handed_over_early with both dates, as a
hazard's hand-over before it was found is (cb18863)."""

from __future__ import annotations

import json

import pytest
from sync_world import event

from fieldapp.domain import findings as machine
from fieldapp.i18n import set_language
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident


def _handed(date: str) -> dict[str, str]:
    return {"unit": "police_station", "reference": "公移〔2026〕12号", "date": date}


def test_a_hand_over_dated_before_the_incident_is_refused_on_device_and_server(
    make_device, monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisor = make_device("supervisor")
    monkeypatch.setenv("FIELDAPP_HOME", str(supervisor.home))
    supervisor.open().enroll("p-sup")
    with supervisor.client() as client:
        assert not client.sync_once().errors
    incident = report_incident(
        IncidentReport("fireworks_sale", "2026-12-06 19:20", "路边摆摊卖烟花", address="村口")
    )
    for lang, words in (
        ("zh", "移交日期 2026-11-30 早于事件发生的日期；请填写实际移交的日期，最早为 2026-12-06。"),
        ("en", "The hand-over date 2026-11-30 is before the incident happened; enter the date"),
    ):
        set_language(lang)
        with pytest.raises(machine.TransitionRefused) as refused:
            events.append_event(incident.id, "handed_over", data=_handed("2026-11-30"))
        assert words in str(refused.value)
    set_language("zh")
    with supervisor.client() as client:
        assert not client.sync_once().errors  # the report reaches the server

    # A device that did not check sends one: the server refuses it with both dates.
    opened = events.fold_of(incident.id).last_event_id
    early = event("handed_over", "p-sup", base=opened, role="supervisor",
                  data=_handed("2026-11-30"))  # fmt: skip
    op = supervisor.enqueue("incident.event", {"incident_id": incident.id, "event": early})
    with supervisor.client() as client:
        client.sync_once()
    row = supervisor.outbox()[op]
    params = {"date": "2026-11-30", "earliest": "2026-12-06"}
    assert (row.state, row.refusal_code, json.loads(row.refusal_params)) == (
        "rejected", "incident_handed_over_early", params,
    )  # fmt: skip
    said = reason_in_words("incident_handed_over_early", params, "")
    assert said == "移交日期 2026-11-30 早于事件发生的日期 2026-12-06，请改正后重新移交"

    events.append_event(incident.id, "handed_over", data=_handed("2026-12-06"))
    with supervisor.client() as client:
        assert not client.sync_once().errors
    states = [row.state for row in supervisor.outbox().values()]
    assert states.count("rejected") == 1 and states[-1] == "acked"  # on the day: taken
