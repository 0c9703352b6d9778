"""A device whose person is given new grids (or a new role) gets their history."""

from __future__ import annotations

from sync_world import event, finding_event, inspection_submit

from fieldapp.store.models import Finding, FindingEvent, Grid, Inspection, PersonGrid, Venue
from sync.server import admin
from sync.server import db as server_db

PEOPLE_CSV = """id,name,role,phone,grids
p-insp,张三,{role},,{grids}
"""


def _assign(workdir, grids: str, role: str = "inspector") -> None:
    path = workdir / "people-change.csv"
    path.write_text(PEOPLE_CSV.format(grids=grids, role=role), encoding="utf-8")
    with server_db.current().connection_context():
        admin.import_people(path)


def test_a_newly_assigned_grid_brings_its_venues_and_findings(make_device, seed, server_workdir):
    device = make_device("a").enroll("p-insp")  # grid V1
    own = inspection_submit(seed.venues["DM-0001"], "p-insp")
    device.enqueue("inspection.submit", own)
    with device.client() as client:
        assert client.sync_once().ok

    # Work in grid V2 by another inspector, before p-insp has anything to do with V2.
    other = make_device("b").enroll("p-insp2")
    submit = inspection_submit(seed.venues["YM-0001"], "p-insp2", findings=2)
    finding = submit["findings"][0]
    reported = event("rectification_reported", "p-insp2", base=finding["events"][0]["id"])
    other.enqueue("inspection.submit", submit)
    other.enqueue("finding.event", finding_event(finding["id"], reported))
    with other.client() as client:
        assert client.sync_once().ok

    device.open()
    with device.client() as client:
        before = client.sync_once()
    assert before.ok and not before.rescoped
    assert Venue.get_or_none(Venue.code == "YM-0001") is None

    _assign(server_workdir, "V1;V2")  # the administrator adds V2
    with device.client(page_size=3) as client:
        result = client.sync_once()
    assert result.ok, result
    assert result.rescoped
    assert {g.code for g in Grid.select()} >= {"T1", "V1", "V2", "A1"}
    links = PersonGrid.select().where(PersonGrid.person == "p-insp")
    assert {link.grid_code for link in links} == {"V1", "V2"}
    assert Venue.get(Venue.code == "YM-0001").id == seed.venues["YM-0001"]
    v2 = {f.id: f for f in Finding.select().where(Finding.venue == seed.venues["YM-0001"])}
    assert set(v2) == {f["id"] for f in submit["findings"]}
    assert v2[finding["id"]].state == "rectification_reported"
    events = FindingEvent.select().where(FindingEvent.finding == finding["id"])
    assert sorted(e.server_seq for e in events) == [0, 1]  # the server's order
    # The re-pull wrote nothing twice and left this device's own work as it was.
    assert Finding.select().count() == 3
    assert FindingEvent.select().count() == 4
    assert Finding.get_by_id(own["findings"][0]["id"]).state == "open"
    assert {r.state for r in device.outbox().values()} == {"acked"}

    with device.client() as client:
        again = client.sync_once()
    assert again.ok and not again.rescoped and again.pulled == 0


def test_a_new_role_brings_the_history_that_role_sees(make_device, seed, server_workdir):
    inspector = make_device("b").enroll("p-insp2")
    submit = inspection_submit(seed.venues["YM-0001"], "p-insp2")
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok

    device = make_device("a").enroll("p-insp")
    _assign(server_workdir, "V1;V2")
    with device.client() as client:
        assert client.sync_once().ok
    assert Inspection.select().count() == 0  # inspections go to supervisors only

    _assign(server_workdir, "V1;V2", role="supervisor")
    with device.client() as client:
        result = client.sync_once()
    assert result.ok and result.rescoped
    assert Inspection.get_by_id(submit["inspection"]["id"]).inspector_id == "p-insp2"
