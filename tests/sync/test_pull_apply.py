"""A pulled page on the device: what arrives is stored, and what cannot be is skipped with
a warning that says why, without stopping the rest of the page.

End to end (a real server on loopback, real store files): a checklist version the office
publishes reaches the device while the shipped version it already holds stays as it is; a
placard key revoked at the office is refused on the device after its next sync; the daily
reports of a supervisor's grids reach the supervisor's device. What a normal server never
sends (a venue whose grid the device does not hold, a change type from a newer server) is
applied directly to a real store file (`tree`: China time), in the feed's record shapes
(sync.server.records, people, activities, followups).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
from rounds_support import INSPECTOR_A11, add_venue
from sync_world import Device, daily_report

from fieldapp.domain.placard import OK, REVOKED
from fieldapp.paths import CHECKLISTS_DIR
from fieldapp.services.common.checklists import (
    checklist_for_kind,
    clear_cache,
    load_checklists,
    sha256_text,
    stored_versions,
)
from fieldapp.services.daily_report.reports import report_for
from fieldapp.services.placards.printing import verify_scan
from fieldapp.store.activity_models import Activity
from fieldapp.store.db import db
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.store.models import Checklist, DailyReport, PlacardKey, Venue
from fieldapp.store.people_models import Household, HouseholdMember, Responsibility, Vehicle
from sync.client.apply import PageApplier
from sync.protocol import Change
from sync.server import admin, placard_keys
from sync.server import db as server_db
from sync.server.models import Checklist as ServerChecklist
from sync.server.models import PlacardKey as ServerPlacardKey

STAMP = "2026-06-10T02:00:00.000Z"
EDITION = "Small guesthouse checklist, 2027 edition"  # the title of the version published


# --- records as the server's feed sends them ---------------------------------------------


def venue(venue_id: str, code: str, grid: str, last_inspected_at: str | None = None) -> dict:
    return {
        "id": venue_id, "code": code, "name": f"场所{code}", "kind": "small_shop",
        "address": "东村1号", "grid": grid, "contact": "", "phone": "", "risk_level": "normal",
        "placard_key_id": None, "updated_at": STAMP, "lat": None, "lon": None,
        "last_inspected_at": last_inspected_at, "attributes": {},
    }  # fmt: skip


def report(report_id: str, grid: str) -> dict:
    return {
        "id": report_id, "grid_code": grid, "date": "2026-06-10", "reporter": INSPECTOR_A11,
        "counts": {"inspections": 2}, "zero_report": False, "remarks": "", "submitted_at": STAMP,
    }  # fmt: skip


def household(household_id: str, grid: str) -> dict:
    return {
        "id": household_id, "grid_code": grid, "code": "0101", "building": "1栋",
        "venue_id": None, "address": "", "note": "", "updated_at": STAMP,
        "updated_by": INSPECTOR_A11, "members": [], "vehicles": [], "cadres": [],
    }  # fmt: skip


def activity(activity_id: str, grid: str) -> dict:
    return {
        "id": activity_id, "type_code": "facility_check", "grid_code": grid,
        "held_on": "2026-06-10", "place": "村委会", "attendees": 3, "attendee_names": "",
        "minutes": "", "photos": [], "recorded_by": INSPECTOR_A11, "recorded_at": STAMP,
    }  # fmt: skip


def followup(plan_id: str, member_id: str) -> dict:
    return {
        "id": plan_id, "member_id": member_id, "grid_code": "A11", "form_id": "temperature",
        "cadence": "daily", "times": ["09:00"], "start_on": "2026-06-10", "days": 7,
        "responsible": [INSPECTOR_A11], "created_by": INSPECTOR_A11, "created_at": STAMP,
        "readings": [], "cases": [],
    }  # fmt: skip


def pull(*page: tuple[str, dict[str, Any]]) -> list[str]:
    """Apply one page (type, record) as the pull does, in its transaction; its warnings."""
    changes = [
        Change(seq=n + 1, type=type_, id=record["id"], record=record)
        for n, (type_, record) in enumerate(page)
    ]
    applier = PageApplier(changes)
    with db.atomic():
        applier.apply()
    return applier.warnings


def last_inspected(venue_id: str) -> dt.date | None:
    return Venue.get_by_id(venue_id).last_inspected_on


# --- what a normal server never sends ------------------------------------------------------


def test_a_change_of_a_type_this_device_does_not_know_is_ignored_and_the_page_applied(
    tree,
) -> None:
    newer = {"id": "s-1", "grid_code": "A11", "question": "烟感是否联网"}  # a newer server's
    warnings = pull(("survey", newer), ("venue", venue("v-1", "DM-0101", "A11")))
    assert warnings == ["ignored a change of unknown type 'survey'"]
    assert Venue.get_by_id("v-1").code == "DM-0101"


WHERE_NOT_HELD = {
    "venue": (venue, Venue, "venue {code} skipped: its grid is not on this device"),
    "daily_report": (report, DailyReport, "daily report {id} skipped: its grid is not on this device"),
    "household": (household, Household, "household {id} skipped: its grid is not on this device"),
    "activity": (activity, Activity, "activity {id} skipped: its grid is not on this device"),
}  # fmt: skip


@pytest.mark.parametrize("type_", WHERE_NOT_HELD)
def test_a_record_of_a_grid_not_on_this_device_is_skipped_and_the_rest_applied(
    tree, type_: str
) -> None:
    make, model, warning = WHERE_NOT_HELD[type_]
    if type_ == "venue":
        elsewhere, held = make("v-9", "ZZ-0009", "V9"), make("v-1", "DM-0101", "A11")
    else:
        elsewhere, held = make("r-9", "V9"), make("r-1", "A11")
    assert pull((type_, elsewhere), (type_, held)) == [warning.format(**elsewhere)]
    assert [row.id for row in model.select()] == [held["id"]]


def test_a_venue_whose_code_this_device_holds_on_another_venue_is_skipped(tree) -> None:
    mine = add_venue("DM-0042", "small_shop", "A11")
    warnings = pull(
        ("venue", venue("v-2", "DM-0042", "A11")), ("venue", venue("v-3", "DM-0043", "A11"))
    )
    assert warnings == ["venue DM-0042 skipped: this device has that code on another venue"]
    assert Venue.get_by_id(mine).code == "DM-0042"
    assert Venue.get_or_none(Venue.id == "v-2") is None
    assert Venue.get_by_id("v-3").code == "DM-0043"


def test_on_a_page_of_1200_venues_a_code_held_on_another_venue_is_still_found(tree) -> None:
    """A first pull's pages hold up to 2,000 venues; the device looks up the codes and ids
    it holds 500 at a time, and the first 500 count as much as the last."""
    mine = add_venue("DM-0001", "small_shop", "A11")
    page = [("venue", venue(f"v-{n}", f"DM-{n:04}", "A11")) for n in range(1, 1201)]
    warnings = pull(*page)
    assert warnings == ["venue DM-0001 skipped: this device has that code on another venue"]
    assert Venue.get_by_id(mine).code == "DM-0001"
    assert Venue.select().count() == 1200


def test_a_follow_up_plan_of_a_person_not_on_this_device_is_skipped(tree) -> None:
    family = household("h-1", "A11")
    family["members"] = [{"id": "member-here", "name": "陈建国", "tags": ["returnee"]}]
    warnings = pull(
        ("household", family),
        ("followup", followup("plan-1", "member-elsewhere")),
        ("followup", followup("plan-2", "member-here")),
    )
    assert warnings == ["follow-up plan plan-1 skipped: its person is not on this device"]
    assert [plan.id for plan in FollowupPlan.select()] == ["plan-2"]


def test_a_household_pulled_again_keeps_a_registration_date_an_older_server_leaves_out(
    tree,
) -> None:
    """The member's registration date as the server last gave it (an older server's record
    has none: the device keeps the date it knows); the vehicles as the server lists them."""
    family = household("h-1", "A11")
    member = {"id": "m-1", "name": "陈建国", "registered_on": "2026-06-10"}
    family.update(members=[member], vehicles=[
        {"id": "car-1", "plate": "桂A12345", "kind": "car", "note": "租客的车"},
        {"id": "car-2", "plate": "桂A54321"},  # kind and note not given
    ])  # fmt: skip
    assert pull(("household", family)) == []
    family["members"] = [{"id": "m-1", "name": "陈建国"}]  # an older server's record
    assert pull(("household", family)) == []
    assert HouseholdMember.get_by_id("m-1").registered_on == dt.date(2026, 6, 10)
    family["members"] = [{**member, "registered_on": "2026-06-12"}]
    assert pull(("household", family)) == []
    assert HouseholdMember.get_by_id("m-1").registered_on == dt.date(2026, 6, 12)
    assert sorted((v.plate, v.kind, v.note) for v in Vehicle.select()) == [
        ("桂A12345", "car", "租客的车"), ("桂A54321", "", "")]  # fmt: skip
    family["vehicles"] = []  # the cars were sold
    assert pull(("household", family)) == []
    assert Vehicle.select().count() == 0


def test_a_households_包保_cadres_follow_the_server_and_another_households_stay(tree) -> None:
    """A cadre the server no longer lists for a family is dropped from it, and only from it:
    the cadres of the household next door stay."""
    first, second = household("h-1", "A11"), household("h-2", "A11")
    first["cadres"], second["cadres"] = ["p-zhang", "p-li"], ["p-wang"]
    assert pull(("household", first), ("household", second)) == []
    first["cadres"] = ["p-zhang"]  # 李 is no longer responsible for this family
    assert pull(("household", first)) == []
    held = sorted((r.household_id, r.person_id) for r in Responsibility.select())
    assert held == [("h-1", "p-zhang"), ("h-2", "p-wang")]


# --- a venue's last inspection, as the device dates it (China time) ----------------------


def test_a_last_inspection_stamped_without_a_zone_is_read_as_utc(tree) -> None:
    # 20:00 UTC on 9 June is 04:00 on 10 June in China, the device's local time.
    pull(
        ("venue", venue("v-1", "DM-0101", "A11", "2026-06-09T20:00:00")),
        ("venue", venue("v-2", "DM-0102", "A11", "2026-06-09T20:00:00.000Z")),
    )
    assert last_inspected("v-1") == last_inspected("v-2") == dt.date(2026, 6, 10)


def test_a_last_inspection_stamp_that_is_not_a_time_leaves_the_date_empty(tree) -> None:
    warnings = pull(
        ("venue", venue("v-1", "DM-0101", "A11", "上周三")),
        ("venue", venue("v-2", "DM-0102", "A11", "2026-06-09T03:00:00.000Z")),
    )
    assert warnings == []
    assert last_inspected("v-1") is None
    assert last_inspected("v-2") == dt.date(2026, 6, 9)


# --- end to end: a real server ---------------------------------------------------------------


def synced(device: Device) -> Device:
    with device.client() as client:
        assert client.sync_once().ok
    return device


def test_a_published_checklist_reaches_the_device_and_a_shipped_version_is_kept(
    make_device, tmp_path
) -> None:
    shipped = CHECKLISTS_DIR / "small_hotel.toml"
    text = shipped.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    version = doc["version"]
    newer = tmp_path / shipped.name
    newer.write_text(
        text.replace(f"version = {version}", f"version = {version + 1}", 1).replace(
            doc["title_en"], EDITION, 1
        ),
        encoding="utf-8",
    )
    with server_db.current().connection_context():
        assert admin.publish_checklist(shipped).new  # the office publishes the shipped one
        assert admin.publish_checklist(newer).new
        published = ServerChecklist.get(version=version + 1).sha256
    device = make_device("inspector").open()
    clear_cache()
    assert load_checklists().loaded  # as the app's start-up does

    def held(v: int) -> tuple[str, str, str]:
        row = Checklist.get(checklist_id="small_hotel", version=v)
        return row.sha256, row.source, row.loaded_at

    before = held(version)
    synced(device.enroll("p-insp"))
    assert stored_versions("small_hotel") == [version, version + 1]
    assert held(version) == before and before[0] == sha256_text(text)
    assert held(version + 1)[:2] == (published, "small_hotel.toml")
    newest = checklist_for_kind("small_hotel")
    assert (newest.version, newest.title_en) == (version + 1, EDITION)


def test_a_placard_key_revoked_at_the_office_is_refused_after_the_next_sync(make_device) -> None:
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        key = placard_keys.signing_key()
    placard = key.sign("DM-0001")
    inspector = synced(make_device("inspector").enroll("p-insp"))
    assert verify_scan(placard).kind == OK
    with server_db.current().connection_context():
        assert placard_keys.revoke(key.key_id)
        revoked_at = ServerPlacardKey.get_by_id(key.key_id).revoked_at
    synced(inspector)
    assert verify_scan(placard).kind == REVOKED
    held = PlacardKey.get_by_id(key.key_id)
    assert (held.revoked, held.revoked_at) == (True, revoked_at)


def test_the_daily_reports_of_a_supervisors_grids_reach_the_supervisors_device(
    make_device,
) -> None:
    filed = {**daily_report("V1", "p-insp"), "counts": {"inspections": 3}, "remarks": "两处整改中"}
    zero = {**daily_report("V2", "p-insp2"), "counts": {}, "zero_report": True}
    for person, payload in (("p-insp", filed), ("p-insp2", zero)):
        device = make_device(person).enroll(person)
        device.enqueue("daily_report.submit", payload)
        synced(device)
    synced(make_device("supervisor").enroll("p-sup"))
    day = dt.date(2026, 6, 10)
    v1, v2 = report_for("V1", day), report_for("V2", day)
    assert v1 is not None and v2 is not None
    assert (v1.id, v1.reporter, v1.counts, v1.zero_report, v1.remarks, v1.submitted_at) == (
        filed["id"], "p-insp", {"inspections": 3}, False, "两处整改中", filed["submitted_at"],
    )  # fmt: skip
    assert (v2.id, v2.reporter, v2.zero_report) == (zero["id"], "p-insp2", True)


def test_a_setting_the_office_may_not_publish_is_passed_over_and_said(tree) -> None:
    """Only the office's settings come from the wire: a `language` change (from a damaged
    or newer server) leaves the device's own, and says so; the office's setting on the
    same page is taken."""
    from fieldapp.services.common import settings

    settings.put("language", "zh")
    warnings = pull(
        ("setting", {"id": "language", "key": "language", "value": "en"}),
        ("setting", {"id": "cadence_days", "key": "cadence_days", "value": {"small_shop": 14}}),
    )
    assert warnings == ["ignored a setting the office may not publish: 'language'"]
    assert settings.get("language") == "zh"
    assert settings.get("cadence_days") == {"small_shop": 14}
