"""A run whose device is lost, of an inspector with no other device to take it over on,
is closed as abandoned by the office (`fieldapp admin patrol-close`): finished as it
stands, the visits the server received counted, the window judged by them and counted
once. What the lost device sends of it later (a visit, its finish) is refused with the
reason (its window there is the run closed, not the server's refusal), and the run reaches
the devices finished."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner, Result
from patrol_support import run_sent_halfway

from fieldapp.cli import main
from fieldapp.domain import patrols
from fieldapp.i18n import t
from fieldapp.services.common import refused_records
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.services.patrols import due, mine
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_models import PatrolScan as ServerScan

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 2, 4)


def _close(url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "zh", "admin", "--db", url, "patrol-close", *args])


def test_the_office_closes_a_run_nobody_will_finish(
    make_device, server_workdir, server_db_url, monkeypatch
) -> None:
    lost, run, clock = run_sent_halfway(make_device, server_workdir, monkeypatch)

    window = ["--route", "FW-01", "--day", DAY.isoformat(), "--window", "06:30-09:00"]
    closed = _close(server_db_url, *window)
    assert closed.exit_code == 0, closed.output
    assert closed.output.strip() == t(
        "patrol.close.done", route="FW-01", day=DAY.isoformat(), window="06:30-09:00",
        person="张三", visits=1,
    )  # fmt: skip
    again = _close(server_db_url, *window)
    assert again.output.strip() == t(
        "patrol.close.none", route="FW-01", day=DAY.isoformat(), window="06:30-09:00"
    )
    unknown = _close(server_db_url, "--route", "XX-99", "--day", DAY.isoformat(),
                     "--window", "06:30-09:00")  # fmt: skip
    assert unknown.exit_code == 1 and t("patrol.close.unknown_route", route="XX-99") in (
        unknown.output
    )

    with lost.client() as client:  # found again: its late visit and finish are refused
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["patrol_run_closed"] * 2, result
    refused = Outbox.select().where(Outbox.state == "rejected")
    why = {reason_in_words(op.refusal_code, stored_params(op.refusal_params), op.last_error)
           for op in refused}  # fmt: skip
    assert why == {t("refusal.patrol_run_closed", route="春节烟花爆竹巡逻")}
    # the run is on record there, closed: its window is not the server's refusal here
    assert refused_records.refusals(PATROL_RUN_SUBMIT, [run.id]) == {}
    with server_db.current().connection_context():
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 1
        judged = server_patrols.attendance(DAY, DAY, now=clock.local_naive())
    morning = [a for _r, _d, w, a in judged if w.label == "06:30-09:00"]
    assert [(a.status, len(a.done)) for a in morning] == [(patrols.PARTIAL, 1)]  # once

    other = make_device("other").enroll("p-insp")  # the inspector's next device
    with other.client() as client:
        assert client.sync_once().ok
    assert PatrolRun.get_by_id(run.id).status == "finished"
    assert mine.open_run() is None and due.due_now() == []  # the window is closed
