"""A supervisor closes, from their own device, a run of their grid left open on a device
that was lost (`patrol_run.close`): queued offline with a reason, sent with the next
sync, closed on the server as `fieldapp admin patrol-close` closes one (the visits it
holds count, an audit entry names the supervisor and the reason), and read as closed by
the supervisor after the pull. What the lost device sends later is refused naming the
supervisor. Sent twice it changes nothing; an inspector, or a supervisor of another grid,
is refused with a reason the device words in its language."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import run_sent_halfway

from fieldapp.domain import patrols
from fieldapp.i18n import t
from fieldapp.services.common import refused_records
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.services.patrols import close, due
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.store.refused_records import PATROL_RUN_SUBMIT
from fieldapp.tui.views.patrol_run import why_ended
from sync.server import audit
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.admin import import_people
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

pytestmark = pytest.mark.usefixtures("chinese")
DAY = dt.date(2026, 2, 4)
ROUTE = "春节烟花爆竹巡逻"


def _lost_midway(make_device, server_workdir, monkeypatch):  # type: ignore[no-untyped-def]
    """The inspector's only device sends CP-01, records CP-02, finishes, and is lost."""
    lost, run, clock = run_sent_halfway(make_device, server_workdir, monkeypatch)
    return lost, lost.device_id, run, clock


def _refusal(op: Outbox) -> str:
    return reason_in_words(op.refusal_code, stored_params(op.refusal_params), op.last_error)


def test_a_supervisor_closes_a_run_open_on_a_lost_device(
    make_device, server_workdir, server_db_url, monkeypatch
) -> None:
    lost, lost_id, run, clock = _lost_midway(make_device, server_workdir, monkeypatch)
    boss = make_device("boss").enroll("p-sup2")  # 赵六, supervisor of V1, the route's grid
    with boss.client() as client:
        assert client.sync_once().ok  # the run pulled, open on the lost device
    assert close.closable(PatrolRun.get_by_id(run.id), boss.device_id)
    with pytest.raises(close.CloseRefused, match="设备丢失"):  # a reason that says something
        close.close_run(run.id, "。。")
    close.close_run(run.id, "手机丢失，张三无备用设备")
    with pytest.raises(close.CloseRefused) as twice:  # queued once
        close.close_run(run.id, "手机丢失")
    assert str(twice.value) == t("patrol.close_run.refused.waiting")
    assert close.closing([run.id]) == {run.id}
    assert PatrolRun.get_by_id(run.id).status == "open"  # until the server has closed it

    with boss.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with server_db.current().connection_context():
        held = ServerRun.get_by_id(run.id)
        assert held.finished_at is not None and held.device_id == "supervisor:p-sup2"
        assert ServerScan.select().where(ServerScan.run == run.id).count() == 1
        judged = server_patrols.attendance(DAY, DAY, now=clock.local_naive())
        [entry] = [e for e in audit.entries() if e.action == server_patrols.RUN_CLOSED]
    morning = [a for _r, _d, w, a in judged if w.label == "06:30-09:00"]
    assert [(a.status, len(a.done)) for a in morning] == [(patrols.PARTIAL, 1)]
    assert (entry.actor, entry.device, entry.subject) == ("p-sup2", boss.device_id, run.id)
    assert entry.detail == {
        "route": "FW-01", "day": DAY.isoformat(), "window": "06:30-09:00", "person": "p-insp",
        "device": lost_id, "reason": "手机丢失，张三无备用设备",
    }  # fmt: skip
    pulled = PatrolRun.get_by_id(run.id)  # read as closed by the supervisor
    assert pulled.status == "finished" and close.closed_by(pulled) == "p-sup2"
    assert close.closing([run.id]) == set()

    # Sent twice: its answer lost, the same op again is a duplicate; a second close of the
    # run closed already changes nothing (no second audit entry, the run as it was).
    [sent] = Outbox.select().where(Outbox.type == close.OP_PATROL_RUN_CLOSE)
    Outbox.update(state="pending").where(Outbox.op_id == sent.op_id).execute()
    boss.enqueue(close.OP_PATROL_RUN_CLOSE, {
        "run_id": run.id, "route_id": run.route_id, "person": "p-insp", "day": run.day,
        "window": run.window, "closed_by": "p-sup2", "reason": "再次关闭",
    })  # fmt: skip
    with boss.client() as client:
        again = client.sync_once()
    assert again.ok and not again.rejected, again
    assert [op.state for op in Outbox.select()] == ["acked", "acked"]
    with server_db.current().connection_context():
        assert ServerRun.get_by_id(run.id).finished_at == held.finished_at
        closes = [e for e in audit.entries() if e.action == server_patrols.RUN_CLOSED]
        assert len(closes) == 1

    with lost.client() as client:  # found again: its late visit and finish are refused
        lost_result = client.sync_once()
    assert [r.code for r in lost_result.rejected] == ["patrol_run_closed_by_supervisor"] * 2
    refused = Outbox.select().where(Outbox.state == "rejected")
    assert {_refusal(op) for op in refused} == {
        t("refusal.patrol_run_closed_by_supervisor", route=ROUTE, supervisor="赵六")
    }
    assert "网格长赵六" in _refusal(refused[0])
    # there the run reads as closed by the supervisor, not as the server's refusal
    assert refused_records.refusals(PATROL_RUN_SUBMIT, [run.id]) == {}
    view = due.run_view(run.id)
    assert view.finished and view.closed_by_supervisor == "赵六"
    assert why_ended(view) == t(
        "patrol.refused.closed_by_supervisor", route=ROUTE, supervisor="赵六"
    )


def test_an_inspector_or_a_supervisor_of_another_grid_is_refused(
    make_device, server_workdir, server_db_url, monkeypatch
) -> None:
    _lost, lost_id, run, _clock = _lost_midway(make_device, server_workdir, monkeypatch)
    people = server_workdir / "more-people.csv"
    people.write_text("id,name,role,phone,grids\np-sup3,孙七,supervisor,,V2\n", encoding="utf-8")
    with server_db.current().connection_context():
        import_people(people)
    payload = {"run_id": run.id, "route_id": run.route_id, "person": "p-insp",
               "day": run.day, "window": run.window, "reason": "手机丢失"}  # fmt: skip

    inspector = make_device("inspector").enroll("p-insp2")
    with pytest.raises(close.CloseRefused) as not_a_supervisor:  # the device says so first
        close.close_run(run.id, "手机丢失")
    assert str(not_a_supervisor.value) == t("patrol.close_run.refused.role")
    inspector.enqueue(close.OP_PATROL_RUN_CLOSE, {**payload, "closed_by": "p-insp2"})
    with inspector.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["wrong_role"], result
    [refused] = Outbox.select().where(Outbox.state == "rejected")
    assert _refusal(refused) == t("refusal.wrong_role", role=t("role.inspector"))

    other = make_device("other-grid").enroll("p-sup3")
    other.enqueue(close.OP_PATROL_RUN_CLOSE, {**payload, "closed_by": "p-sup3"})
    with other.client() as client:
        result = client.sync_once()
    assert [r.code for r in result.rejected] == ["outside_grid"], result
    [refused] = Outbox.select().where(Outbox.state == "rejected")
    assert "不在您的负责范围内" in _refusal(refused)
    with server_db.current().connection_context():
        held = ServerRun.get_by_id(run.id)
        assert held.finished_at is None and held.device_id == lost_id
        assert not [e for e in audit.entries() if e.action == server_patrols.RUN_CLOSED]
