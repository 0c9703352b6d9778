"""Pulled incidents and their events on the device (sync/client/incident_rows): an incident
of a grid this device does not hold, or an event of an incident it does not hold, is
skipped with a warning that says why, and the rest of the page is applied.

Applied directly to a real store file (`tree`) in the feed's record shapes
(sync.server.incidents), as the pull does.
"""

from __future__ import annotations

from rounds_support import INSPECTOR_A11
from test_pull_apply import pull, venue

from fieldapp.store.incident_models import Incident, IncidentEvent

STAMP = "2026-06-10T02:00:00.000Z"


def incident(incident_id: str, grid: str) -> dict:
    return {
        "id": incident_id, "category": "fire", "grid_code": grid, "venue_id": None,
        "address": "东村3组", "occurred_at": STAMP, "description": "电动车楼道充电",
        "people": [], "photos": [], "media": [], "created_at": STAMP,
        "created_by": INSPECTOR_A11, "state": "reported", "assigned_to": "", "conflict": False,
    }  # fmt: skip


def reported(event_id: str, incident_id: str, order: int) -> dict:
    return {
        "id": event_id, "incident_id": incident_id, "type": "reported", "actor": INSPECTOR_A11,
        "role": "inspector", "device_id": "d-2", "base_event": None, "at": STAMP, "note": "",
        "photos": [], "data": {}, "received_at": STAMP, "server_order": order,
        "conflict": False, "conflict_reason": "",
    }  # fmt: skip


def test_an_incident_of_a_grid_not_on_this_device_is_skipped_and_the_rest_applied(tree) -> None:
    warnings = pull(("incident", incident("i-9", "V9")), ("incident", incident("i-1", "A11")))
    assert warnings == ["incident i-9 skipped: its grid is not on this device"]
    assert [i.id for i in Incident.select()] == ["i-1"]


def test_an_event_of_an_incident_not_on_this_device_is_skipped_and_the_rest_applied(
    tree,
) -> None:
    warnings = pull(
        ("incident", incident("i-1", "A11")),
        ("incident.event", reported("e-9", "i-elsewhere", 0)),
        ("incident.event", reported("e-1", "i-1", 0)),
    )
    assert warnings == ["event e-9 skipped: its incident is not on this device"]
    assert [(e.id, e.incident_id) for e in IncidentEvent.select()] == [("e-1", "i-1")]


# --- incidents and events pulled whole, and pulled again ------------------------------------

SHA = "cd" * 32


def test_an_incident_is_kept_whole_with_its_place(tree) -> None:
    at_venue = {
        **incident("i-1", "A11"), "venue_id": "v-1", "category": "fireworks_sale",
        "address": "", "occurred_at": "2026-06-09T23:40:00.000Z", "description": "门口摆摊卖烟花",
        "people": [{"name": "王某", "role": "摊主"}], "photos": [SHA],
        "media": [{"sha256": SHA, "name": "现场.mp4", "mime": "video/mp4", "size": 1024}],
        "created_by": "p-other",
    }  # fmt: skip
    elsewhere = {**incident("i-2", "A11"), "venue_id": "v-not-here"}
    assert (
        pull(
            ("venue", venue("v-1", "DM-0101", "A11")),
            ("incident", at_venue),
            ("incident", elsewhere),
        )
        == []
    )
    held = Incident.get_by_id("i-1")
    fields = ("category", "address", "occurred_at", "description", "people", "photos", "media",
              "created_at", "created_by")  # fmt: skip
    assert {f: getattr(held, f) for f in fields} == {f: at_venue[f] for f in fields}
    assert (held.venue_id, held.grid_code) == ("v-1", "A11")
    # A venue this device does not hold: the incident is kept, with its address.
    other = Incident.get_by_id("i-2")
    assert (other.venue_id, other.address) == (None, "东村3组")


def test_events_are_kept_whole_and_a_conflict_keeps_its_reason(tree) -> None:
    assigned = {
        **reported("e-2", "i-1", 1), "type": "assigned", "actor": "p-sup", "role": "supervisor",
        "device_id": "d-sup", "base_event": "e-1", "at": "2026-06-10T03:00:00.000Z",
        "note": "请尽快处理", "photos": [SHA], "data": {"person": INSPECTOR_A11},
    }  # fmt: skip
    late = {
        **reported("e-3", "i-1", 2), "type": "closed", "role": "supervisor",
        "base_event": "e-1", "conflict": True, "conflict_reason": "not_in_state",
    }  # fmt: skip
    assert pull(("incident", incident("i-1", "A11"))) == []
    # Its events on the next page: they alone make the device fold it again.
    page = (("incident.event", reported("e-1", "i-1", 0)), ("incident.event", assigned),
            ("incident.event", late))  # fmt: skip
    assert pull(*page) == []
    held = IncidentEvent.get_by_id("e-2")
    fields = ("type", "actor", "role", "device_id", "base_event", "at", "note", "photos",
              "data")  # fmt: skip
    assert {f: getattr(held, f) for f in fields} == {f: assigned[f] for f in fields}
    assert (held.incident_id, held.server_seq) == ("i-1", 1)
    assert IncidentEvent.get_by_id("e-3").data["conflict"] == "not_in_state"
    shown = Incident.get_by_id("i-1")
    # The late close is shown as a conflict for the supervisor to settle.
    assert (shown.state, shown.assigned_to, shown.conflict) == ("assigned", INSPECTOR_A11, True)


def test_an_event_held_here_takes_the_servers_number_when_pulled_again(tree) -> None:
    pull(("incident", incident("i-1", "A11")), ("incident.event", reported("e-1", "i-1", 0)))
    IncidentEvent.update(server_seq=None).execute()  # as this device's own, before its push
    noted = {**reported("e-2", "i-1", 6), "type": "note", "base_event": "e-1"}
    assert pull(("incident.event", reported("e-1", "i-1", 5)), ("incident.event", noted)) == []
    assert {e.id: e.server_seq for e in IncidentEvent.select()} == {"e-1": 5, "e-2": 6}


def test_an_event_twice_on_one_page_is_kept_once_with_its_later_number(tree) -> None:
    """Inserted once (the store refuses a second row), numbered as the page says last."""
    first, again = reported("e-1", "i-1", 5), reported("e-1", "i-1", 9)
    assert pull(("incident", incident("i-1", "A11")), ("incident.event", first),
                ("incident.event", again)) == []  # fmt: skip
    assert [(e.id, e.server_seq) for e in IncidentEvent.select()] == [("e-1", 9)]


def test_more_events_held_here_than_one_query_asks_for_all_take_their_numbers(tree) -> None:
    """A pull of pages of 2,000 may bring back 1,200 events this device sent: each is
    found held (the device asks for them 500 at a time) and numbered, none inserted again."""
    pull(("incident", incident("i-1", "A11")))
    mine = [{**reported(f"e-{n:04}", "i-1", 0), "type": "note"} for n in range(1200)]
    pull(*(("incident.event", event) for event in mine))
    IncidentEvent.update(server_seq=None).execute()  # as this device's own, before its push
    numbered = [{**event, "server_order": n + 1} for n, event in enumerate(mine)]
    assert pull(*(("incident.event", event) for event in numbered)) == []
    assert IncidentEvent.select().where(IncidentEvent.server_seq.is_null()).count() == 0
    assert IncidentEvent.select().count() == 1200


def test_my_own_events_fold_after_their_base_though_the_clock_went_back_between(tree) -> None:
    """Offline, the supervisor assigns an incident, the laptop's clock is set back an hour,
    and they hand it over: the hand-over follows the assignment it was made on, whatever
    the clock says, so a pull that refolds it shows it handed over and in no conflict."""
    pull(("incident", incident("i-1", "A11")), ("incident.event", reported("e-1", "i-1", 0)))
    mine = {"incident": "i-1", "actor": "p-sup", "role": "supervisor", "device_id": "d-1"}
    IncidentEvent.create(id="e-2", type="assigned", base_event="e-1", at="2026-06-10T10:00:00.000Z",
                         data={"person": INSPECTOR_A11}, **mine)  # fmt: skip
    IncidentEvent.create(id="e-3", type="handed_over", base_event="e-2",
                         at="2026-06-10T09:00:00.000Z",
                         data={"unit": "police_station", "reference": "移〔2026〕2号"}, **mine)  # fmt: skip
    assert pull(("incident.event", reported("e-1", "i-1", 0))) == []  # refolds it
    shown = Incident.get_by_id("i-1")
    assert (shown.state, shown.conflict) == ("handed_over", False)


def test_an_incident_shows_the_servers_state_until_its_events_are_here(tree) -> None:
    """The feed can page an incident apart from its events: until they come, the device
    shows the state the server sent, not that of an incident with no events."""
    handed = {**incident("i-1", "A11"), "state": "handed_over", "assigned_to": "p-sup",
              "conflict": True}  # fmt: skip
    assert pull(("incident", handed)) == []
    shown = Incident.get_by_id("i-1")
    assert (shown.state, shown.assigned_to, shown.conflict) == ("handed_over", "p-sup", True)
    reassigned = {**handed, "state": "assigned", "assigned_to": INSPECTOR_A11}
    assert pull(("incident", reassigned), ("incident", incident("i-2", "A11"))) == []
    shown = Incident.get_by_id("i-1")
    assert (shown.state, shown.assigned_to, shown.conflict) == ("assigned", INSPECTOR_A11, True)
    assert Incident.get_by_id("i-2").state == "reported"  # the new one after it, kept too


def test_my_own_event_not_yet_sent_stands_over_the_servers_state_pulled(tree) -> None:
    """The supervisor closed an incident offline; a pull then brings the incident's record
    with the state the server knows: the device still shows it closed, as its events give."""
    pull(("incident", incident("i-1", "A11")), ("incident.event", reported("e-1", "i-1", 0)))
    mine = {"incident": "i-1", "actor": "p-sup", "role": "supervisor", "device_id": "d-1"}
    events = [("e-2", "handed_over", {"unit": "police_station", "reference": "移〔2026〕3号"}),
              ("e-3", "outcome_recorded", {"outcome": "goods_seized"}), ("e-4", "closed", {})]  # fmt: skip
    base = "e-1"
    for n, (event_id, kind, data) in enumerate(events):
        IncidentEvent.create(id=event_id, type=kind, base_event=base, data=data,
                             at=f"2026-06-10T0{3 + n}:00:00.000Z", **mine)  # fmt: skip
        base = event_id
    known = {**incident("i-1", "A11"), "state": "handed_over"}  # the server has the first
    assert pull(("incident", known)) == []
    assert Incident.get_by_id("i-1").state == "closed"
