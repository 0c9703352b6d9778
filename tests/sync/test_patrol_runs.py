"""A key-day patrol walked offline, sent once, and judged the same on the server and on
the supervisor's device: one checkpoint missed, one scanned after the window (frozen
clock); a forged placard is kept as an unverified (manual) visit."""

from __future__ import annotations

import datetime as dt

import pytest
from patrol_support import FrozenClock, import_patrols, placards

from fieldapp.domain import patrols
from fieldapp.services.patrols import attendance, due, runs
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import Checkpoint, PatrolRun, PatrolScan
from sync.server import db as server_db
from sync.server import patrols as server_patrols
from sync.server.patrol_models import PatrolRun as ServerRun
from sync.server.patrol_models import PatrolScan as ServerScan

KEY_DAY = "2026-02-04"


def _ids() -> dict[str, str]:
    return {c.code: c.id for c in Checkpoint.select()}


def test_a_patrol_with_a_missed_checkpoint_and_a_late_scan(
    make_device, seed, server_workdir, monkeypatch, tmp_path
):
    route_id = import_patrols(server_workdir)
    signed = placards(["CP-01", "CP-02", "CP-03", "CP-04"])
    clock = FrozenClock(monkeypatch, KEY_DAY, "06:10")
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok

    (patrol,) = due.due_now()  # 20 minutes before the window: it may start
    assert (patrol.code, patrol.window, patrol.done, patrol.total) == ("FW-01", "06:30-09:00", 0, 4)
    clock.set("06:40")
    run = runs.start_run(route_id)
    assert runs.start_run(route_id).id == run.id  # started twice: the same run
    assert runs.record_scan(run.id, signed["CP-01"], "wedge").accepted
    typed = runs.record_scan(run.id, "cp-02", "typed")  # a code typed by hand
    assert not typed.accepted and typed.typed_code
    with pytest.raises(runs.PatrolRefused):
        runs.record_manual(run.id, typed.checkpoint_id, "other")  # "other" needs a note
    clock.set("06:55")
    manual = runs.record_manual(run.id, typed.checkpoint_id, "placard_damaged", "标牌被撕")
    runs.annotate(manual.id, note="销售点已关门", answers={"sale_seen": "否"})
    forged = signed["CP-04"][:-6] + "AAAAAA"
    assert not runs.record_scan(run.id, forged, "wedge").accepted  # refused on the device
    clock.set("09:10")  # after the window: late
    late = runs.record_scan(run.id, signed["CP-03"], "wedge")
    assert late.accepted
    with pytest.raises(runs.PatrolRefused):
        runs.annotate(late.scan_id, answers={"pressure_mpa": "很高"})
    runs.annotate(late.scan_id, answers={"pressure_mpa": "0.35", "cap_intact": "y"})
    view = due.run_view(run.id)
    assert view.left == 1 and view.minutes_left == -10
    assert [line.done for line in view.lines] == [True, True, True, False]
    runs.finish_run(run.id)
    (op,) = Outbox.select().where(Outbox.type == "patrol_run.submit")
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result
    with worker.client() as client:  # sent once: a second sync sends nothing again
        assert client.sync_once().ok
    with server_db.current().connection_context():
        assert ServerRun.select().count() == 1
        scans = {s.checkpoint: s for s in ServerScan.select()}
        ids = {code: cid for code, cid in _ids().items()}
        assert set(scans) == {ids["CP-01"], ids["CP-02"], ids["CP-03"]}
        assert scans[ids["CP-01"]].check == "verified"
        assert scans[ids["CP-02"]].source == "manual" and scans[ids["CP-02"]].check == ""
        assert scans[ids["CP-03"]].answers == {"pressure_mpa": "0.35", "cap_intact": "yes"}
        judged = server_patrols.attendance(
            dt.date(2026, 2, 4), dt.date(2026, 2, 4), now=clock.local_naive()
        )
    by_window = {w.label: a for _r, _d, w, a in judged}
    morning = by_window["06:30-09:00"]
    assert morning.status == patrols.PARTIAL
    assert morning.missed == (ids["CP-04"],) and morning.late == (ids["CP-03"],)
    assert morning.manual == (ids["CP-02"],)
    assert by_window["18:00-20:00"].status == patrols.UPCOMING  # the evening is to come
    assert op.state == "pending"  # the row read before the sync; the store says acked
    assert Outbox.get_by_id(op.seq).state == "acked"

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    assert PatrolRun.select().count() == 1 and PatrolScan.select().count() == 3
    rows = attendance.attendance(dt.date(2026, 2, 4), now=clock.local_naive())
    first = rows[0]  # missed posts first
    assert (first.window, first.status, first.done, first.total) == ("06:30-09:00", "partial", 3, 4)
    assert first.missed == ("CP-04 鼎美村消防室",) and first.late == ("CP-03 鼎美村消火栓1号",)
    assert first.walkers == ("张三",)
    clock.set("21:00")  # the evening window is over and nobody came: not done
    counts = attendance.patrol_counts(dt.date(2026, 2, 4), now=clock.local_naive())
    assert counts["V1"].missed == 2 and counts["V1"].done == 0 and counts["V1"].missed_posts == 5
    (person,) = attendance.by_assignee(attendance.attendance(dt.date(2026, 2, 4)))
    assert (person.assignee, person.partial, person.not_done) == ("张三", 1, 1)

    # The day's report counts them and refuses a zero report; the ledger has a patrol sheet.
    from fieldapp.services.daily_report import reports

    counts = reports.report_counts("V1", dt.date(2026, 2, 4))
    assert (counts["patrols_done"], counts["patrols_partial"], counts["patrols_missed"]) == (
        0,
        1,
        1,
    )
    assert counts["missed_posts"] == 5
    with pytest.raises(reports.ZeroReportRefused):
        reports.file_zero_report("V1", day=dt.date(2026, 2, 4))
    from fieldapp.services.dashboard.figures import grid_summary

    day = dt.date(2026, 2, 4)
    grids = {g.code: g for g in grid_summary(day, day, day=day, at=clock.moment)}
    assert (grids["V1"].patrols_missed, grids["V1"].missed_posts) == (2, 5)
    assert (grids["T1"].patrols_missed, grids["V2"].patrols_missed) == (2, 0)  # rolled up
    _read_back_patrol_sheet(tmp_path)


def _read_back_patrol_sheet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    from fieldapp.services.export.ledger import ExportFilter, export_ledger

    out = tmp_path / "ledger.xlsx"
    day = dt.date(2026, 2, 4)
    export_ledger(out, where=ExportFilter(first=day, last=day), lang="zh")
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["巡逻台账"].iter_rows(values_only=True))
    header, evening, morning = rows  # missed posts first: not done, then partly done
    assert header[:8] == (
        "日期",
        "时段",
        "网格编码",
        "路线编号",
        "巡逻路线",
        "责任人/队",
        "巡逻人",
        "考勤",
    )
    assert morning[1:4] == ("06:30-09:00", "V1", "FW-01") and morning[7] == "部分完成"
    assert (morning[8], morning[9], morning[10]) == (3, 4, "CP-04 鼎美村消防室")
    assert morning[11] == "CP-03 鼎美村消火栓1号" and morning[12] == "CP-02 鼎美村烟花销售点"
    assert evening[1] == "18:00-20:00" and evening[7] == "未巡逻" and evening[8] == 0
