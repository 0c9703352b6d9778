"""Checkpoints and patrol routes: imported like venues (row errors, all or nothing),
pulled by the devices of their grids, printed as signed placards by the server."""

from __future__ import annotations

import pytest
from patrol_support import CHECKPOINTS_CSV, import_patrols

from fieldapp.domain import placard
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute
from sync.server import db as server_db
from sync.server import placard_keys
from sync.server.patrol_import import import_checkpoints, import_routes
from sync.server.patrol_models import Checkpoint as ServerCheckpoint
from sync.server.tables import ImportRefused


def _refused(workdir, name, text, importer):
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    with server_db.current().connection_context(), pytest.raises(ImportRefused) as refused:
        importer(path)
    return {(e.row, e.column) for e in refused.value.errors}, str(refused.value)


def test_bad_checkpoint_rows_are_all_reported_and_nothing_is_imported(seed, server_workdir):
    text = (
        "code,name,kind,grid,form,lat,lon\n"
        "CP-01,村口,village_entrance,V1,,,\n"
        "CP-01,又一个,hydrant,V1,,,\n"  # code repeated
        "DM-0001,冒用场所编号,hydrant,V1,,,\n"  # a venue's code
        "CP-03,,tank,V9,boiler,95,\n"  # no name, unknown kind, grid, form; bad latitude
    )
    found, message = _refused(server_workdir, "bad.csv", text, import_checkpoints)
    assert found == {
        (3, "code"), (4, "code"), (5, "name"), (5, "kind"), (5, "grid"), (5, "form"), (5, "lat"),
    }  # fmt: skip
    assert "未导入任何内容" in message and "第 4 行 code 列：DM-0001 已是一个场所的编号" in message
    with server_db.current().connection_context():
        assert ServerCheckpoint.select().count() == 0


def test_bad_route_rows_name_each_problem(seed, server_workdir):
    (server_workdir / "cp.csv").write_text(CHECKPOINTS_CSV, encoding="utf-8")
    with server_db.current().connection_context():
        assert import_checkpoints(server_workdir / "cp.csv") == 4
    text = (
        "code,name,grid,checkpoints,days,windows,ordered,people\n"
        "R1,好路线,V1,CP-01;CP-02,mon;周三,06:30-09:00,yes,p-insp\n"
        "R2,坏路线,V2,CP-01;CP-09,someday,09:00-06:30,maybe,nobody\n"
        "R3,重复点,V1,CP-01;CP-01,daily,06:30-09:00;08:00-10:00,,p-insp\n"
    )
    found, _ = _refused(server_workdir, "routes.csv", text, import_routes)
    assert found == {
        (3, "checkpoints"), (3, "days"), (3, "windows"), (3, "ordered"), (3, "people"),
        (4, "checkpoints"), (4, "windows"),
    }  # fmt: skip


def test_checkpoints_and_routes_reach_the_devices_of_their_grid(make_device, seed, server_workdir):
    import_patrols(server_workdir)
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    assert {c.code for c in Checkpoint.select()} == {"CP-01", "CP-02", "CP-03", "CP-04"}
    route = PatrolRoute.get(PatrolRoute.code == "FW-01")
    by_id = {c.id: c.code for c in Checkpoint.select()}
    assert [by_id[c] for c in route.checkpoints] == ["CP-01", "CP-02", "CP-03", "CP-04"]
    assert route.ordered and route.people == ["p-insp"]
    assert route.schedule == {"days": ["daily"], "windows": ["06:30-09:00", "18:00-20:00"]}
    assert Checkpoint.get(Checkpoint.code == "CP-03").form == "hydrant"  # the kind's form

    other = make_device("other").enroll("p-insp2")  # V2: none of it
    with other.client() as client:
        assert client.sync_once().ok
    assert Checkpoint.select().count() == 0 and PatrolRoute.select().count() == 0


def test_the_server_prints_signed_checkpoint_placards(seed, server_workdir, tmp_path):
    from fieldapp.cli.admin_placards import server_placard_infos
    from fieldapp.reports.placards import find_cjk_font, render_pdf

    import_patrols(server_workdir)
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        signer = placard_keys.signing_key()
        infos = server_placard_infos(
            grid_code="V1", venue_code=None, signer=signer, checkpoints=True
        )
        keys = {k: (v.public_bytes, False) for k, v in placard_keys.verification_keys().items()}
    assert [i.venue_code for i in infos] == ["CP-03", "CP-01", "CP-02", "CP-04"]  # A1 first
    assert all(i.place == "checkpoint" for i in infos)
    check = placard.verify_payload(infos[1].payload, keys)
    assert check.ok and check.venue_code == "CP-01"
    out = tmp_path / "checkpoints.pdf"
    render_pdf(infos, out, font=find_cjk_font())
    assert out.read_bytes().startswith(b"%PDF")
