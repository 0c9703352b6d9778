"""A small store for the review tests: a town with two villages, people, venues, findings.

Rows are written directly (not through the inspection screens) so each test states only
what it needs; the events are the ones `inspections.submit` writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.common.checklists import checklist_for_kind, clear_cache, load_checklists
from fieldapp.services.common.identity import set_identity
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewFilters
from fieldapp.store import open_store
from fieldapp.store.models import (
    Finding,
    FindingEvent,
    Grid,
    Inspection,
    Person,
    PersonGrid,
    Venue,
)

DEVICE = "dev-supervisor"


@dataclass
class World:
    home: Path
    people: dict[str, str] = field(default_factory=dict)  # role name -> person id
    venues: dict[str, str] = field(default_factory=dict)  # code -> venue id

    def act_as(self, who: str, device: str = DEVICE) -> None:
        set_identity(self.people[who], device)


def build_world(home: Path) -> World:
    home.mkdir(parents=True, exist_ok=True)
    open_store(home / "fieldapp.sqlite3")
    clear_cache()
    load_checklists()
    world = World(home)
    Grid.create(code="T01", name="新阳镇", level="town")
    Grid.create(code="V01", name="鼎美村", level="village", parent="T01")
    Grid.create(code="V01-A", name="鼎美村一片", level="area", parent="V01")
    Grid.create(code="V02", name="芸美村", level="village", parent="T01")
    for key, name, role, grids in (
        ("inspector", "林网格员", "inspector", ["V01"]),
        ("inspector2", "陈流管员", "inspector", ["V02"]),
        ("supervisor", "王网格长", "supervisor", ["T01"]),
        ("village_head", "郑村网格长", "supervisor", ["V02"]),
    ):
        pid = new_id()
        Person.create(id=pid, name=name, role=role)
        for grid in grids:
            PersonGrid.create(person=pid, grid=grid)
        world.people[key] = pid
    for code, name, kind, grid in (
        ("DM-0001", "鼎美村·福顺小旅馆(示例)", "small_hotel", "V01-A"),
        ("DM-0002", "老渡口农贸市场(示例)", "market", "V01"),
        ("YM-0001", "芸美村·好又多超市(示例)", "supermarket", "V02"),
    ):
        vid = new_id()
        Venue.create(
            id=vid,
            code=code,
            name=name,
            kind=kind,
            grid=grid,
            address=f"{name[:3]}路8号",
            contact="陈老板",
            phone="13800000000",
        )
        world.venues[code] = vid
    world.act_as("supervisor")
    return world


def add_inspection(
    world: World, venue_code: str, *, inspector: str = "inspector", presence: str = "scanned"
) -> str:
    venue = Venue.get(Venue.code == venue_code)
    iid = new_id()
    stamp = now_iso()
    Inspection.create(
        id=iid,
        venue=venue.id,
        checklist_id=venue.kind,
        checklist_version=checklist_for_kind(venue.kind).version,  # the shipped one
        inspector=world.people[inspector],
        device_id=f"dev-{inspector}",
        started_at=stamp,
        finished_at=stamp,
        submitted_at=stamp,
        status="submitted",
        presence=presence,
        presence_reason="" if presence == "scanned" else "placard_missing",
        summary={"total": 10, "answered": 10, "failures": {"general": 1, "major": 0}},
    )
    return iid


def add_finding(
    world: World,
    venue_code: str,
    item_code: str,
    *,
    severity: str = "general",
    deadline: dt.date | None = None,
    inspector: str = "inspector",
    description: str = "",
    found: str | None = None,
) -> str:
    """A submitted finding with its opened event, as inspections.submit writes it."""
    iid = add_inspection(world, venue_code, inspector=inspector)
    venue = Venue.get(Venue.code == venue_code)
    fid = new_id()
    stamp = found or now_iso()
    deadline = deadline or today() + dt.timedelta(days=3)
    Finding.create(
        id=fid,
        inspection=iid,
        venue=venue.id,
        item_code=item_code,
        severity=severity,
        description=description,
        deadline=deadline,
        created_at=stamp,
        created_by=world.people[inspector],
        state="open",
        current_deadline=deadline,
    )
    FindingEvent.create(
        id=new_id(),
        finding=fid,
        type="opened",
        actor=world.people[inspector],
        role="inspector",
        device_id=f"dev-{inspector}",
        at=stamp,
        data={"deadline": deadline.isoformat(), "severity": severity},
    )
    return fid


def verified_here_rejected_elsewhere() -> str:
    """The one reported fix in the queue, verified here while another supervisor, offline,
    rejected the same report (their event arrives after the verify): a conflict. Its id."""
    other = new_id()
    Person.create(id=other, name="郑村网格长", role="supervisor")
    PersonGrid.create(person=other, grid="T01")
    [reported] = review.review_queue(ReviewFilters())
    seen = findings.fold_of(reported.finding_id).last_event_id
    assert review.bulk_apply([reported.finding_id], "verified")[0].applied
    FindingEvent.create(
        id=new_id(),
        finding=reported.finding_id,
        type="rejected",
        actor=other,
        role="supervisor",
        device_id="dev-zheng-0000001",
        base_event=seen,
        at=now_iso(),
        data={"deadline": (today() + dt.timedelta(days=5)).isoformat()},
    )
    findings.refresh(Finding.get_by_id(reported.finding_id))
    return reported.finding_id


def notice_and_letter(world: World) -> str:
    """What a notice and a letter are printed from: an open hazard at DM-0001, and a
    major one at DM-0002 handed over to the police station (its id returned)."""
    fid = add_finding(world, "DM-0002", "COM-04", severity="major")
    review.bulk_apply([fid], "handed_over", data={"unit": "police_station", "reference": "P-9"})
    add_finding(world, "DM-0001", "COM-03")
    return fid
